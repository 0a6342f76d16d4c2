import type { Trend } from '../../../schemas/findings.js';
import type { SynthesisPassage } from './corpus.js';

/** A theme's share must grow or shrink by this factor between halves to rise or fade. */
const CHANGE = 1.25;

/**
 * Passages per week, and the direction: the theme's share of each week's passages, averaged
 * over the first and the second half of the weeks (the middle week of an odd count in
 * neither), rising when the second half's is 25% above the first's, fading when 20% below.
 * "unknown" with fewer than two weeks that have passages.
 */
export function trendOf(
  passages: readonly SynthesisPassage[],
  weekTotals: readonly number[],
): Trend {
  const weekly = weekTotals.map(() => 0);
  for (const p of passages) if (p.week >= 0) weekly[p.week] = (weekly[p.week] as number) + 1;
  const active = weekTotals.map((total, w) => ({ total, count: weekly[w] as number }));
  const withData = active.filter((w) => w.total > 0);
  if (withData.length < 2) return { weekly, direction: 'unknown' };
  const half = Math.floor(withData.length / 2);
  const share = (weeks: typeof withData) =>
    weeks.reduce((sum, w) => sum + w.count / w.total, 0) / weeks.length;
  const first = share(withData.slice(0, half));
  const second = share(withData.slice(withData.length - half));
  const direction =
    second >= first * CHANGE && second > 0
      ? 'rising'
      : second * CHANGE <= first
        ? 'fading'
        : 'steady';
  return { weekly, direction };
}
