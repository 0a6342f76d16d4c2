// The worker pool: results in input order as in one thread, progress, errors naming the task, cancellation.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBrief } from '../../pipeline/brief/brief-source.js';
import type { CleanItem, CleanShared } from '../../pipeline/clean/clean-texts-task.js';
import { AbortError, WorkerError } from '../../pipeline/errors.js';
import { chunkRanges } from '../../pipeline/workers/chunks.js';
import { mapInWorkers } from '../../pipeline/workers/pool.js';

const SHARED: CleanShared = {
  redact: { emails: true, phones: true, personalUrls: true, allUrls: false, names: true },
  stripBoilerplate: true,
  minLetters: 10,
  language: 'en',
  names: { languages: ['en'], places: ['Freeman'] },
};

/** Texts that differ item by item: a result out of place shows. */
function items(count: number): CleanItem[] {
  return Array.from({ length: count }, (_, i) => ({
    text: `Hi all,\n\nItem ${i}: Dr Patel at Freeman said to mail p${i}@example.org about bus ${i}.\n\nThanks,\nSam`,
    markup: 'plain',
    rejected: i % 13 === 0,
    language: i % 5 === 0 ? 'de' : null,
  }));
}

const never = () => new AbortController().signal;

describe('mapInWorkers', () => {
  it('gives the results of one thread, in input order, from workers taking chunks', async () => {
    const input = items(300);
    const here = await mapInWorkers('clean-texts', input, {
      threads: 1,
      signal: never(),
      shared: SHARED,
    });
    const done: number[] = [];
    const ranges: number[] = [];
    const there = await mapInWorkers('clean-texts', input, {
      threads: 2,
      signal: never(),
      shared: SHARED,
      chunkSize: 7,
      onProgress: (count, total, chunk) => {
        expect(total).toBe(300);
        done.push(count);
        ranges.push(chunk.start);
      },
    });
    expect(there).toEqual(here);
    expect(here[1]?.text).toContain('Dr [name] at Freeman said to mail [email]');
    expect(here[13]?.reason).toBe('rejected-by-moderator');
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(300);
    expect(ranges.sort((a, b) => a - b)).toEqual(chunkRanges(300, 2, 7).map((r) => r.start));
  }, 60_000);

  it('runs in this thread with threads: 1, reporting progress through each item', async () => {
    const shares: number[] = [];
    await mapInWorkers('clean-texts', items(3), {
      threads: 1,
      signal: never(),
      shared: SHARED,
      onItemShare: (i, share) => shares.push(i + share),
    });
    expect(shares).toContain(0.25);
    expect(shares.filter((s) => Number.isInteger(s))).toEqual([1, 2, 3]);
  });

  it('returns nothing for no items, starting no worker', async () => {
    const none = await mapInWorkers('clean-texts', [], {
      threads: 4,
      signal: never(),
      shared: SHARED,
    });
    expect(none).toEqual([]);
  });

  it('surfaces an error thrown inside a worker as a WorkerError naming the task', async () => {
    const input = items(40);
    input[25] = { ...(input[25] as CleanItem), text: null as unknown as string };
    const failing = mapInWorkers('clean-texts', input, {
      threads: 2,
      signal: never(),
      shared: SHARED,
      chunkSize: 5,
    });
    await expect(failing).rejects.toBeInstanceOf(WorkerError);
    await expect(failing).rejects.toThrow(/^worker task "clean-texts" failed: TypeError: /);
    await expect(failing).rejects.toMatchObject({ task: 'clean-texts' });
  }, 60_000);

  it("surfaces a worker's failed write, naming the task and the file", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pool-'));
    await writeFile(join(dir, 'brief.md'), '# Brief\n\nText.\n');
    const source = await readBrief(join(dir, 'brief.md'));
    const target = join(dir, 'missing-folder', 'brief.pdf');
    const failing = mapInWorkers(
      'export-pdf',
      [{ source, target, options: { pageSize: 'A4', date: '2024-06-01' } }],
      { threads: 2, signal: never(), shared: null },
    );
    await expect(failing).rejects.toThrow(/worker task "export-pdf" failed: .*missing-folder/);
  }, 60_000);

  it('stops its workers and rejects with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    let chunks = 0;
    const running = mapInWorkers('clean-texts', items(4000), {
      threads: 2,
      signal: controller.signal,
      shared: SHARED,
      chunkSize: 10,
      onProgress: () => {
        chunks++;
        controller.abort();
      },
    });
    await expect(running).rejects.toBeInstanceOf(AbortError);
    const seen = chunks;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(chunks).toBe(seen);
    expect(seen).toBeLessThan(400);

    const before = new AbortController();
    before.abort();
    await expect(
      mapInWorkers('clean-texts', items(3), { threads: 1, signal: before.signal, shared: SHARED }),
    ).rejects.toBeInstanceOf(AbortError);
  }, 60_000);
});

describe('chunkRanges', () => {
  it('covers every item once, in order, about eight chunks per thread', () => {
    const ranges = chunkRanges(1000, 2);
    expect(ranges).toHaveLength(16);
    expect(ranges[0]).toEqual({ start: 0, end: 63 });
    expect(ranges.at(-1)?.end).toBe(1000);
    expect(ranges.slice(1).map((r) => r.start)).toEqual(ranges.slice(0, -1).map((r) => r.end));
    expect(chunkRanges(0, 2)).toEqual([]);
    expect(chunkRanges(5, 2, 2)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 5 },
    ]);
  });
});
