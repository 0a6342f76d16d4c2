// A brief read for export: its Markdown in bytes and where its charts come from, as plain data a worker thread can take.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InputError } from '../errors.js';

/** Where a brief's charts are read: files beside its Markdown, or those held in its .docx. */
export type BriefAssets =
  | { kind: 'folder'; dir: string }
  | { kind: 'charts'; charts: ReadonlyMap<string, string> };

/** A brief's Markdown, in bytes (a huge brief as a JavaScript string is twice the size), and its charts. */
export interface BriefSource {
  markdown: Uint8Array;
  assets: BriefAssets;
}

/**
 * Reads a brief: its Markdown as written or edited (`.md`, charts from the SVG files it refers
 * to), or a `.docx` edited in Word (read back to Markdown by `readDocx`, charts from inside it).
 */
export async function readBrief(path: string): Promise<BriefSource> {
  const bytes = await readFile(path).catch((cause: NodeJS.ErrnoException) => {
    throw new InputError(
      `${path}: cannot read it (${cause.code ?? cause.message})`,
      path,
      undefined,
      {
        cause,
      },
    );
  });
  if (!/\.docx$/i.test(path))
    return { markdown: bytes, assets: { kind: 'folder', dir: dirname(path) } };
  const { readDocx } = await import('./docx-read.js');
  const brief = await readDocx(bytes).catch((cause: Error) => {
    throw new InputError(
      `${path}: cannot read it as a Word document (${cause.message})`,
      path,
      undefined,
      {
        cause,
      },
    );
  });
  return {
    markdown: Buffer.from(brief.markdown),
    assets: { kind: 'charts', charts: brief.charts },
  };
}

/**
 * Reads a brief's chart by the path its Markdown gives: from the folder, only files under it
 * (nothing outside it, nothing absolute; a `.gz` one decompressed), or from the .docx's charts;
 * undefined if absent.
 */
export function assetReaderOf(assets: BriefAssets): (path: string) => string | undefined {
  if (assets.kind === 'charts') return (chart) => assets.charts.get(chart);
  return (path) => {
    const clean = normalize(decodeURI(path));
    if (isAbsolute(clean) || clean.startsWith('..')) return undefined;
    try {
      const bytes = readFileSync(join(assets.dir, clean));
      return (clean.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    } catch {
      return undefined;
    }
  };
}
