// The PDF is streamed to disk atomically, and a long annex keeps its footers and links.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setDiskWrite, writeStreamAtomic } from '../../pipeline/atomic-write.js';
import { exportBrief } from '../../pipeline/brief/export.js';
import { type PdfOptions, writePdf } from '../../pipeline/brief/pdf.js';
import { pdfPages } from '../helpers/pdf-text.js';
import { FIXED_DATE } from '../helpers/runs.js';

describe('writeStreamAtomic', () => {
  it('writes what is produced, waiting when asked, and renames it into place', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stream-'));
    const file = join(dir, 'out.bin');
    await writeFile(file, 'old');
    const chunk = Buffer.alloc(64 * 1024, 7);
    let waits = 0;
    const written = await writeStreamAtomic(file, async (out) => {
      for (let i = 0; i < 64; i++) {
        if (!out.write(chunk)) {
          waits++;
          await once(out, 'drain');
        }
      }
    });
    const bytes = await readFile(file);
    expect(bytes.length).toBe(64 * chunk.length);
    expect(written).toEqual({
      bytes: bytes.length,
      hash: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(waits).toBeGreaterThan(0);
    expect(await readdir(dir)).toEqual(['out.bin']);
  });

  it('leaves the old file, and no temp file, when producing fails', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stream-'));
    const file = join(dir, 'out.bin');
    await writeFile(file, 'old');
    const failing = writeStreamAtomic(file, async (out) => {
      out.write('partial');
      throw new Error('layout failed');
    });
    await expect(failing).rejects.toThrow('layout failed');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.bin']);
  });
});

describe('the PDF of a brief with a long sources annex', () => {
  it('numbers every page, links every citation to its entry, and ends whole', async () => {
    const count = 1500;
    const entries = Array.from(
      { length: count },
      (_, i) =>
        `<a id="source-${i + 1}"></a>**[${i + 1}]** Participant p${i * 7}, 2024-03-0${1 + (i % 9)} (contribution c${i}): The buses should run every ${i % 60} minutes at rush hour so people can get to work on time 🚲.`,
    );
    const markdown = `# Long brief\n\n## Key messages\n\nBuses [\\[1\\]](#source-1) and bikes [\\[${count}\\]](#source-${count}).\n\n## Annexes\n\n### Sources\n\n${entries.join('\n\n')}\n`;
    const dir = await mkdtemp(join(tmpdir(), 'long-brief-'));
    await writeFile(join(dir, 'brief.md'), markdown);
    const pdf = join(dir, 'brief.pdf');
    await exportBrief(join(dir, 'brief.md'), { pdf }, { pageSize: 'A4', date: FIXED_DATE });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(40);
    expect(pages.at(-1)).toMatch(new RegExp(`Page ${pages.length} of ${pages.length}`));
    expect(pages[1]).toMatch(/Sources\s+3/);
    const text = pages.join('\n');
    for (const n of [1, 750, count]) expect(text).toContain(`[${n}] Participant`);
    const raw = await readFile(pdf, 'latin1');
    expect(raw.trimEnd().endsWith('%%EOF')).toBe(true);
    const destinations = new Set([...raw.matchAll(/\((source-\d+)\)/g)].map((m) => m[1]));
    expect(destinations.size).toBe(count);
    expect(raw).toMatch(new RegExp(`/S /GoTo\\s*/D \\(source-${count}\\)`));
  }, 60_000);
});

const OPTIONS: PdfOptions = { pageSize: 'A4', date: FIXED_DATE, readAsset: () => undefined };

describe('the PDF written to a disk that fills up', () => {
  it('fails once with the disk error, never with an unhandled rejection meanwhile', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const paragraphs = Array.from(
      { length: 2000 },
      (_, i) => `Paragraph ${i}: the buses are late.`,
    );
    const markdown = `# Brief\n\n## Findings\n\n${paragraphs.join('\n\n')}\n`;
    const file = join(await mkdtemp(join(tmpdir(), 'pdf-full-')), 'brief.pdf');
    let writes = 0;
    // The first write reaches the disk; every later one finds it full, mid-document.
    setDiskWrite(async (_file, handle, data, offset, length) => {
      writes++;
      if (writes > 1) throw Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
      return (await handle.write(data, offset, length)).bytesWritten;
    });
    try {
      const writing = writeStreamAtomic(file, (out) => writePdf(markdown, OPTIONS, out));
      await expect(writing).rejects.toThrow(/disk full writing .*brief\.pdf/);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      setDiskWrite(undefined);
      process.off('unhandledRejection', onUnhandled);
    }
    expect(writes).toBeGreaterThan(1);
    expect(unhandled).toEqual([]);
  });
});
