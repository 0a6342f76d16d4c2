import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadStatement } from '../../pipeline/eval/statement-reading.js';
import { evaluateStatements, scoresOf } from '../../pipeline/eval/synthesis-eval.js';
import { STATEMENT_KINDS, type StatementKind } from '../../pipeline/synthesis/reading/reader.js';
import {
  type LabelledStatement,
  StatementEvalReport,
  StatementPrediction,
} from '../../schemas/statement-eval.js';
import { runCli } from '../helpers/cli.js';

/** A labelled line of source `a` in English, without a question, unless told otherwise. */
function labelled(id: string, over: Partial<LabelledStatement>): LabelledStatement {
  return {
    id,
    source: 'a',
    language: 'en',
    question: null,
    text: `Sentence ${id}.`,
    context: `Contribution ${id}.`,
    kinds: ['other'],
    stance: null,
    standsAlone: true,
    ...over,
  };
}

type Reading = Omit<ReadStatement, 'item'>;
const read = (item: LabelledStatement, reading: Reading): ReadStatement => ({ item, ...reading });
const CAR = 'Should the town ban cars from the centre?';

/** Six hand-read lines whose figures are worked out by hand in the test below. */
const LINES: ReadStatement[] = [
  read(labelled('x:1', { kinds: ['proposal'], question: CAR, context: 'X', stance: 'against' }), {
    kinds: ['proposal'],
    baselineKinds: ['proposal'],
    stance: 'against',
    baselineStance: 'unclear',
    standsAlone: true,
  }),
  read(
    labelled('x:2', {
      kinds: ['concern'],
      question: CAR,
      context: 'X',
      stance: 'against',
      standsAlone: false,
    }),
    {
      kinds: ['proposal'],
      baselineKinds: ['other'],
      stance: 'against',
      baselineStance: 'unclear',
      standsAlone: true,
    },
  ),
  read(labelled('y:1', { kinds: ['praise'], question: CAR, context: 'Y', stance: 'favour' }), {
    kinds: ['concern'],
    baselineKinds: ['praise'],
    stance: 'against',
    baselineStance: 'favour',
    standsAlone: true,
  }),
  read(
    labelled('z:1', {
      kinds: ['nothing_to_change'],
      question: CAR,
      context: 'Z',
      stance: 'unclear',
    }),
    {
      kinds: ['nothing_to_change'],
      baselineKinds: ['nothing_to_change'],
      stance: 'unclear',
      baselineStance: 'unclear',
      standsAlone: true,
    },
  ),
  read(labelled('5', { kinds: ['praise', 'concern'] }), {
    kinds: ['concern'],
    baselineKinds: ['praise'],
    stance: null,
    baselineStance: null,
    standsAlone: false,
  }),
  read(labelled('6', { kinds: ['proposal'], source: 'b', language: 'nl' }), {
    kinds: null,
    baselineKinds: ['other'],
    stance: null,
    baselineStance: null,
    standsAlone: null,
  }),
  read(labelled('7', { kinds: ['proposal'], source: 'c', language: 'de' }), {
    kinds: ['proposal'],
    baselineKinds: ['other'],
    stance: null,
    baselineStance: null,
    standsAlone: true,
  }),
];

describe('evaluateStatements', () => {
  const report = evaluateStatements(LINES, [], ['set.jsonl'], { reader: 'rules', model: null });
  const group = (name: string) => report.groups.find((g) => g.name === name);
  const kind = (name: string, k: StatementKind) => group(name)?.kinds.find((s) => s.kind === k);

  it('groups by source, by language when there are several, then the whole set', () => {
    expect(report.groups.map((g) => [g.name, g.sentences, g.unsupported])).toEqual([
      ['a', 5, 0],
      ['b', 1, 1],
      ['c', 1, 0],
      ['language-en', 5, 0],
      ['language-nl', 1, 1],
      ['language-de', 1, 0],
      ['all', 7, 1],
    ]);
    expect(group('a')?.kinds.map((k) => k.kind)).toEqual([...STATEMENT_KINDS]);
  });

  it('scores each kind of the lines a reader read, the baseline on every line', () => {
    expect(kind('a', 'proposal')?.tool).toMatchObject({
      precision: 0.5,
      recall: 1,
      labelled: 1,
      predicted: 2,
    });
    expect(kind('a', 'concern')?.tool).toMatchObject({ precision: 0.5, recall: 0.5 });
    expect(kind('a', 'praise')?.tool).toMatchObject({ precision: null, recall: 0 });
    expect(kind('a', 'praise')?.baseline).toMatchObject({ precision: 1, recall: 1 });
    // The Dutch line has no reader: the tool is not scored on it, the baseline is.
    expect(kind('b', 'proposal')?.tool).toBeNull();
    expect(kind('b', 'proposal')?.baseline).toMatchObject({ recall: 0, labelled: 1 });
    expect(kind('all', 'proposal')?.tool).toMatchObject({
      precision: 2 / 3,
      labelled: 2,
      predicted: 3,
    });
    expect(kind('all', 'proposal')?.baseline).toMatchObject({
      precision: 1,
      recall: 1 / 3,
      labelled: 3,
    });
  });

  it('counts praise and nothing_to_change read as proposal or concern, not mixed lines', () => {
    // Lines 3 and 4 only: line 5 is labelled a concern too.
    expect(group('a')?.misread).toEqual({ sentences: 2, tool: 0.5, baseline: 0 });
    expect(group('b')?.misread).toEqual({ sentences: 0, tool: null, baseline: null });
  });

  it('scores stance once per contribution with a stance label', () => {
    // X (lines 1, 2) right; Y decided and wrong; Z unclear, not decided.
    expect(group('a')?.stance).toEqual({
      contributions: 3,
      tool: { decided: 2 / 3, accuracyDecided: 0.5 },
      baseline: { decided: 1 / 3, accuracyDecided: 1 },
    });
  });

  it('scores standing alone beside "every sentence stands alone"', () => {
    expect(group('a')?.standsAlone.tool).toMatchObject({ precision: 0.75, recall: 0.75 });
    expect(group('a')?.standsAlone.baseline).toMatchObject({ precision: 0.8, recall: 1 });
    expect(group('b')?.standsAlone.tool).toBeNull();
  });

  it('names every figure flat, the baseline beside the tool', () => {
    expect(report.figures).toMatchObject({
      'statements.a.proposal.precision': 0.5,
      'statements.a.proposal.baselinePrecision': 1,
      'statements.a.praise-or-nothing.readAsProposalOrConcern': 0.5,
      'statements.a.stance.decided': 2 / 3,
      'statements.a.stance.baselineAccuracyDecided': 1,
      'statements.a.stands-alone.precision': 0.75,
      'statements.all.stands-alone.baselineRecall': 1,
    });
    expect(report.figures['statements.b.proposal.precision']).toBeUndefined();
  });

  it('checks the targets per group: met, not met, or n/a without a figure', () => {
    const target = (figure: string) => report.targets.find((t) => t.figure === figure);
    expect(target('statements.a.proposal.precision')).toMatchObject({
      target: '>= 0.85',
      met: false,
    });
    expect(target('statements.a.praise-or-nothing.readAsProposalOrConcern')).toMatchObject({
      target: '<= 0.03',
      met: false,
    });
    expect(target('statements.a.stance.decided')?.met).toBe(true);
    expect(target('statements.a.self_description.recall')).toMatchObject({
      value: null,
      met: null,
    });
    // German recall is a target of German groups only.
    expect(target('statements.c.proposal.recall')).toMatchObject({ value: 1, met: true });
    expect(target('statements.a.proposal.recall')).toBeUndefined();
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

/** A tiny labelled file of my own sentences: two contributions in English, one in Dutch. */
const TINY: LabelledStatement[] = [
  labelled('town:1:1', {
    source: 'town',
    question: 'How could the park be improved?',
    text: 'The council should add more benches.',
    context: 'The council should add more benches. They are always full.',
    kinds: ['proposal'],
  }),
  labelled('town:1:2', {
    source: 'town',
    question: 'How could the park be improved?',
    text: 'They are always full.',
    context: 'The council should add more benches. They are always full.',
    kinds: ['concern'],
    standsAlone: false,
  }),
  labelled('town:2:1', {
    source: 'town',
    question: CAR,
    text: 'No, shops would lose their customers.',
    context: 'No, shops would lose their customers.',
    kinds: ['concern'],
    stance: 'against',
  }),
  labelled('town:3:1', {
    source: 'town',
    text: 'Staff were very helpful and friendly.',
    context: 'Staff were very helpful and friendly.',
    kinds: ['praise'],
  }),
  labelled('dorp:1:1', {
    source: 'dorp',
    language: 'nl',
    text: 'Er moeten meer fietspaden komen.',
    context: 'Er moeten meer fietspaden komen.',
    kinds: ['proposal'],
  }),
];

async function writeSet(items: readonly LabelledStatement[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-statements-'));
  const path = join(dir, 'tiny.jsonl');
  await writeFile(path, items.map((item) => `${JSON.stringify(item)}\n`).join(''));
  return path;
}

describe('brief eval synthesis --statements', () => {
  it('prints a table per source with targets, and reports a language without a reader', async () => {
    const run = await runCli(['eval', 'synthesis', '--statements', await writeSet(TINY)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^town: 4 sentences \(en\)$/m);
    expect(run.stdout).toMatch(/^dorp: 1 sentence \(nl\); 1 in a language without a reader/m);
    expect(run.stdout).toMatch(
      /^proposal +(\d\.\d{3}|-) +(\d\.\d{3}|-) +\d\.\d{3} +\d\.\d{3} +1 +/m,
    );
    expect(run.stdout).toMatch(
      /^ {2}statements\.town\.proposal\.precision +\S+ +>= 0\.85 +(met|not met)$/m,
    );
    expect(run.stdout).toMatch(/^argkp-held-out +14 +3232 +\d\.\d{3}/m);
  });

  it('writes one prediction a line, which scores perfectly when used as the labels', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-predictions-'));
    const out = join(dir, 'predictions.jsonl');
    const run = await runCli([
      'eval',
      'synthesis',
      '--statements',
      await writeSet(TINY),
      '--predictions',
      out,
    ]);
    expect(run.code).toBe(0);
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
    const predictions = lines.map((line) => StatementPrediction.parse(JSON.parse(line)));
    expect(predictions.map((p) => p.id)).toEqual(TINY.map((item) => item.id));
    // No question: no stance; no reader (Dutch): no kinds, no standing alone.
    expect(predictions[3]?.stance).toBeNull();
    expect(predictions[4]).toEqual({ id: 'dorp:1:1', kinds: [], stance: null, standsAlone: null });
    // The tool's reading as labels: every figure of the tool is perfect.
    const relabelled = TINY.map((item, i) => {
      const p = predictions[i] as StatementPrediction;
      if (p.standsAlone === null) return item;
      return { ...item, kinds: p.kinds, stance: p.stance, standsAlone: p.standsAlone };
    });
    const again = await runCli([
      'eval',
      'synthesis',
      '--json',
      '--statements',
      await writeSet(relabelled),
    ]);
    const report = StatementEvalReport.parse(JSON.parse(again.stdout));
    const town = report.groups.find((g) => g.name === 'town');
    for (const { tool } of town?.kinds ?? []) {
      if (tool?.predicted) expect([tool.precision, tool.recall]).toEqual([1, 1]);
      else expect(tool?.labelled).toBe(0);
    }
    expect(town?.standsAlone.tool).toMatchObject({ precision: 1, recall: 1 });
    const decided = predictions.some((p) => p.stance === 'favour' || p.stance === 'against');
    expect(town?.stance.tool?.accuracyDecided).toBe(decided ? 1 : null);
  });

  it('fails when a statement figure is below its minimum in the gate file', async () => {
    const set = await writeSet(TINY);
    const first = await runCli(['eval', 'synthesis', '--json', '--statements', set]);
    const figures = StatementEvalReport.parse(JSON.parse(first.stdout)).figures;
    const name = 'statements.town.stands-alone.precision';
    const value = figures[name] as number;
    const dir = await mkdtemp(join(tmpdir(), 'brief-gate-'));
    const gate = join(dir, 'gate.json');
    const gated = async (minimum: number) => {
      await writeFile(gate, JSON.stringify({ about: 'test', minimums: { [name]: minimum } }));
      return runCli(['eval', 'synthesis', '--statements', set, '--gate', gate]);
    };
    const below = await gated(value + 0.001);
    expect(below.code).toBe(1);
    expect(below.stderr).toContain(
      `brief eval: quality gate: ${name} is ${value.toFixed(3)}, below`,
    );
    const at = await gated(value);
    expect([at.code, at.stderr]).toEqual([0, '']);
    expect(at.stdout).toMatch(
      new RegExp(`${name.replaceAll('.', '\\.')} +${value.toFixed(3)} +>= .* ok`),
    );
  });

  it('names the predictions file it cannot write', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'brief-predictions-')), 'none', 'out.jsonl');
    const run = await runCli([
      'eval',
      'synthesis',
      '--statements',
      await writeSet(TINY),
      '--predictions',
      out,
    ]);
    expect([run.code, run.stderr]).toEqual([
      1,
      `brief: ${out}: cannot write the predictions: ENOENT\n`,
    ]);
  });

  it('is an option of synthesis only', async () => {
    const run = await runCli(['eval', 'themes', '--statements', 'x.jsonl']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('`--statements` is an option of `brief eval synthesis`');
  });
});

describe('brief eval synthesis on the repo-held set', () => {
  it('reports every source, the targets, and the ArgKP stance rows', async () => {
    const run = await runCli(['eval', 'synthesis', '--json']);
    expect(run.code).toBe(0);
    const report = StatementEvalReport.parse(JSON.parse(run.stdout));
    expect(report.files).toContain('eval/statements/argkp.jsonl');
    expect(report.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining(['argkp', 'rule-of-law', 'all']),
    );
    expect(report.targets.some((t) => t.figure === 'statements.argkp.proposal.precision')).toBe(
      true,
    );
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
});
