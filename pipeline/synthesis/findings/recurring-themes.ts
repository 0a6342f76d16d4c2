// Themes found under different guiding questions that are about the same thing: cross-cutting.
import type { CrossCutting } from '../../../schemas/findings.js';
import type { Theme } from '../../../schemas/themes.js';
import { dot } from '../../matrix.js';
import { contentWords } from '../../nlp/tokenise.js';
import { centreOf } from '../../themes/partition.js';
import { baseLabel } from '../../themes/question-themes.js';
import type { SynthesisCorpus } from './corpus.js';
import { findingOf } from './support.js';
import { TEMPLATES } from './templates.js';
import { listOf, themePassages } from './theme-findings.js';

const MAX_ITEMS = 5;
/** Passages cited per theme of a recurring theme. */
const CITED_PER_THEME = 3;

/** A top-level theme found within one question, with its centre. */
interface QuestionTheme {
  theme: Theme;
  question: number;
  centre: Float32Array;
  /** The content words of its label (without the question number). */
  labelWords: Set<string>;
  /** Those and its keywords' words. */
  words: Set<string>;
}

/**
 * Themes that recur across guiding questions, when themes were found within each question:
 * themes of different questions whose centres are more similar than any two themes of one
 * question (which the clustering held apart, so these would have been one theme had they been
 * answers to one question), or that share a word of their labels or keywords and are at least
 * half that similar. Pairs join those sharing a label word first, then most similar first, a
 * group holding at most one theme per question and growing by one theme at a time. Each group of two or more is reported with
 * its themes, named by the label two or more of them share, else by the words all of their
 * labels and keywords share, citing their best fitting passages; groups spanning most
 * questions first, then the most contributions.
 */
export function recurringThemes(corpus: SynthesisCorpus): CrossCutting[] {
  const themes = questionThemes(corpus);
  const apart = mostSimilarWithin(themes);
  if (apart === null) return [];
  const links: { a: number; b: number; similarity: number; named: boolean }[] = [];
  themes.forEach((x, a) => {
    for (let b = a + 1; b < themes.length; b++) {
      const y = themes[b] as QuestionTheme;
      if (x.question === y.question) continue;
      const similarity = dot(x.centre, y.centre);
      const shared = [...x.words].some((w) => y.words.has(w));
      if (similarity <= apart && !(shared && similarity > apart / 2)) continue;
      links.push({ a, b, similarity, named: [...x.labelWords].some((w) => y.labelWords.has(w)) });
    }
  });
  links.sort(
    (p, q) =>
      Number(q.named) - Number(p.named) || q.similarity - p.similarity || p.a - q.a || p.b - q.b,
  );
  const groupOf = themes.map((_, i) => [i]);
  for (const { a, b } of links) {
    const [ga, gb] = [groupOf[a] as number[], groupOf[b] as number[]];
    // A group grows one theme at a time: two groups are two issues, not one.
    if (ga === gb || (ga.length > 1 && gb.length > 1)) continue;
    const questions = new Set(ga.map((i) => themes[i]?.question));
    if (gb.some((i) => questions.has(themes[i]?.question))) continue;
    const joined = [...ga, ...gb].sort((x, y) => x - y);
    for (const i of joined) groupOf[i] = joined;
  }
  const groups = [...new Set(groupOf)]
    .filter((g) => g.length > 1)
    .map((g) => g.map((i) => themes[i] as QuestionTheme));
  const reach = (g: QuestionTheme[]) => g.reduce((n, t) => n + t.theme.contributionCount, 0);
  groups.sort((x, y) => y.length - x.length || reach(y) - reach(x));
  return groups.slice(0, MAX_ITEMS).map((group) => recurring(corpus, group));
}

function questionThemes(corpus: SynthesisCorpus): QuestionTheme[] {
  const ids = corpus.config.questions.map((q) => q.id);
  return corpus.themes.themes.flatMap((theme) => {
    const question = theme.questionId === undefined ? -1 : ids.indexOf(theme.questionId);
    if (theme.parentId !== null || question < 0) return [];
    const rows = themePassages(corpus, theme).map((p) => p.index);
    if (rows.length === 0) return [];
    const language = corpus.config.language;
    const labelWords = new Set(contentWords(baseLabel(theme.label), language));
    const words = new Set([
      ...labelWords,
      ...theme.keywords.flatMap((k) => contentWords(k, language)),
    ]);
    return [{ theme, question, centre: centreOf(corpus.vectors, rows), labelWords, words }];
  });
}

/** The highest similarity of two themes of one question; null when no question has two. */
function mostSimilarWithin(themes: readonly QuestionTheme[]): number | null {
  let most: number | null = null;
  themes.forEach((x, a) => {
    for (let b = a + 1; b < themes.length; b++) {
      const y = themes[b] as QuestionTheme;
      if (x.question !== y.question) continue;
      const similarity = dot(x.centre, y.centre);
      if (most === null || similarity > most) most = similarity;
    }
  });
  return most;
}

function recurring(corpus: SynthesisCorpus, group: readonly QuestionTheme[]): CrossCutting {
  const ordered = [...group].sort((x, y) => x.question - y.question);
  const numbers = listOf(ordered.map((t) => String(t.question + 1)));
  const named = ordered.map(
    ({ theme, question }) =>
      `${baseLabel(theme.label)} (question ${question + 1}, ${TEMPLATES.contributions(theme.contributionCount)})`,
  );
  const label = sharedLabel(ordered);
  const words = label === null ? sharedWords(ordered) : [];
  const text =
    label !== null
      ? TEMPLATES.recurringTheme(label, numbers, listOf(named))
      : words.length > 0
        ? TEMPLATES.themesOn(listOf(words.map((w) => `“${w}”`)), numbers, listOf(named))
        : TEMPLATES.similarThemes(numbers, listOf(named));
  const cited = ordered.flatMap((t) => themePassages(corpus, t.theme).slice(0, CITED_PER_THEME));
  return { ...findingOf(text, cited), themeIds: ordered.map((t) => t.theme.id) };
}

/** The label (without question number) most of the themes have, when two or more have it. */
function sharedLabel(group: readonly QuestionTheme[]): string | null {
  const counts = new Map<string, { label: string; n: number }>();
  for (const { theme } of group) {
    const label = baseLabel(theme.label);
    const known = counts.get(label.toLowerCase());
    if (known) known.n++;
    else counts.set(label.toLowerCase(), { label, n: 1 });
  }
  const [top] = [...counts.values()].sort((a, b) => b.n - a.n);
  return top && top.n >= 2 ? top.label : null;
}

/** At most two words every theme's label or keywords use, in the first theme's order. */
function sharedWords(group: readonly QuestionTheme[]): string[] {
  const [first, ...rest] = group;
  if (!first) return [];
  return [...first.words].filter((w) => rest.every((t) => t.words.has(w))).slice(0, 2);
}
