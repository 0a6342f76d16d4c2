// Long lists are cut to their best-supported items; small themes get a compact section.
import { describe, expect, it } from 'vitest';
import { isCompact, topBySupport } from '../../pipeline/brief/brief-caps.js';
import { BriefConfig } from '../../schemas/consultation.js';
import type { ThemeFindings } from '../../schemas/findings.js';

const item = (text: string, contributions: number, participants = contributions) => ({
  text,
  support: { contributions, participants },
});

describe('topBySupport', () => {
  it('keeps the best-supported items, most first, ties in their given order', () => {
    const items = [item('a', 1), item('b', 5), item('c', 2, 1), item('d', 2, 2), item('e', 5)];
    expect(topBySupport(items, 3).map((i) => i.text)).toEqual(['b', 'e', 'd']);
    expect(topBySupport(items, 0)).toEqual([]);
    expect(topBySupport(items, 10)).toHaveLength(5);
  });
});

describe('isCompact', () => {
  const caps = BriefConfig.parse({ fullThemes: 2, compactBelowShare: 0.05 });
  const theme = (participantShare: number) =>
    ({ prevalence: { participantShare } }) as unknown as ThemeFindings;

  it('gives a full section to the largest themes, unless they are under the share', () => {
    expect(isCompact(theme(0.3), 0, caps)).toBe(false);
    expect(isCompact(theme(0.3), 2, caps)).toBe(true);
    expect(isCompact(theme(0.04), 0, caps)).toBe(true);
  });
});
