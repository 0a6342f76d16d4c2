import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type WrittenFile, writeFileAtomic, writeStreamAtomic } from '../atomic-write.js';
import { InputError } from '../errors.js';
import { countPhase, type PhaseProgress } from '../progress-counter.js';
import { markdownToHtml } from './html.js';

export interface ExportTargets {
  pdf?: string | undefined;
  html?: string | undefined;
  docx?: string | undefined;
}

/** A file the export wrote: its path, and the hash and size of the bytes written. */
export interface ExportedFile extends WrittenFile {
  path: string;
}

export interface ExportOptions {
  pageSize: 'A4' | 'LETTER';
  /** The date in the PDF's metadata and the .docx's properties (ISO). */
  date: string;
}

/**
 * Turns a brief into PDF, HTML and/or Word: its Markdown as written or as an author edited it
 * (`.md`, charts read from the SVG files it refers to, relative to it and inside its folder), or
 * a `.docx` edited in Word (read back to Markdown by `readDocx`, charts from inside it).
 * Returns the files written, with the hash of the bytes as they were written; `warn` hears
 * what the export had to leave out (a damaged `sources.csv`); `progress` hears each file written.
 */
export async function exportBrief(
  inputPath: string,
  targets: ExportTargets,
  options: ExportOptions,
  warn?: (message: string) => void,
  progress?: PhaseProgress,
): Promise<ExportedFile[]> {
  const { markdown, readAsset } = await readBrief(inputPath);
  const written: ExportedFile[] = [];
  const total = Object.values(targets).filter(Boolean).length;
  const files = countPhase(progress, 'writing', 'files', total);
  if (targets.pdf) {
    // pdfkit and its fonts load only when a PDF is made: every other command starts faster.
    const { writePdf } = await import('./pdf.js');
    const onPage = (done: number, pages: number) =>
      progress?.({ phase: 'PDF', unit: 'pages', done, total: pages });
    const pdf = await writeStreamAtomic(targets.pdf, (out) =>
      writePdf(markdown, { ...options, readAsset, onPage }, out),
    );
    written.push({ path: targets.pdf, ...pdf });
    files.add();
  }
  if (targets.html) {
    const html = markdownToHtml(markdown.toString('utf8'), { readAsset, warn });
    written.push({ path: targets.html, ...(await writeFileAtomic(targets.html, [html])) });
    files.add();
  }
  if (targets.docx) {
    const { writeDocx } = await import('./docx.js');
    const docx = await writeDocx(markdown, { ...options, readAsset });
    written.push({ path: targets.docx, ...(await writeFileAtomic(targets.docx, [docx])) });
    files.add();
  }
  return written;
}

/** A brief's Markdown, in bytes (a huge brief as a JavaScript string is twice the size), and its charts. */
async function readBrief(
  path: string,
): Promise<{ markdown: Buffer; readAsset: (path: string) => string | undefined }> {
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
  if (!/\.docx$/i.test(path)) return { markdown: bytes, readAsset: assetReader(dirname(path)) };
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
  return { markdown: Buffer.from(brief.markdown), readAsset: (chart) => brief.charts.get(chart) };
}

/**
 * Reads files under `dir` by relative path, a `.gz` one decompressed; nothing outside it,
 * nothing absolute.
 */
function assetReader(dir: string): (path: string) => string | undefined {
  return (path) => {
    const clean = normalize(decodeURI(path));
    if (isAbsolute(clean) || clean.startsWith('..')) return undefined;
    try {
      const bytes = readFileSync(join(dir, clean));
      return (clean.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    } catch {
      return undefined;
    }
  };
}
