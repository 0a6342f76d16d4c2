import { sha256 } from '../hash.js';

/** One item handed to the model: a short reference (P1, T2, N3) and its text. */
export interface DataItem {
  ref: string;
  text: string;
}

/**
 * Formats items as a delimited data block, one `[ref] text` per line, between `<data-NONCE>`
 * and `</data-NONCE>`. The nonce is derived from the content, so a contributor cannot guess it
 * to close the block early, and the same items always give the same prompt (and cache key).
 * Line breaks inside a text become spaces, so no text can start a line of its own.
 */
export function dataBlock(items: readonly DataItem[]): string {
  const lines = items.map((item) => `[${item.ref}] ${oneLine(item.text)}`);
  const nonce = sha256(lines.join('\n')).slice(0, 12);
  return [`<data-${nonce}>`, ...lines, `</data-${nonce}>`].join('\n');
}

function oneLine(text: string): string {
  return text.replace(/[\s\u0085]+/gu, ' ').trim();
}

/** Items with references `<prefix>1`, `<prefix>2`, ... and a map back from reference to value. */
export function referenced<T>(
  prefix: string,
  values: readonly T[],
  text: (value: T) => string,
): { items: DataItem[]; byRef: Map<string, T> } {
  const byRef = new Map<string, T>();
  const items = values.map((value, i) => {
    const ref = `${prefix}${i + 1}`;
    byRef.set(ref, value);
    return { ref, text: text(value) };
  });
  return { items, byRef };
}
