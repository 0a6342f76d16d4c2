import { describe, expect, it } from 'vitest';
import { loadArgKp, type MotionStanceGroup } from '../../pipeline/eval/argkp.js';
import { BASELINE_NAME, createBaselineMethod } from '../../pipeline/eval/baseline.js';
import type { ThemeMethod } from '../../pipeline/eval/theme-method.js';
import { createThemeEvalReport, evaluateThemes } from '../../pipeline/eval/themes-eval.js';
import { ThemeEvalReport } from '../../schemas/theme-eval.js';

const GROUPS: MotionStanceGroup[] = [
  {
    topic: 'We should ban X',
    stance: 'pro',
    keyPoints: [
      { id: 'a', text: 'A' },
      { id: 'b', text: 'B' },
      { id: 'c', text: 'C (never matched)' },
    ],
    argumentIds: ['1', '2', '3', '4'],
    texts: ['a one', 'a two', 'b one', 'b two'],
    labels: Int32Array.from([0, 0, 1, 1]),
  },
  {
    topic: 'We should ban X',
    stance: 'con',
    keyPoints: [{ id: 'c', text: 'C' }],
    argumentIds: ['5', '6'],
    texts: ['c one', 'c two'],
    labels: Int32Array.from([0, 0]),
  },
];

/** Knows the answers: clusters by the first word, assigns by it, or returns -1 for "two". */
const oracle: ThemeMethod = {
  name: 'oracle',
  cluster: async (texts, _k, seed) =>
    Int32Array.from(texts, (text) => (seed === 1 ? text.charCodeAt(0) : -text.charCodeAt(0))),
  assign: async (texts, taxonomy) =>
    Int32Array.from(texts, (text) =>
      text.endsWith('two') ? -1 : taxonomy.findIndex((t) => t[0]?.toLowerCase() === text[0]),
    ),
};

/** Puts everything in one cluster and records the k and seeds it was given. */
function createLumper(calls: string[]): ThemeMethod {
  return {
    name: 'lumper',
    cluster: async (texts, k, seed) => {
      calls.push(`cluster k=${k} seed=${seed}`);
      return new Int32Array(texts.length);
    },
    assign: async (texts, taxonomy) => {
      calls.push(`assign ${taxonomy.length}`);
      return new Int32Array(texts.length);
    },
  };
}

describe('evaluateThemes', () => {
  it('scores each group, means over groups, accuracy over arguments with -1 wrong', async () => {
    const calls: string[] = [];
    let clock = 0;
    const [oracleResult, lumperResult] = await evaluateThemes(
      [oracle, createLumper(calls)],
      GROUPS,
      {
        now: () => (clock += 250),
      },
    );
    expect(oracleResult?.emergent).toEqual({ nmi: 1, ari: 1 });
    expect(oracleResult?.stability).toEqual({ ari: 1 });
    expect(oracleResult?.guided.accuracy).toBe(3 / 6);
    expect(oracleResult?.groups.map((g) => [g.k, g.clusters, g.unassigned])).toEqual([
      [2, 2, 2],
      [1, 1, 1],
    ]);
    // One cluster: wrong for the first group (0), right for the one-theme group (1).
    expect(lumperResult?.emergent).toEqual({ nmi: 0.5, ari: 0.5 });
    expect(lumperResult?.guided.accuracy).toBe(4 / 6);
    expect(calls).toEqual([
      'cluster k=2 seed=1',
      'cluster k=2 seed=2',
      'assign 3',
      'cluster k=1 seed=1',
      'cluster k=1 seed=2',
      'assign 1',
    ]);
    expect(lumperResult?.seconds).toBe(0.5);
  });

  it('rejects a method that returns the wrong number of labels or an unknown entry', async () => {
    const short: ThemeMethod = { ...oracle, name: 'short', cluster: async () => new Int32Array(1) };
    await expect(evaluateThemes([short], GROUPS)).rejects.toThrow(
      'short on "We should ban X" (pro): returned 1 labels for 4 texts',
    );
    const wild: ThemeMethod = {
      ...oracle,
      name: 'wild',
      assign: async (t) => new Int32Array(t.length).fill(3),
    };
    await expect(evaluateThemes([wild], GROUPS)).rejects.toThrow(
      'assigned taxonomy entry 3, expected -1 to 2',
    );
  });

  it('stops between groups when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(evaluateThemes([oracle], GROUPS, { signal: controller.signal })).rejects.toThrow(
      'interrupted',
    );
  });
});

describe('createThemeEvalReport', () => {
  it('reports the first non-baseline method as ours beside the baseline', async () => {
    const results = await evaluateThemes([createBaselineMethod(), oracle], GROUPS);
    const report = createThemeEvalReport(results, { baseline: BASELINE_NAME });
    expect(report.method).toBe('oracle');
    expect(report.emergent).toEqual({ nmi: 1, ari: 1 });
    expect(report.baseline.guided).toEqual(results[0]?.guided);
    expect([report.groups, report.arguments]).toEqual([2, 6]);
  });

  it('fails without the baseline', () => {
    expect(() => createThemeEvalReport([], { baseline: BASELINE_NAME })).toThrow(
      'the baseline "tfidf-kmeans" was not evaluated',
    );
  });
});

describe('the baseline on ArgKP', () => {
  it('gives a report of the contracted shape, with NMI in a sane range', async () => {
    const groups = (await loadArgKp()).slice(0, 2);
    const results = await evaluateThemes([createBaselineMethod()], groups);
    const report = createThemeEvalReport(results, { baseline: BASELINE_NAME });
    const json = JSON.parse(JSON.stringify(report));
    expect(ThemeEvalReport.parse(json)).toEqual(report);
    expect(Object.keys(json).slice(0, 5)).toEqual([
      'emergent',
      'guided',
      'stability',
      'baseline',
      'groups',
    ]);
    expect([json.emergent, json.guided, json.stability]).toEqual([null, null, null]);
    expect(Object.keys(json.baseline)).toEqual(['emergent', 'guided', 'stability']);
    expect(Object.keys(json.baseline.emergent)).toEqual(['nmi', 'ari']);
    expect(json.groups).toBe(2);
    const { emergent, guided, stability } = report.baseline;
    expect(emergent.nmi).toBeGreaterThan(0.05);
    expect(emergent.nmi).toBeLessThan(0.6);
    expect(emergent.ari).toBeGreaterThan(0);
    expect(guided.accuracy).toBeGreaterThan(0.2);
    expect(guided.accuracy).toBeLessThan(0.8);
    expect(stability.ari).toBeGreaterThan(0);
    expect(stability.ari).toBeLessThanOrEqual(1);
  });
});
