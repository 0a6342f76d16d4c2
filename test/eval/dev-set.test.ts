import { describe, expect, it } from 'vitest';
import { type EvalGroup, MANY_CLASSES, NO_CLASS } from '../../pipeline/eval/datasets/eval-group.js';
import { evaluateDevSet } from '../../pipeline/eval/dev-set.js';
import { type EvalKit, RUNS_PER_GROUP } from '../../pipeline/eval/group-runs.js';
import type { ToolRunner } from '../../pipeline/eval/methods/tool.js';
import { checkTargets, figuresOf } from '../../pipeline/eval/targets.js';
import { NO_WORD_VECTORS, unitRows } from '../helpers/themes.js';

/** Two classes (A, B), a text fitting none and one fitting both. */
const GROUP: EvalGroup = {
  name: 'letters',
  language: 'en',
  classes: ['A things', 'B things'],
  texts: ['a one', 'a two', 'a three', 'b one', 'b two', 'x none', 'ab both'],
  labels: Int32Array.from([0, 0, 0, 1, 1, NO_CLASS, MANY_CLASSES]),
};

/**
 * A tool that knows the answers: emergent themes by first letter, guided by first letter too
 * (x to "other" unless the threshold is 0); records its calls.
 */
function createOracle(calls: string[]): ToolRunner {
  const letter = (text: string) => 'abx'.indexOf(text[0] ?? '');
  return {
    async themes(corpus, seed, settings = {}) {
      calls.push(
        `${corpus.taxonomy.length} ${corpus.texts.length} ${seed} ${JSON.stringify(settings)}`,
      );
      const ranking = settings.guidedThreshold === 0;
      const guided = corpus.texts.map((t) => (letter(t) === 2 ? (ranking ? 0 : -1) : letter(t)));
      return {
        guided: Int32Array.from(corpus.taxonomy.length > 0 ? guided : corpus.texts.map(() => -1)),
        emergent: Int32Array.from(corpus.texts, letter),
        emergentCount: 2,
      };
    },
    async labels() {
      return [{ label: 'A things', passages: 3 }];
    },
    async vectors(corpus) {
      // Everything looks like A to these vectors.
      return {
        texts: unitRows(corpus.texts.map(() => [1, 0])),
        taxonomy: unitRows([
          [1, 0],
          [0, 1],
        ]),
      };
    },
  };
}

function kitWith(calls: string[], steps: number[] = []): EvalKit {
  return {
    tool: createOracle(calls),
    words: NO_WORD_VECTORS,
    seeds: [1, 2],
    step: () => steps.push(steps.length + 1),
  };
}

describe('evaluateDevSet', () => {
  it('scores every method: accuracy over singly-labelled texts, "other" against none', async () => {
    const calls: string[] = [];
    const steps: number[] = [];
    const { report } = await evaluateDevSet(
      { title: 'Letters', groups: [GROUP], listThemes: true },
      kitWith(calls, steps),
    );
    const row = (id: string) => report.rows.find((r) => r.id === id);
    expect(row('tool')?.nmi).toBeCloseTo(1, 12);
    expect(row('tool')).toMatchObject({
      guidedAccuracy: 1,
      ari: 1,
      countRatio: 1,
      otherPrecision: 1,
      otherRecall: 1,
      seedAri: 1,
    });
    // At threshold 0 nothing goes to "other": x joins A (wrong, but not scored: it fits none).
    expect(row('tool-ranking')).toMatchObject({
      guidedAccuracy: 1,
      otherPrecision: 0,
      otherRecall: 0,
    });
    expect(row('nearest-vectors')?.guidedAccuracy).toBe(3 / 5);
    expect(row('largest')?.guidedAccuracy).toBe(3 / 5);
    expect(row('tfidf-kmeans-true-k')).toMatchObject({ guidedAccuracy: null, countRatio: null });
    expect(report).toMatchObject({ texts: 5, classes: 2, outOfTaxonomy: 1, groups: 1 });
    expect(report.themes).toEqual([{ label: 'A things', passages: 3 }]);
    expect(calls).toEqual([
      '0 5 1 {}',
      '0 5 2 {}',
      '2 7 1 {}',
      '0 5 1 {"themeCount":2}',
      '2 7 1 {"guidedThreshold":0,"guidedOutlierDeviations":null}',
      // Up to three examples of each class held out: all five labelled texts, leaving two.
      '2 2 1 {}',
    ]);
    expect(steps).toHaveLength(RUNS_PER_GROUP);
  });

  it('sums texts over groups, averages NMI and takes the median count ratio', async () => {
    const small: EvalGroup = {
      ...GROUP,
      texts: ['a one', 'b one'],
      labels: Int32Array.from([0, 0]),
    };
    const { report, tallies } = await evaluateDevSet(
      { title: 'Two', groups: [GROUP, small] },
      kitWith([]),
    );
    const tool = report.rows.find((r) => r.id === 'tool');
    // The small group has one class split in two: NMI 0, two themes for one class.
    expect(tool?.nmi).toBeCloseTo(0.5, 12);
    expect(tool?.countRatio).toBe(1.5);
    expect(tool?.guidedAccuracy).toBe(6 / 7);
    expect(report.perGroup.map((g) => g.figures.tool?.clusters)).toEqual([2, 2]);
    expect(tallies).toHaveLength(2);
  });

  it('stops between groups when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      evaluateDevSet({ title: 'Letters', groups: [GROUP] }, kitWith([]), controller.signal),
    ).rejects.toThrow('interrupted');
  });
});

describe('targets', () => {
  const figures = {
    'argkp.tool.guidedAccuracy': 0.6,
    'argkp.nearest-vectors.guidedAccuracy': 0.54,
    'argkp.tool.nmi': 0.3,
    'argkp.sif-kmeans-true-k.nmi': 0.3,
  };

  it('checks fixed values and margins over other rows, a tie not beating', () => {
    const checks = checkTargets('argkp', figures);
    expect(checks.map((c) => [c.target, c.met])).toEqual([
      ['>= 0.62', false],
      ['>= nearest-vectors + 0.05', true],
      ['>= 0.35', false],
      ['> sif-kmeans-true-k', false],
    ]);
    expect(checks[1]?.threshold).toBeCloseTo(0.59, 10);
  });

  it('leave out stability sizes not run, and fail a missing dev-set figure', () => {
    expect(checkTargets('stability', { 'stability.3000.ari': 0.9 })).toHaveLength(1);
    expect(checkTargets('banking77', {})[0]).toMatchObject({ value: null, met: false });
  });

  it('names every non-null figure of the rows', () => {
    const rows = [{ id: 'tool', nmi: 0.4, ari: null, seconds: 3 }];
    expect(figuresOf('cycling-de', rows)).toEqual({ 'cycling-de.tool.nmi': 0.4 });
  });
});
