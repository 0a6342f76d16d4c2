// `brief eval synthesis`: the statement rules against the hand-labelled sentences of
// eval/statements, beside the old cue-word baseline, and the stance rules' figures.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type ClassScores,
  LabelledStatement,
  type StanceEvalRow,
  type StatementEvalReport,
  type StatementEvalRow,
  type StatementLabel,
} from '../../schemas/statement-eval.js';
import { ArtifactError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-info.js';
import { statementKind } from '../synthesis/reading/en/kinds.js';
import { englishReader } from '../synthesis/reading/en/reader.js';
import { standsAlone } from '../synthesis/reading/sentences.js';
import { cueStatementKind } from './cue-baseline.js';

/** The labelled set read by default. */
export const STATEMENTS_FILE = join(PACKAGE_ROOT, 'eval', 'statements', 'statements.jsonl');

const KINDS = ['proposal', 'concern', 'opportunity'] as const;
const SPLITS = ['test', 'tune', 'all'] as const;

/** Reads the labelled statements, one JSON object a line; a bad line is named by number. */
export async function loadLabelledStatements(path = STATEMENTS_FILE): Promise<LabelledStatement[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const out: LabelledStatement[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = LabelledStatement.safeParse(parseJson(line));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join('.') || 'line';
      throw new ArtifactError(`${path}:${i + 1}: \`${where}\`: ${issue?.message}`, path);
    }
    out.push(parsed.data);
  });
  return out;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/** One sentence's labels beside what each method made of it. */
interface Judged {
  item: LabelledStatement;
  structure: StatementLabel;
  baseline: StatementLabel;
  alone: boolean;
}

/**
 * Scores the structure classifier and the cue baseline per kind (precision, recall, F1 with
 * "none" as the negative class), and the stand-alone filter (the sentence without the one
 * before it), on the test half, the tune half and the whole set.
 */
export function evaluateStatements(
  items: readonly LabelledStatement[],
  stance: readonly StanceEvalRow[],
): StatementEvalReport {
  const judged: Judged[] = items.map((item) => ({
    item,
    structure: statementKind(item.text, 'en') ?? 'none',
    baseline: cueStatementKind(item.text) ?? 'none',
    alone: standsAlone(englishReader, item.text),
  }));
  const rows: StatementEvalRow[] = [];
  for (const split of SPLITS) {
    const part = judged.filter((j) => split === 'all' || j.item.split === split);
    for (const task of KINDS) {
      for (const method of ['structure', 'cue-baseline'] as const) {
        const predicted = (j: Judged) => (method === 'structure' ? j.structure : j.baseline);
        const scores = scoresOf(part.map((j) => [j.item.kind === task, predicted(j) === task]));
        rows.push({ task, method, split, scores });
      }
    }
    const alone = scoresOf(part.map((j) => [j.item.standsAlone, j.alone]));
    rows.push({ task: 'stands-alone', method: 'filter', split, scores: alone });
    // The other side: the sentences it rejects against those labelled as leaning or fragments.
    const fragment = scoresOf(part.map((j) => [!j.item.standsAlone, !j.alone]));
    rows.push({ task: 'fragment', method: 'filter', split, scores: fragment });
  }
  return {
    sentences: items.length,
    bySplit: {
      tune: items.filter((i) => i.split === 'tune').length,
      test: items.filter((i) => i.split === 'test').length,
    },
    rows,
    stance: [...stance],
    figures: { ...figuresOf(rows), ...stanceFigures(stance) },
  };
}

/** Precision, recall and F1 of `[labelled, predicted]` pairs. */
export function scoresOf(pairs: readonly (readonly [boolean, boolean])[]): ClassScores {
  const labelled = pairs.filter(([l]) => l).length;
  const predicted = pairs.filter(([, p]) => p).length;
  const hits = pairs.filter(([l, p]) => l && p).length;
  const precision = predicted > 0 ? hits / predicted : null;
  const recall = labelled > 0 ? hits / labelled : null;
  const f1 =
    precision !== null && recall !== null && precision + recall > 0
      ? (2 * precision * recall) / (precision + recall)
      : null;
  return { precision, recall, f1, labelled, predicted };
}

function stanceFigures(rows: readonly StanceEvalRow[]): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const row of rows) {
    for (const name of ['decided', 'accuracyDecided', 'accuracy', 'majority'] as const)
      figures[`stance.${row.set}.${name}`] = row[name];
  }
  return figures;
}

function figuresOf(rows: readonly StatementEvalRow[]): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const { split, method, task, scores } of rows) {
    for (const name of ['precision', 'recall', 'f1'] as const) {
      const value = scores[name];
      if (value !== null) figures[`${split}.${method}.${task}.${name}`] = value;
    }
  }
  return figures;
}
