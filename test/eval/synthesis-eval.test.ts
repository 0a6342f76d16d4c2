import { describe, expect, it } from 'vitest';
import { loadLabelledStatements, scoresOf } from '../../pipeline/eval/synthesis-eval.js';
import { StatementEvalReport } from '../../schemas/statement-eval.js';
import { runCli } from '../helpers/cli.js';

describe('brief eval synthesis', () => {
  it('prints per-kind figures beside the baseline, and proposals are precise', async () => {
    const run = await runCli(['eval', 'synthesis', '--json']);
    expect(run.code).toBe(0);
    const report = StatementEvalReport.parse(JSON.parse(run.stdout));
    expect(report.sentences).toBe(340);
    expect(report.figures['test.structure.proposal.precision']).toBeGreaterThanOrEqual(0.8);
    expect(report.figures['all.cue-baseline.proposal.recall']).toBeDefined();
    expect(report.figures['all.filter.stands-alone.recall']).toBeDefined();
    // Stance on ArgKP's motions, whole arguments: precise where it decides, on both halves.
    for (const set of ['argkp-tune', 'argkp-held-out']) {
      expect(report.figures[`stance.${set}.accuracyDecided`]).toBeGreaterThanOrEqual(0.85);
      expect(report.figures[`stance.${set}.decided`]).toBeGreaterThanOrEqual(0.3);
    }
    expect(report.stance.map((r) => [r.set, r.motions])).toEqual([
      ['argkp-tune', 14],
      ['argkp-held-out', 14],
    ]);
  });

  it('prints tables for the held-out half, the tune half and the whole set', async () => {
    const run = await runCli(['eval', 'synthesis']);
    expect(run.stdout).toMatch(/^Test half \(held out\) \(171 sentences\)$/m);
    expect(run.stdout).toMatch(/^proposal \(cue-baseline\) +\d\.\d{3}/m);
    expect(run.stdout).toMatch(/^argkp-held-out +14 +3232 +\d\.\d{3}/m);
  });
});

describe('the labelled statements', () => {
  it('are valid, with unique ids and both halves', async () => {
    const items = await loadLabelledStatements();
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.filter((i) => i.split === 'test').length).toBeGreaterThan(150);
  });
});

describe('scoresOf', () => {
  it('computes precision, recall and F1, null where undefined', () => {
    const scores = scoresOf([
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ]);
    expect(scores).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5, labelled: 2, predicted: 2 });
    expect(scoresOf([[false, false]]).precision).toBeNull();
  });
});
