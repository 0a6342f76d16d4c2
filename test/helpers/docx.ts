import { readFile } from 'node:fs/promises';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** The parts of a .docx package, by path. */
export async function docxParts(path: string): Promise<Record<string, Uint8Array>> {
  return unzipSync(await readFile(path));
}

/** One part of a package as text ('' if absent). */
export function partText(parts: Record<string, Uint8Array>, name: string): string {
  const part = parts[name];
  return part ? strFromU8(part) : '';
}

/** A package with one part's text changed, as Word would save it. */
export function withPart(
  parts: Record<string, Uint8Array>,
  name: string,
  change: (xml: string) => string,
): Uint8Array {
  return zipSync({ ...parts, [name]: strToU8(change(partText(parts, name))) });
}

/** The paragraphs of `word/document.xml`: their style id ('' for Normal) and text. */
export function paragraphs(xml: string): { style: string; text: string }[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map(([, body = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '',
    text: [...body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)]
      .map(([, t]) => unescapeXml(t ?? ''))
      .join(''),
  }));
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
