// Input quoted in messages, clipped: a 314 MB field or a 20 MB header is shown by its start and size.

/** The most characters of input that one message quotes. */
const MAX_QUOTED_CHARS = 200;

/**
 * `value` for a message: whole when at most `max` characters (default 200), else its first
 * `max` characters and its length, e.g. `HHHH… (5,000,000 characters)`.
 */
export function clipInput(value: string, max = MAX_QUOTED_CHARS): string {
  if (value.length <= max) return value;
  return `${value.slice(0, cutAt(value, max))}… (${value.length.toLocaleString('en')} characters)`;
}

/**
 * `value` in double quotes, escaped as JSON so that control characters show, and clipped like
 * {@link clipInput} (default 200 characters): `"HHHH…" (5,000,000 characters)`.
 */
export function quoteInput(value: string, max = MAX_QUOTED_CHARS): string {
  if (value.length <= max) return JSON.stringify(value);
  const start = JSON.stringify(value.slice(0, cutAt(value, max)));
  return `${start.slice(0, -1)}…" (${value.length.toLocaleString('en')} characters)`;
}

/**
 * Values listed for a message (`a, b, c`) within `max` characters in all (default 200): the list
 * ends with `, … (N in all)` where it is cut, and a first value too long alone is clipped.
 */
export function listInputs(values: readonly string[], max = MAX_QUOTED_CHARS): string {
  const shown: string[] = [];
  let used = 0;
  for (const value of values) {
    if (used + value.length > max) {
      if (shown.length === 0) shown.push(clipInput(value, max));
      break;
    }
    shown.push(value);
    used += value.length + 2;
  }
  const more = shown.length < values.length ? `, … (${values.length} in all)` : '';
  return `${shown.join(', ')}${more}`;
}

/** Where to cut `value` near `max` without splitting a surrogate pair. */
function cutAt(value: string, max: number): number {
  const last = value.charCodeAt(max - 1);
  return last >= 0xd800 && last <= 0xdbff ? max - 1 : max;
}
