// The statement targets of issue 21, checked on every group of `brief eval synthesis`.
import type { StatementGroupReport, StatementTargetCheck } from '../../schemas/statement-eval.js';

/**
 * A target on one of a group's figures (`<task>.<figure>`): at least or at most a value; with
 * `language`, only on groups whose sentences are all in that language.
 */
interface StatementTarget {
  figure: string;
  bound: 'atLeast' | 'atMost';
  value: number;
  language?: string;
}

/** What the tool's reading should reach on every source (issue 21). */
const STATEMENT_TARGETS: readonly StatementTarget[] = [
  { figure: 'proposal.precision', bound: 'atLeast', value: 0.85 },
  { figure: 'concern.precision', bound: 'atLeast', value: 0.8 },
  { figure: 'praise-or-nothing.readAsProposalOrConcern', bound: 'atMost', value: 0.03 },
  { figure: 'self_description.recall', bound: 'atLeast', value: 0.8 },
  { figure: 'stance.accuracyDecided', bound: 'atLeast', value: 0.85 },
  { figure: 'stance.decided', bound: 'atLeast', value: 0.6 },
  { figure: 'proposal.recall', bound: 'atLeast', value: 0.6, language: 'de' },
  { figure: 'stands-alone.precision', bound: 'atLeast', value: 0.9 },
];

/**
 * The group's targets against its figures (full names, `statements.<group>.<task>.<figure>`);
 * met is null (not applicable) where the figure is undefined: nothing labelled or read, or a
 * language the tool cannot read.
 */
export function checkStatementTargets(
  group: StatementGroupReport,
  figures: Readonly<Record<string, number>>,
): StatementTargetCheck[] {
  return STATEMENT_TARGETS.filter(
    (target) =>
      target.language === undefined ||
      (group.languages.length === 1 && group.languages[0] === target.language),
  ).map((target) => {
    const figure = `statements.${group.name}.${target.figure}`;
    const value = figures[figure] ?? null;
    const sign = target.bound === 'atLeast' ? '>=' : '<=';
    const met =
      value === null
        ? null
        : target.bound === 'atLeast'
          ? value >= target.value
          : value <= target.value;
    return { figure, target: `${sign} ${target.value.toFixed(2)}`, value, met };
  });
}
