// Emergent themes found within each guiding question, and labels told apart across questions.
import type { ThemingConfig } from '../../schemas/consultation.js';
import type { Theme } from '../../schemas/themes.js';
import { appendAll } from '../arrays.js';
import type { Matrix } from '../matrix.js';
import { type Group, leastSize, type Partition, partitionRows } from './partition.js';
import type { RowVoices } from './row-voices.js';

/**
 * The guiding question each passage row answers, when themes are found within each question:
 * `of[row]` is an index into `ids`, or -1 when the row's contribution names none of them.
 */
export interface QuestionRows {
  ids: readonly string[];
  of: readonly number[];
}

/** An emergent group and the question (index into `QuestionRows.ids`, -1: none) it answers. */
export interface QuestionGroup extends Group {
  question: number;
}

/** Emergent groups found question by question, and the rows that fit none. */
export interface QuestionPartition extends Omit<Partition, 'groups'> {
  groups: QuestionGroup[];
}

/**
 * Clusters `rows` (those no taxonomy theme took) within each question separately, as
 * consultation analysts code each question's answers, so a theme never mixes answers to
 * different questions; rows naming no question are clustered together last. Each question has
 * at most `maxThemes` (or `themeCount`) themes, and each theme must still hold `minThemeShare`
 * of the whole consultation: a small question gets few themes rather than many slivers.
 * `k` adds up the questions' cluster counts; `scores` are the largest question's.
 * Without `questions`, everything is clustered at once (`partitionRows`). `onQuestion` hears each
 * question clustered, for progress.
 */
export function partitionByQuestion(
  vectors: Matrix,
  rows: readonly number[],
  voices: RowVoices,
  settings: ThemingConfig,
  questions: QuestionRows | undefined,
  onQuestion: () => void = () => {},
): QuestionPartition {
  const every = Array.from({ length: vectors.rows }, (_, row) => row);
  const least = leastSize(every, voices, settings.minThemeShare, settings.minThemeSize);
  if (!questions) {
    const whole = partitionRows(
      vectors,
      rows,
      voices,
      settings,
      settings.maxThemes,
      least,
      settings.themeCount,
    );
    return { ...whole, groups: whole.groups.map((group) => ({ ...group, question: -1 })) };
  }
  const groups: QuestionGroup[] = [];
  const other: number[] = [];
  let k = 0;
  let scores: Partition['scores'] = [];
  let largest = 0;
  const order = [...questions.ids.keys(), -1];
  for (const question of order) {
    const mine = rows.filter((row) => questions.of[row] === question);
    if (mine.length === 0) continue;
    const found = partitionRows(
      vectors,
      mine,
      voices,
      settings,
      settings.maxThemes,
      least,
      settings.themeCount,
    );
    appendAll(
      groups,
      found.groups.map((group) => ({ ...group, question })),
    );
    appendAll(other, found.other);
    onQuestion();
    k += found.k;
    if (mine.length > largest) [largest, scores] = [mine.length, found.scores];
  }
  return { groups, other: other.sort((a, b) => a - b), k, scores };
}

/**
 * Emergent theme ids: `t<n>` as ever when themes are found across all passages; `<question
 * id>.t<n>` within a question, so a theme keeps its id when another question's themes change
 * (rows naming no question keep `t<n>`). Numbered from 1 within each question.
 */
export function emergentIds(groups: readonly QuestionGroup[], questions?: QuestionRows): string[] {
  const seen = new Map<number, number>();
  return groups.map((group) => {
    const n = (seen.get(group.question) ?? 0) + 1;
    seen.set(group.question, n);
    const id = questions?.ids[group.question];
    return id === undefined ? `t${n}` : `${id}.t${n}`;
  });
}

/**
 * Tells apart top-level themes of different questions that have the same label, by the
 * question's number beside it ("Staff (Q3)"); sub-themes are named under their parent, and
 * themes of no question keep their label. Labels compare ignoring case.
 */
export function tellApart(themes: readonly Theme[], questionIds: readonly string[]): Theme[] {
  const top = themes.filter((t) => t.parentId === null);
  const questionsOf = new Map<string, Set<string | undefined>>();
  for (const theme of top) {
    const key = theme.label.toLowerCase();
    const known = questionsOf.get(key) ?? new Set();
    known.add(theme.questionId);
    questionsOf.set(key, known);
  }
  return themes.map((theme) => {
    const shared = (questionsOf.get(theme.label.toLowerCase())?.size ?? 0) > 1;
    const q = theme.questionId === undefined ? -1 : questionIds.indexOf(theme.questionId);
    if (theme.parentId !== null || !shared || q < 0) return theme;
    return { ...theme, label: `${theme.label} (Q${q + 1})` };
  });
}

/** A label without the question number `tellApart` put beside it ("Staff (Q3)" is "Staff"). */
export function baseLabel(label: string): string {
  return label.replace(/ \(Q\d+\)$/u, '');
}
