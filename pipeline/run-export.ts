// The run's last step: brief.md to brief.pdf, report.html and brief.docx, skipped when nothing they depend on changed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ExportRecord, FileRecord } from '../schemas/manifest.js';
import { CHARTS_DIR } from './brief/charts.js';
import { type ExportOptions, type ExportThreads, exportBrief } from './brief/export.js';
import { SOURCES_CSV, SOURCES_CSV_GZ } from './brief/sources-csv.js';
import { canonicalJson, sha256 } from './hash.js';
import { PACKAGE } from './package-info.js';
import type { PhaseProgress } from './progress-counter.js';

/** Bump when the PDF, HTML or .docx changes for the same Markdown, to invalidate exported files. */
const EXPORT_VERSION = 4;

/** The files the export writes into the run folder. */
export const EXPORT_FILES = { pdf: 'brief.pdf', html: 'report.html', docx: 'brief.docx' } as const;

/** What the export did in a run. */
export interface ExportOutcome {
  status: 'ran' | 'cached';
  record: ExportRecord;
}

/**
 * Exports the run folder's `brief.md` to PDF, HTML and Word, unless the previous export had the same
 * key (the Markdown, its charts, the options and the code) and its files are intact. Rebuilding
 * the PDF of a large consultation takes long, so an unchanged re-run must not do it. `warn`
 * hears what the export had to leave out, `progress` each file written; `threads` (not part of
 * the key) may put the PDF and Word on worker threads.
 */
export async function exportRun(
  outDir: string,
  options: ExportOptions,
  previous: ExportRecord | undefined,
  force: boolean,
  warn: (message: string) => void,
  threads: ExportThreads,
  progress?: PhaseProgress,
): Promise<ExportOutcome> {
  const key = await exportKey(outDir, options);
  if (!force && previous?.key === key && (await filesIntact(outDir, previous.files))) {
    return { status: 'cached', record: previous };
  }
  const started = performance.now();
  const written = await exportBrief(
    join(outDir, 'brief.md'),
    {
      pdf: join(outDir, EXPORT_FILES.pdf),
      html: join(outDir, EXPORT_FILES.html),
      docx: join(outDir, EXPORT_FILES.docx),
    },
    options,
    warn,
    threads,
    progress,
  );
  return {
    status: 'ran',
    record: {
      key,
      // Hashes of the bytes as written, not read back: a file damaged on disk never matches.
      files: written.map(({ path, hash, bytes }) => ({ file: basename(path), hash, bytes })),
      ms: Math.round(performance.now() - started),
      finishedAt: new Date().toISOString(),
    },
  };
}

/** The hash of everything the exported files depend on: the brief, its charts, the sources file. */
async function exportKey(outDir: string, options: ExportOptions): Promise<string> {
  const charts = (await readdir(join(outDir, CHARTS_DIR)).catch(() => [] as string[])).sort();
  const hashOf = async (file: string) => sha256(await readFile(join(outDir, file)));
  return sha256(
    canonicalJson({
      version: EXPORT_VERSION,
      tool: PACKAGE.version,
      options,
      brief: await hashOf('brief.md'),
      // Absent in a run folder from before sources.csv; the HTML then goes without the list.
      sources: await hashOf(SOURCES_CSV).catch(() => null),
      sourcesGz: await hashOf(SOURCES_CSV_GZ).catch(() => null),
      charts: await Promise.all(charts.map((chart) => hashOf(join(CHARTS_DIR, chart)))),
    }),
  );
}

async function filesIntact(outDir: string, files: readonly FileRecord[]): Promise<boolean> {
  if (files.length === 0) return false;
  const now = await Promise.all(files.map((file) => fileRecord(outDir, file.file)));
  return now.every((record, i) => record?.hash === files[i]?.hash);
}

/** The hash and size of a file in the run folder, streamed (a PDF can be large); undefined if absent. */
async function fileRecord(outDir: string, file: string): Promise<FileRecord | undefined> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(join(outDir, file)) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.byteLength;
    }
  } catch {
    return undefined;
  }
  return { file, hash: hash.digest('hex'), bytes };
}
