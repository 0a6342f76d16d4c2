// Prints the statement eval as a table: per kind, the structure rules beside the cue baseline.
import type { ClassScores, StatementEvalReport } from '../../schemas/statement-eval.js';
import { alignColumns, figure } from './format-eval.js';

const LEGEND = `P, R, F1: precision, recall and F1 of each kind against the hand labels ("none" is the
negative class); n: sentences labelled with it / predicted as it. stands-alone, fragment: the
filter (the sentence quoted without the one before it) against the stands-alone label, both
sides. The rules were tuned on the errors of the tune half only.
`;

/** The report as readable text: one table per half and one for the whole set. */
export function formatStatementEvalReport(report: StatementEvalReport): string {
  const parts = (['test', 'tune', 'all'] as const).map((split) => {
    const rows = report.rows.filter((r) => r.split === split);
    const header = ['task (method)', 'P', 'R', 'F1', 'n'];
    const body = rows.map((r) => [`${r.task} (${r.method})`, ...cells(r.scores)]);
    const size = split === 'all' ? report.sentences : report.bySplit[split];
    return `${titleOf(split)} (${size} sentences)\n\n${alignColumns([header, ...body])}`;
  });
  return `Statements: the structure rules beside the cue-word baseline, eval/statements\n\n${parts.join('\n')}\n${LEGEND}\n${formatStance(report)}`;
}

function titleOf(split: 'test' | 'tune' | 'all'): string {
  if (split === 'test') return 'Test half (held out)';
  return split === 'tune' ? 'Tune half' : 'Whole set';
}

function cells(scores: ClassScores): string[] {
  return [
    figure(scores.precision),
    figure(scores.recall),
    figure(scores.f1),
    `${scores.labelled}/${scores.predicted}`,
  ];
}

const STANCE_LEGEND = `decided: share of arguments placed on a side; accuracy (decided): right among those;
accuracy (all): right among all arguments, an unclear one counting as wrong; majority: always
answering the set's larger side. Motions in alphabetical order, even places in the tune half,
odd ones held out: the rules were tuned on errors of the tune half only, and abstain rather than
guess.
`;

/** The stance rules per ArgKP split beside the majority-class baseline. */
function formatStance(report: StatementEvalReport): string {
  const header = [
    'set',
    'motions',
    'arguments',
    'decided',
    'accuracy (decided)',
    'accuracy (all)',
    'majority',
  ];
  const body = report.stance.map((r) => [
    r.set,
    String(r.motions),
    String(r.arguments),
    figure(r.decided),
    figure(r.accuracyDecided),
    figure(r.accuracy),
    figure(r.majority),
  ]);
  return `Stance on ArgKP's motions against its pro/con labels\n\n${alignColumns([header, ...body])}\n${STANCE_LEGEND}`;
}
