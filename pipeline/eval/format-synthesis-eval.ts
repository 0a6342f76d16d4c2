// Prints the statement eval as tables: per source, language and overall, the tool beside the
// baselines with the targets, then the stance rules on ArgKP's motions.
import type {
  ClassScores,
  StatementEvalReport,
  StatementGroupReport,
  StatementReaderReport,
  StatementTargetCheck,
} from '../../schemas/statement-eval.js';
import { formatUsage } from '../cli-report.js';
import { alignColumns, figure } from './format-eval.js';

const LEGEND = `P, R: precision and recall of each kind against the hand labels (a sentence may have several
kinds); labelled / read / baseline: sentences labelled with the kind, read as it by the tool, by
the baseline. Baselines: kinds, English cue words (pipeline/eval/cue-baseline.ts); stance, the
contribution's opening yes or no; standing alone, every sentence stands alone. praise/nothing
misread: of the sentences labelled praise or nothing_to_change and neither proposal nor concern,
the share read as proposal or concern. Stance is scored per contribution (lines with the same
source and contribution id) with a stance label: share decided (not unclear), accuracy among those.
Sentences in a language without a reader are not scored for kinds or standing alone.
`;

/** The report as readable text: one table per group with its targets, then ArgKP's stance rows. */
export function formatStatementEvalReport(report: StatementEvalReport): string {
  const groups = report.groups.map((group) => formatGroup(group, report.targets));
  return `Statements: the tool's reading beside the baselines, ${report.files.join(', ')}\n${formatReader(report.reading)}\n\n${groups.join('\n')}\n${LEGEND}\n${formatStance(report)}`;
}

/** Who read the lines; with a model, what fell back to the rules and what it took. */
function formatReader({ reader, model }: StatementReaderReport): string {
  if (model === null) return `Read by: ${reader}`;
  const { kinds, stance, usage } = model;
  const read = (items: { model: number; rules: number }) =>
    `${items.model} by the model, ${items.rules} by the rules`;
  return `Read by: ${reader}, the rules reading each item its replies missed or gave an invalid value for
  kinds of lines: ${read(kinds)}; stance of contributions on a yes/no question: ${read(stance)}
  ${formatUsage(usage)}`;
}

function formatGroup(
  group: StatementGroupReport,
  targets: readonly StatementTargetCheck[],
): string {
  const header = ['kind', 'P', 'R', 'baseline P', 'baseline R', 'labelled', 'read', 'baseline'];
  const kinds = group.kinds.map(({ kind, tool, baseline }) => [
    kind,
    ...pair(tool),
    ...pair(baseline),
    String(baseline.labelled),
    tool === null ? '-' : String(tool.predicted),
    String(baseline.predicted),
  ]);
  const own = targets.filter((t) => t.figure.startsWith(`statements.${group.name}.`));
  return `${titleOf(group)}\n\n${alignColumns([header, ...kinds])}\n${alignColumns(taskRows(group))}${formatTargets(own)}`;
}

/** Misreading, stance and standing alone: the tool, the baseline, and how many were scored. */
function taskRows({ misread, stance, standsAlone, sentences }: StatementGroupReport): string[][] {
  const row = (task: string, tool: number | null, baseline: number | null, n = '') => [
    task,
    figure(tool),
    figure(baseline),
    n,
  ];
  return [
    ['', 'tool', 'baseline', 'n'],
    row(
      'praise/nothing read as proposal/concern',
      misread.tool,
      misread.baseline,
      `${misread.sentences}`,
    ),
    row(
      'stance: share decided',
      stance.tool?.decided ?? null,
      stance.baseline.decided,
      `${stance.contributions}`,
    ),
    row(
      'stance: accuracy (decided)',
      stance.tool?.accuracyDecided ?? null,
      stance.baseline.accuracyDecided,
    ),
    row(
      'stands alone: precision',
      standsAlone.tool?.precision ?? null,
      standsAlone.baseline.precision,
      `${sentences}`,
    ),
    row('stands alone: recall', standsAlone.tool?.recall ?? null, standsAlone.baseline.recall),
  ];
}

function titleOf(group: StatementGroupReport): string {
  const name = group.name === 'all' ? 'All sources' : group.name;
  const unsupported =
    group.unsupported > 0
      ? `; ${group.unsupported} in a language without a reader (unsupported: not scored for kinds or standing alone)`
      : '';
  const sentences = `${group.sentences} sentence${group.sentences === 1 ? '' : 's'}`;
  return `${name}: ${sentences} (${group.languages.join(', ')})${unsupported}`;
}

function pair(scores: ClassScores | null): string[] {
  return [figure(scores?.precision ?? null), figure(scores?.recall ?? null)];
}

function formatTargets(targets: readonly StatementTargetCheck[]): string {
  if (targets.length === 0) return '';
  const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'not met');
  const rows = targets.map((t) => [`  ${t.figure}`, figure(t.value), t.target, verdict(t.met)]);
  return `\nTargets (issue 21):\n${alignColumns(rows, 2)}`;
}

const STANCE_LEGEND = `decided: share of arguments placed on a side; accuracy (decided): right among those;
accuracy (all): right among all arguments, an unclear one counting as wrong; majority: always
answering the set's larger side. Motions in alphabetical order, even places in the tune half,
odd ones held out: the rules were tuned on errors of the tune half only, and abstain rather than
guess.
`;

/** The stance rules per ArgKP split beside the majority-class baseline (whoever read the lines). */
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
  return `Stance rules on ArgKP's motions (whole arguments) against its pro/con labels\n\n${alignColumns([header, ...body])}\n${STANCE_LEGEND}`;
}
