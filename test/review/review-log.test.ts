import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StaleReviewError } from '../../pipeline/errors.js';
import {
  appendDecisions,
  REVIEW_BASE_FILE,
  REVIEW_FILE,
  readReviewBase,
  readReviewLog,
} from '../../pipeline/review/review-log.js';
import type { ReviewAction } from '../../schemas/review.js';
import { PASSAGES } from './fixture.js';

const note = (text: string): ReviewAction => ({ kind: 'note', theme: null, text });
const AT = '2024-06-01T10:00:00.000Z';

async function folder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'brief-review-log-'));
}

describe('the review log', () => {
  it('does not exist before the first decision', async () => {
    const dir = await folder();
    expect(await readReviewLog(dir)).toBeNull();
    expect(await readReviewBase(dir)).toBeNull();
  });

  it('starts with the base passages and numbers decisions in order', async () => {
    const dir = await folder();
    const first = await appendDecisions(dir, {
      revision: 0,
      reviewer: 'Ana',
      actions: [note('a'), note('b')],
      passageIds: PASSAGES,
      at: AT,
    });
    expect(first.log.decisions.map((d) => [d.n, d.reviewer, d.at])).toEqual([
      [1, 'Ana', AT],
      [2, 'Ana', AT],
    ]);
    expect(first.log.base.passages).toBe(PASSAGES.length);
    expect(await readReviewBase(dir)).toEqual(new Set(PASSAGES));
    const second = await appendDecisions(dir, {
      revision: 2,
      reviewer: null,
      actions: [note('c')],
      passageIds: ['other'],
      at: AT,
    });
    expect(second.log.decisions.map((d) => d.n)).toEqual([1, 2, 3]);
    // The base is the passages when the review began, not now.
    expect(await readReviewBase(dir)).toEqual(new Set(PASSAGES));
    const read = await readReviewLog(dir);
    expect(read).toEqual(second);
  });

  it('refuses decisions taken on an older revision and writes nothing', async () => {
    const dir = await folder();
    await appendDecisions(dir, {
      revision: 0,
      reviewer: null,
      actions: [note('a')],
      passageIds: PASSAGES,
    });
    const before = await readFile(join(dir, REVIEW_FILE), 'utf8');
    const stale = appendDecisions(dir, {
      revision: 0,
      reviewer: null,
      actions: [note('b')],
      passageIds: PASSAGES,
    });
    await expect(stale).rejects.toBeInstanceOf(StaleReviewError);
    await expect(stale).rejects.toMatchObject({ revision: 1 });
    expect(await readFile(join(dir, REVIEW_FILE), 'utf8')).toBe(before);
  });

  it('appends on top of an older revision when `conflict` finds none, with the tab', async () => {
    const dir = await folder();
    const since: number[][] = [];
    const append = (text: string, tab: string, problem: string | null) =>
      appendDecisions(dir, {
        revision: 0,
        reviewer: null,
        tab,
        actions: [note(text)],
        passageIds: PASSAGES,
        conflict: (entries) => {
          since.push(entries.map((d) => d.n));
          return problem;
        },
      });
    await append('a', 'A', null);
    const second = await append('b', 'B', null);
    expect(second.log.decisions.map((d) => [d.n, d.tab])).toEqual([
      [1, 'A'],
      [2, 'B'],
    ]);
    const refused = append('c', 'B', 'Not recorded: "Safety" was changed in another tab');
    await expect(refused).rejects.toThrow('Not recorded: "Safety" was changed in another tab');
    await expect(refused).rejects.toMatchObject({ revision: 2 });
    // Only an append on an older revision is judged: the second saw 1, the third 1 and 2.
    expect(since).toEqual([[1], [1, 2]]);
    expect((await readReviewLog(dir))?.log.decisions.map((d) => d.action)).toEqual([
      note('a'),
      note('b'),
    ]);
  });

  it('lets exactly one of two concurrent appends on the same revision through', async () => {
    const dir = await folder();
    const append = (text: string) =>
      appendDecisions(dir, {
        revision: 0,
        reviewer: null,
        actions: [note(text)],
        passageIds: PASSAGES,
      });
    const results = await Promise.allSettled([append('a'), append('b')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect((await readReviewLog(dir))?.log.decisions).toHaveLength(1);
  });

  it('writes atomically: an invalid decision leaves the file as it was, with no temp file', async () => {
    const dir = await folder();
    await appendDecisions(dir, {
      revision: 0,
      reviewer: null,
      actions: [note('a')],
      passageIds: PASSAGES,
    });
    const before = await readFile(join(dir, REVIEW_FILE), 'utf8');
    const bad = { kind: 'rename', theme: { id: 't1', label: 'x', anchor: [] }, label: '  ' };
    await expect(
      appendDecisions(dir, {
        revision: 1,
        reviewer: null,
        actions: [bad as ReviewAction],
        passageIds: PASSAGES,
      }),
    ).rejects.toThrow('A label must not be empty');
    expect(await readFile(join(dir, REVIEW_FILE), 'utf8')).toBe(before);
    expect((await readdir(dir)).sort()).toEqual([REVIEW_BASE_FILE, REVIEW_FILE].sort());
  });

  it('names the file when review.json is damaged', async () => {
    const dir = await folder();
    await writeFile(join(dir, REVIEW_FILE), '{"format": "consultation-brief review"');
    await expect(readReviewLog(dir)).rejects.toThrow(`${join(dir, REVIEW_FILE)} is not valid JSON`);
    await writeFile(join(dir, REVIEW_FILE), '{"format": "something else"}');
    await expect(readReviewLog(dir)).rejects.toThrow('is not a valid review log');
  });
});
