// The PDF is streamed to disk atomically, and a long annex keeps its footers and links.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeStreamAtomic } from '../../pipeline/atomic-write.js';
import { exportBrief } from '../../pipeline/brief/export.js';
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
