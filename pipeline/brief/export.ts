// A brief (Markdown or an edited .docx) exported to PDF, HTML and Word, the PDF and Word on worker threads when allowed.
import { type WrittenFile, writeFileAtomic } from '../atomic-write.js';
import { countPhase, type PhaseProgress } from '../progress-counter.js';
import { mapInWorkers } from '../workers/pool.js';
import { assetReaderOf, type BriefSource, readBrief } from './brief-source.js';
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

/** How the export may use worker threads; never part of what it writes. */
export interface ExportThreads {
  /** 2 or more: the PDF and the Word document each on a worker thread, beside the HTML; default 1. */
  threads: number;
  /** Stops the workers; default: never. */
  signal: AbortSignal;
}

/**
 * Below this many bytes of Markdown the PDF and Word are written in this thread: a short brief
 * takes less time to lay out than a worker takes to load pdfkit or docx.
 */
export const PARALLEL_MIN_BYTES = 64 * 1024;

const ONE_THREAD: ExportThreads = { threads: 1, signal: new AbortController().signal };

/**
 * Turns a brief into PDF, HTML and/or Word: its Markdown as written or as an author edited it
 * (`.md`, charts read from the SVG files it refers to, relative to it and inside its folder), or
 * a `.docx` edited in Word (read back to Markdown by `readDocx`, charts from inside it).
 * Returns the files written (PDF, HTML, Word, in that order), with the hash of the bytes as they
 * were written; `warn` hears what the export had to leave out (a damaged `sources.csv`). With
 * `threads.threads` of 2 or more and a long brief (`PARALLEL_MIN_BYTES`), the PDF and Word are
 * written on worker threads while this thread writes the HTML: the same bytes as in one thread.
 * `progress` hears each file written and, in this thread, the PDF's pages.
 */
export async function exportBrief(
  inputPath: string,
  targets: ExportTargets,
  options: ExportOptions,
  warn?: (message: string) => void,
  threads: ExportThreads = ONE_THREAD,
  progress?: PhaseProgress,
): Promise<ExportedFile[]> {
  const source = await readBrief(inputPath);
  const parallel = threads.threads > 1 && source.markdown.byteLength >= PARALLEL_MIN_BYTES;
  const files = countPhase(
    progress,
    'writing',
    'files',
    Object.values(targets).filter(Boolean).length,
  );
  const pool = { threads: parallel ? threads.threads : 1, signal: threads.signal, shared: null };
  // The PDF's pages, as a share of its second pass (only in this thread: a worker reports none).
  const onItemShare = (_: number, share: number) =>
    progress?.({ phase: 'PDF', unit: '% of pages', done: Math.round(share * 100), total: 100 });
  const exportTo = (task: 'export-pdf' | 'export-docx', target: string | undefined) =>
    target === undefined
      ? Promise.resolve([])
      : mapInWorkers(task, [{ source, target, options }], {
          ...pool,
          onItemShare: task === 'export-pdf' ? onItemShare : undefined,
        }).then((written) => {
          files.add();
          return written.map((file) => ({ path: target, ...file }));
        });
  const html = () =>
    exportHtml(source, targets.html, warn).then((written) => {
      if (written.length > 0) files.add();
      return written;
    });
  if (!parallel) {
    const pdf = await exportTo('export-pdf', targets.pdf);
    return [...pdf, ...(await html()), ...(await exportTo('export-docx', targets.docx))];
  }
  const [pdf, docx] = [exportTo('export-pdf', targets.pdf), exportTo('export-docx', targets.docx)];
  const [pdfFiles, htmlFiles, docxFiles] = await Promise.all([pdf, html(), docx]);
  return [...pdfFiles, ...htmlFiles, ...docxFiles];
}

async function exportHtml(
  source: BriefSource,
  target: string | undefined,
  warn: ((message: string) => void) | undefined,
): Promise<ExportedFile[]> {
  if (target === undefined) return [];
  const readAsset = assetReaderOf(source.assets);
  const html = markdownToHtml(new TextDecoder().decode(source.markdown), { readAsset, warn });
  return [{ path: target, ...(await writeFileAtomic(target, [html])) }];
}
