import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { writeFileAtomic, writeStreamAtomic } from '../atomic-write.js';
import { InputError } from '../errors.js';
import { markdownToHtml } from './html.js';

export interface ExportTargets {
  pdf?: string | undefined;
  html?: string | undefined;
}

export interface ExportOptions {
  pageSize: 'A4' | 'LETTER';
  /** The date in the PDF's metadata (ISO). */
  date: string;
}

/**
 * Turns a brief's Markdown (as written, or as an author edited it) into PDF and/or HTML.
 * Charts are read from the SVG files it refers to, relative to it and inside its folder.
 */
export async function exportBrief(
  markdownPath: string,
  targets: ExportTargets,
  options: ExportOptions,
): Promise<string[]> {
  // Bytes, decoded where needed: a huge brief as a JavaScript string is twice the size.
  const markdown = await readFile(markdownPath).catch((cause: NodeJS.ErrnoException) => {
    throw new InputError(
      `${markdownPath}: cannot read it (${cause.code ?? cause.message})`,
      markdownPath,
      undefined,
      { cause },
    );
  });
  const readAsset = assetReader(dirname(markdownPath));
  const written: string[] = [];
  if (targets.pdf) {
    // pdfkit and its fonts load only when a PDF is made: every other command starts faster.
    const { writePdf } = await import('./pdf.js');
    await writeStreamAtomic(targets.pdf, (out) =>
      writePdf(markdown, { ...options, readAsset }, out),
    );
    written.push(targets.pdf);
  }
  if (targets.html) {
    await writeFileAtomic(targets.html, [markdownToHtml(markdown.toString('utf8'), { readAsset })]);
    written.push(targets.html);
  }
  return written;
}

/** Reads files under `dir` by relative path; nothing outside it, nothing absolute. */
function assetReader(dir: string): (path: string) => string | undefined {
  return (path) => {
    const clean = normalize(decodeURI(path));
    if (isAbsolute(clean) || clean.startsWith('..')) return undefined;
    try {
      return readFileSync(join(dir, clean), 'utf8');
    } catch {
      return undefined;
    }
  };
}
