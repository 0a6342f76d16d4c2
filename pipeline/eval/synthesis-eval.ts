// `brief eval synthesis`: scores the tool's reading of labelled statements (kinds, stance of the
// contribution, standing alone) per source, per language and overall, beside the baselines.
import type {
  ClassScores,
  StanceEvalRow,
  StanceScores,
  StatementEvalReport,
  StatementGroupReport,
  StatementReaderReport,
} from '../../schemas/statement-eval.js';
import { STATEMENT_KINDS, type StatementKind } from '../synthesis/reading/reader.js';
import type { Position } from '../synthesis/reading/stance.js';
import { shareOf } from './metrics.js';
import type { ReadStatement } from './statement-reading.js';
import { contributionKey } from './statement-set.js';
import { checkStatementTargets } from './statement-targets.js';

/**
 * Scores the read lines: one group per source (in order of appearance), one per language when
 * there are several, and the whole set (`all`); with who read them, the ArgKP stance rows and
 * every figure by name (`statements.<group>.<task>.<figure>`, `stance.<set>.<figure>`).
 */
export function evaluateStatements(
  lines: readonly ReadStatement[],
  stance: readonly StanceEvalRow[],
  files: readonly string[],
  reading: StatementReaderReport,
): StatementEvalReport {
  const groups = groupsOf(lines).map(([name, part]) => scoreGroup(name, part));
  const figures = { ...groups.reduce(addGroupFigures, {}), ...stanceFigures(stance) };
  return {
    files: [...files],
    reading,
    groups,
    targets: groups.flatMap((group) => checkStatementTargets(group, figures)),
    stance: [...stance],
    figures,
  };
}

function groupsOf(lines: readonly ReadStatement[]): [string, ReadStatement[]][] {
  const by = (key: (line: ReadStatement) => string) => {
    const out = new Map<string, ReadStatement[]>();
    for (const line of lines) out.set(key(line), [...(out.get(key(line)) ?? []), line]);
    return [...out];
  };
  const languages = by((line) => `language-${line.item.language}`);
  return [
    ...by((line) => line.item.source),
    ...(languages.length > 1 ? languages : []),
    ['all', [...lines]],
  ];
}

/**
 * One group's figures. Kinds and standing alone: the tool on the lines it read (a model may read
 * kinds in a language without a reader; standing alone is always the reader's), the baselines on
 * every line.
 */
function scoreGroup(name: string, lines: readonly ReadStatement[]): StatementGroupReport {
  const read = lines.filter((line) => line.kinds !== null);
  const alone = lines.filter((line) => line.standsAlone !== null);
  const onRead = <T>(score: (part: readonly ReadStatement[]) => T) =>
    read.length > 0 ? score(read) : null;
  const kinds = STATEMENT_KINDS.map((kind) => ({
    kind,
    tool: onRead((part) => scoresOf(part.map((l) => [labelled(l, kind), has(l.kinds, kind)]))),
    baseline: scoresOf(lines.map((l) => [labelled(l, kind), has(l.baselineKinds, kind)])),
  }));
  return {
    name,
    sentences: lines.length,
    unsupported: lines.length - read.length,
    languages: [...new Set(lines.map((line) => line.item.language))].sort(),
    kinds,
    misread: {
      sentences: lines.filter(praised).length,
      tool: misreadShare(read, (l) => l.kinds),
      baseline: misreadShare(lines, (l) => l.baselineKinds),
    },
    stance: scoreStance(lines),
    standsAlone: {
      tool:
        alone.length > 0
          ? scoresOf(alone.map((l) => [l.item.standsAlone, l.standsAlone === true]))
          : null,
      baseline: scoresOf(lines.map((l) => [l.item.standsAlone, true])),
    },
  };
}

function labelled(line: ReadStatement, kind: StatementKind): boolean {
  return line.item.kinds.includes(kind);
}

function has(kinds: readonly StatementKind[] | null, kind: StatementKind): boolean {
  return kinds?.includes(kind) ?? false;
}

/** Labelled praise or nothing_to_change, and neither proposal nor concern. */
function praised(line: ReadStatement): boolean {
  return (
    (labelled(line, 'praise') || labelled(line, 'nothing_to_change')) &&
    !labelled(line, 'proposal') &&
    !labelled(line, 'concern')
  );
}

/** Of the praised lines, the share whose `kinds` hold proposal or concern; null for none. */
function misreadShare(
  lines: readonly ReadStatement[],
  kinds: (line: ReadStatement) => readonly StatementKind[] | null,
): number | null {
  const part = lines.filter(praised);
  const misread = part.filter((l) => has(kinds(l), 'proposal') || has(kinds(l), 'concern'));
  return shareOf(misread.length, part.length);
}

/** Stance per contribution with a stance label: the label is the contribution's, as is the reading. */
function scoreStance(lines: readonly ReadStatement[]): StatementGroupReport['stance'] {
  const contributions = new Map<string, ReadStatement>();
  for (const line of lines) {
    if (line.item.stance !== null) contributions.set(contributionKey(line.item), line);
  }
  const all = [...contributions.values()];
  const scores = (reading: (line: ReadStatement) => Position | null): StanceScores => {
    const decided = all.filter((line) => (reading(line) ?? 'unclear') !== 'unclear');
    const right = decided.filter((line) => reading(line) === line.item.stance).length;
    return {
      decided: shareOf(decided.length, all.length),
      accuracyDecided: shareOf(right, decided.length),
    };
  };
  return {
    contributions: all.length,
    tool: scores((line) => line.stance),
    baseline: scores((line) => line.baselineStance),
  };
}

/** Precision, recall and F1 of `[labelled, predicted]` pairs. */
export function scoresOf(pairs: readonly (readonly [boolean, boolean])[]): ClassScores {
  const labelled = pairs.filter(([l]) => l).length;
  const predicted = pairs.filter(([, p]) => p).length;
  const hits = pairs.filter(([l, p]) => l && p).length;
  const precision = shareOf(hits, predicted);
  const recall = shareOf(hits, labelled);
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : null;
  return { precision, recall, f1, labelled, predicted };
}

/** The name of the praise-misreading task in figure names. */
const MISREAD_TASK = 'praise-or-nothing';

/** Adds a group's figures: the tool's under their name, the baseline's as `baseline<Name>`. */
function addGroupFigures(
  figures: Record<string, number>,
  group: StatementGroupReport,
): Record<string, number> {
  const add = (task: string, name: string, tool: number | null, baseline: number | null) => {
    const stem = `statements.${group.name}.${task}`;
    if (tool !== null) figures[`${stem}.${name}`] = tool;
    if (baseline !== null)
      figures[`${stem}.baseline${name[0]?.toUpperCase()}${name.slice(1)}`] = baseline;
  };
  const addScores = (task: string, versus: { tool: ClassScores | null; baseline: ClassScores }) => {
    for (const name of ['precision', 'recall', 'f1'] as const)
      add(task, name, versus.tool?.[name] ?? null, versus.baseline[name]);
  };
  for (const { kind, ...versus } of group.kinds) addScores(kind, versus);
  addScores('stands-alone', group.standsAlone);
  add(MISREAD_TASK, 'readAsProposalOrConcern', group.misread.tool, group.misread.baseline);
  for (const name of ['decided', 'accuracyDecided'] as const)
    add('stance', name, group.stance.tool?.[name] ?? null, group.stance.baseline[name]);
  return figures;
}

function stanceFigures(rows: readonly StanceEvalRow[]): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const row of rows) {
    for (const name of ['decided', 'accuracyDecided', 'accuracy', 'majority'] as const)
      figures[`stance.${row.set}.${name}`] = row[name];
  }
  return figures;
}
