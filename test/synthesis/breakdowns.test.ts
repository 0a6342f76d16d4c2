import { describe, expect, it } from 'vitest';
import { createRandom } from '../../pipeline/random.js';
import { closedAnswer, isClosedYesNo } from '../../pipeline/synthesis/findings/breakdown-closed.js';
import {
  compareProportions,
  fisherExact,
  holmAdjust,
} from '../../pipeline/synthesis/findings/breakdown-stats.js';
import {
  type BreakdownInput,
  computeBreakdowns,
} from '../../pipeline/synthesis/findings/breakdowns.js';

const OPTIONS = { breakdownMinGroup: 20, breakdownMinDifference: 0.1, breakdownMaxGroups: 12 };

/**
 * Respondents in groups A and B (the `sector` attribute) raising themes X, Y and Z, each with the
 * chance its group has; `region` is a second attribute of three equal groups with no effect.
 */
function survey(
  seed: number,
  chances: Record<'A' | 'B', Record<'x' | 'y' | 'z', number>>,
  size = 200,
): BreakdownInput {
  const random = createRandom(seed);
  const rows: BreakdownInput['rows'][number][] = [];
  const raised = { x: new Set<string>(), y: new Set<string>(), z: new Set<string>() };
  for (let i = 0; i < size; i++) {
    const sector = i % 2 === 0 ? 'A' : 'B';
    const participant = `r${i}`;
    rows.push({
      participant,
      attributes: { sector, region: ['North', 'South', 'East'][i % 3] as string },
    });
    for (const theme of ['x', 'y', 'z'] as const) {
      if (random() < chances[sector][theme]) raised[theme].add(participant);
    }
  }
  return {
    attributes: ['sector', 'region'],
    rows,
    participants: new Set(rows.map((r) => r.participant)),
    themes: (['x', 'y', 'z'] as const).map((id) => ({
      id,
      label: `Theme ${id}`,
      participants: raised[id],
    })),
    splits: [],
    options: OPTIONS,
  };
}

const marked = (input: BreakdownInput) =>
  computeBreakdowns(input).attributes.flatMap((a) =>
    a.rows.flatMap((row) =>
      row.cells.flatMap((cell, g) =>
        cell.marked ? [`${a.attribute}=${a.groups[g]?.name}:${row.id}`] : [],
      ),
    ),
  );

describe('breakdowns by respondent attribute', () => {
  const planted = { A: { x: 0.5, y: 0.3, z: 0.2 }, B: { x: 0.1, y: 0.3, z: 0.2 } };
  const none = { A: { x: 0.3, y: 0.3, z: 0.2 }, B: { x: 0.3, y: 0.3, z: 0.2 } };

  it('flags exactly the planted difference (A raises X 50% of the time, B 10%), on every seed', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      expect(marked(survey(seed, planted))).toEqual(['sector=A:x', 'sector=B:x']);
    }
  });

  it('flags nothing where the groups do not differ, on every seed', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
      expect(marked(survey(seed, none))).toEqual([]);
  });

  it('gives each cell its counts against the rest, and corrects all tests together', () => {
    const breakdowns = computeBreakdowns(survey(3, planted));
    const sector = breakdowns.attributes.find((a) => a.attribute === 'sector');
    expect(sector?.groups.map((g) => [g.name, g.participants])).toEqual([
      ['A', 100],
      ['B', 100],
    ]);
    const x = sector?.rows.find((r) => r.id === 'x')?.cells[0];
    expect(x?.base).toBe(100);
    expect(x?.restBase).toBe(100);
    expect(x?.count).toBeGreaterThan(35);
    expect(x?.restCount).toBeLessThan(20);
    expect(x?.adjusted).toBeGreaterThanOrEqual(x?.p ?? 1);
    // 2 attributes of 2 and 3 groups, 3 themes each: 3 + 9 tests (two groups make one test).
    expect(breakdowns.tests).toBe(12);
    const [a, b] = sector?.rows.find((r) => r.id === 'x')?.cells ?? [];
    expect(b?.adjusted).toBe(a?.adjusted);
  });

  it('does not mark a significant difference smaller than the minimum effect', () => {
    // 20,000 respondents: 31% against 29% is significant (p < 0.01) but not marked.
    const small = { A: { x: 0.31, y: 0.3, z: 0.2 }, B: { x: 0.29, y: 0.3, z: 0.2 } };
    const breakdowns = computeBreakdowns(survey(5, small, 20_000));
    const x = breakdowns.attributes[0]?.rows.find((r) => r.id === 'x')?.cells[0];
    expect(x?.adjusted).toBeLessThan(0.05);
    expect(x?.marked).toBe(false);
  });

  it('pools groups under the minimum size as "Other groups", and leaves out a pool too small', () => {
    const input = survey(1, none);
    const rows = input.rows.map((r, i) => ({
      ...r,
      // 150 farmers, 30 residents, 12 + 8 in two small groups: pooled (20); then 8 alone.
      attributes: {
        kind: i < 150 ? 'Farmer' : i < 180 ? 'Resident' : i < 192 ? 'Fisher' : 'Trader',
      },
    }));
    const pooled = computeBreakdowns({ ...input, attributes: ['kind'], rows }).attributes[0];
    expect(pooled?.groups.map((g) => [g.name, g.participants, g.pooled])).toEqual([
      ['Farmer', 150, []],
      ['Resident', 30, []],
      ['Other groups', 20, ['Fisher', 'Trader']],
    ]);
    const fewer = rows.map((r, i) => (i >= 192 ? { ...r, attributes: {} } : r));
    const left = computeBreakdowns({ ...input, attributes: ['kind'], rows: fewer }).attributes[0];
    expect(left?.groups.map((g) => g.name)).toEqual(['Farmer', 'Resident']);
    expect(left?.leftOut).toEqual({ groups: 1, participants: 12 });
    expect(left?.unanswered).toBe(8);
  });

  it('orders groups largest first, or by number when every value opens with one', () => {
    const input = survey(1, none);
    const band = (i: number) => (i < 30 ? '65+' : i < 60 ? '18-24' : i < 140 ? '25-34' : '35-64');
    const kind = (i: number) => (i < 30 ? 'Farmer' : i < 140 ? 'Resident' : 'Trader');
    const rows = input.rows.map((r, i) => ({ ...r, attributes: { age: band(i), kind: kind(i) } }));
    const { attributes } = computeBreakdowns({ ...input, attributes: ['age', 'kind'], rows });
    expect(attributes.map((a) => a.groups.map((g) => g.name))).toEqual([
      ['18-24', '25-34', '35-64', '65+'],
      ['Resident', 'Trader', 'Farmer'],
    ]);
  });

  it('skips an attribute with too many values or fewer than two groups of the minimum size', () => {
    const input = survey(1, none);
    const rows = input.rows.map((r, i) => ({
      ...r,
      attributes: { comment: `free text ${i}`, kind: i < 190 ? 'Farmer' : 'Resident' },
    }));
    const breakdowns = computeBreakdowns({ ...input, attributes: ['comment', 'kind'], rows });
    expect(breakdowns.attributes).toEqual([]);
    expect(breakdowns.skipped).toEqual([
      { attribute: 'comment', reason: 'too-many-values', values: 200 },
      { attribute: 'kind', reason: 'too-few-groups', values: 2 },
    ]);
  });

  it('reads a closed yes/no attribute as its own split, with its shares by the other groups', () => {
    const input = survey(2, none);
    // Group A answers yes 80% of the time, B 30%; every tenth respondent (in A) does not know.
    const random = createRandom(9);
    const rows = input.rows.map((r, i) => {
      const yes = random() < (r.attributes.sector === 'A' ? 0.8 : 0.3);
      const answer = i % 10 === 0 ? "Don't know" : yes ? (i % 3 ? 'Yes' : 'yes') : 'No';
      return { ...r, attributes: { ...r.attributes, support: answer } };
    });
    const breakdowns = computeBreakdowns({
      ...input,
      attributes: ['sector', 'support'],
      rows,
    });
    const [closed] = breakdowns.closed;
    expect(closed?.attribute).toBe('support');
    expect((closed?.yes ?? 0) + (closed?.no ?? 0)).toBe(180);
    expect(closed?.unclear).toBe(20);
    expect(breakdowns.attributes.map((a) => a.attribute)).toEqual(['sector']);
    const row = breakdowns.attributes[0]?.rows.find((r) => r.kind === 'closed');
    expect(row?.cells.map((c) => c.base)).toEqual([80, 100]);
    expect(row?.cells.map((c) => c.marked)).toEqual([true, true]);
  });

  it('splits participants by side, leaving out those on neither or both', () => {
    const input = survey(4, none);
    const favour = new Set(
      input.rows.filter((_, i) => i % 2 === 0 && i < 120).map((r) => r.participant),
    );
    const against = new Set(
      input.rows.filter((_, i) => i % 2 === 1 || i === 0).map((r) => r.participant),
    );
    const breakdowns = computeBreakdowns({
      ...input,
      attributes: ['sector'],
      splits: [{ kind: 'question', id: 'q1', label: 'Should X?', favour, against }],
    });
    const row = breakdowns.attributes[0]?.rows.find((r) => r.kind === 'question');
    // A: 59 in favour (r0 is on both sides); B: 100 against.
    expect(row?.cells.map((c) => [c.count, c.base])).toEqual([
      [59, 59],
      [0, 100],
    ]);
    expect(row?.cells.every((c) => c.marked)).toBe(true);
  });
});

describe('the tests', () => {
  it('gives the z-test p-value of a textbook case, and Fisher for small counts', () => {
    // 45/100 against 30/100: z = 2.19, p = 0.0285.
    const z = compareProportions(45, 100, 30, 100);
    expect(z.test).toBe('z');
    expect(z.p).toBeCloseTo(0.0285, 3);
    // Fisher's tea tasting: 3 of 4 against 1 of 4, two-sided p = 0.4857 (R's fisher.test).
    expect(fisherExact(3, 4, 1, 4)).toBeCloseTo(0.4857, 4);
    expect(compareProportions(3, 4, 1, 4).test).toBe('fisher');
    // 1 of 20 against 15 of 25: p = 0.000122851 (scipy.stats.fisher_exact).
    expect(fisherExact(1, 20, 15, 25)).toBeCloseTo(0.000122851, 8);
  });

  it("adjusts by Holm's method", () => {
    expect(holmAdjust([0.01, 0.04, 0.03, 0.5])).toEqual([0.04, 0.09, 0.09, 0.5]);
  });

  it('reads yes/no answers in several languages, and refuses other values', () => {
    expect(['Yes', 'ja', 'Oui.', 'Sí'].map(closedAnswer)).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(['NO', 'Nein', 'non'].map(closedAnswer)).toEqual(['no', 'no', 'no']);
    expect(["Don't know", 'Weiß nicht'].map(closedAnswer)).toEqual(['unclear', 'unclear']);
    expect(isClosedYesNo(['Yes', 'No', 'Not sure'])).toBe(true);
    expect(isClosedYesNo(['Yes', 'Yes'])).toBe(false);
    expect(isClosedYesNo(['Yes', 'No', 'Farmer'])).toBe(false);
  });
});
