// The PDF and the Word document of a brief, each written by a task that may run on a worker thread.
import { type WrittenFile, writeFileAtomic, writeStreamAtomic } from '../atomic-write.js';
import type { WorkerTask } from '../workers/worker-task.js';
import { assetReaderOf, type BriefSource } from './brief-source.js';

/** One file to export: the brief, the file to write, the paper and the date. */
export interface ExportJob {
  source: BriefSource;
  target: string;
  options: { pageSize: 'A4' | 'LETTER'; date: string };
}

/** Writes the brief's PDF, streamed to its file atomically; the hash and size of what was written. */
export const exportPdfTask: WorkerTask<null, ExportJob, WrittenFile> = {
  async prepare() {
    // pdfkit and its fonts load only when a PDF is made: every other command starts faster.
    const { writePdf } = await import('./pdf.js');
    return async (jobs, onShare) => {
      const written: WrittenFile[] = [];
      for (const [index, { source, target, options }] of jobs.entries()) {
        const readAsset = assetReaderOf(source.assets);
        const onPage = onShare && ((done: number, pages: number) => onShare(index, done / pages));
        written.push(
          await writeStreamAtomic(target, (out) =>
            writePdf(source.markdown, { ...options, readAsset, onPage }, out),
          ),
        );
      }
      return written;
    };
  },
};

/** Writes the brief's Word document atomically; the hash and size of what was written. */
export const exportDocxTask: WorkerTask<null, ExportJob, WrittenFile> = {
  async prepare() {
    const { writeDocx } = await import('./docx.js');
    return async (jobs) => {
      const written: WrittenFile[] = [];
      for (const { source, target, options } of jobs) {
        const readAsset = assetReaderOf(source.assets);
        const docx = await writeDocx(source.markdown, { ...options, readAsset });
        written.push(await writeFileAtomic(target, [docx]));
      }
      return written;
    };
  },
};
