import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchReviewEffort } from '../../bench/review-effort.js';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { PACKAGE_ROOT } from '../../pipeline/package-info.js';
import { ReviewEffortReport } from '../../schemas/review-effort.js';

/** Fifty short texts written for this test, in six themes the clustering partly runs together. */
const GOLD = join(PACKAGE_ROOT, 'test', 'fixtures', 'review-effort', 'gold.csv');
const cacheDir = defaultCacheDir(process.env);

describe('review-effort bench', () => {
  it('reaches 90% agreement both ways, ticking fewer passages by hand with suggestions', async () => {
    const out = await benchReviewEffort({ gold: GOLD, json: true, cacheDir });
    const report = ReviewEffortReport.parse(JSON.parse(out));
    const { withSuggestions: w, withoutSuggestions: wo } = report;
    expect(w.mustMove).toBe(wo.mustMove);
    expect(w.mustMove).toBeGreaterThan(0);
    for (const figures of [w, wo]) {
      expect(figures.agreement).toBeGreaterThanOrEqual(0.9);
      expect(figures.tickedByHand).toBeLessThanOrEqual(figures.mustMove);
    }
    expect(w.tickedByHand).toBeLessThan(wo.tickedByHand);
  }, 120_000);

  it('prints a readable summary of both runs', async () => {
    const out = await benchReviewEffort({ gold: GOLD, json: false, cacheDir });
    expect(out).toMatch(/50 contributions, 6 gold themes/);
    expect(out).toMatch(/with suggestions +\d+ of \d+ passages to move ticked by hand/);
    expect(out).toMatch(/without suggestions +\d+ of \d+ passages to move ticked by hand/);
  }, 120_000);

  it('names the line of a row without a theme', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'effort-gold-'));
    const gold = join(dir, 'gold.csv');
    await writeFile(gold, 'text,theme\nBuses are late,Buses\nParks are dirty,\n');
    await expect(benchReviewEffort({ gold, json: true, cacheDir })).rejects.toThrow(
      /gold\.csv.*3.*theme/,
    );
  });
});
