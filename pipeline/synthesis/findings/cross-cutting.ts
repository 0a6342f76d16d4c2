import type { CrossCutting } from '../../../schemas/findings.js';
import type { Theme } from '../../../schemas/themes.js';
import type { Phrase } from '../../themes/phrases.js';
import type { SynthesisCorpus } from './corpus.js';
import { passagePhrases } from './passage-phrases.js';
import { recurringThemes } from './recurring-themes.js';
import { findingOf } from './support.js';
import { TEMPLATES } from './templates.js';
import { listOf, themePassages } from './theme-findings.js';

/** A term must come up in this many top-level themes to cut across them. */
const MIN_THEMES = 3;
/** ... from at least this many passages in each. */
const MIN_PER_THEME = 2;
/** Terms in more than this share of all passages are too general to report. */
const MAX_SHARE = 0.15;
const MAX_ITEMS = 5;
/** Passages cited per theme for a cross-cutting term. */
const CITED_PER_THEME = 3;

/**
 * Issues that cut across the consultation: themes that recur under different guiding questions
 * (when themes were found within each question; see `recurringThemes`), then phrases that recur
 * across themes (see `recurringPhrases`).
 */
export function crossCutting(
  corpus: SynthesisCorpus,
  subject: ReadonlySet<string>,
): CrossCutting[] {
  return [...recurringThemes(corpus), ...recurringPhrases(corpus, subject)];
}

/**
 * Points that recur across themes: noun phrases ("public transport", "minimum wage"; see
 * `terms`) used in at least two passages of each of three or more top-level themes, leaving out
 * phrases so general that they are in more than 15% of all passages and phrases of the
 * consultation's own subject words ("Bowling Green"). Single words are too vague to report.
 * Ranked by how many themes share the phrase, then by how many passages use it.
 */
function recurringPhrases(corpus: SynthesisCorpus, subject: ReadonlySet<string>): CrossCutting[] {
  const top = corpus.themes.themes.filter((t) => t.parentId === null);
  if (top.length < MIN_THEMES) return [];
  // Each term's first surface form, and the passages that use it.
  const surfaces = new Map<string, string>();
  const phrases = passagePhrases(corpus);
  const passagesWith = new Map<string, Set<number>>();
  for (const p of corpus.passages) {
    for (const [key, surface] of crossCuttingTerms(phrases.phrasesAt(p.index), p.language)) {
      if (!surfaces.has(key)) surfaces.set(key, surface);
      const users = passagesWith.get(key);
      if (users) users.add(p.index);
      else passagesWith.set(key, new Set([p.index]));
    }
  }
  const limit = MAX_SHARE * corpus.passages.length;
  const subjectWords = new Set([...subject].map((w) => w.toLowerCase()));
  // The top-level themes (by position in `top`) each passage is in.
  const themesOf = corpus.passages.map(() => [] as number[]);
  top.forEach((theme, t) => {
    for (const id of theme.passageIds) {
      const passage = corpus.byId.get(id);
      if (passage) themesOf[passage.index]?.push(t);
    }
  });
  const candidates: { key: string; themes: number[]; total: number }[] = [];
  for (const [key, indexes] of passagesWith) {
    if (indexes.size > limit || indexes.size < MIN_THEMES * MIN_PER_THEME) continue;
    if (key.split(' ').every((w) => subjectWords.has(w))) continue;
    const perTheme = new Map<number, number>();
    for (const i of indexes)
      for (const t of themesOf[i] ?? []) perTheme.set(t, (perTheme.get(t) ?? 0) + 1);
    const themes = [...perTheme]
      .filter(([, n]) => n >= MIN_PER_THEME)
      .map(([t]) => t)
      .sort((x, y) => x - y);
    if (themes.length >= MIN_THEMES) candidates.push({ key, themes, total: indexes.size });
  }
  candidates.sort(
    (a, b) => b.themes.length - a.themes.length || b.total - a.total || (a.key < b.key ? -1 : 1),
  );
  const chosen: typeof candidates = [];
  for (const c of candidates) {
    // "tax credit" and "tax credits for jobs": one point, reported once.
    const mine = passagesWith.get(c.key) as Set<number>;
    const repeats = chosen.some(
      (o) => overlap(mine, passagesWith.get(o.key) as Set<number>) >= 0.5,
    );
    if (repeats) continue;
    chosen.push(c);
    if (chosen.length === MAX_ITEMS) break;
  }
  return chosen.map((c) => {
    const users = passagesWith.get(c.key) as Set<number>;
    const themes = c.themes.map((t) => top[t] as Theme);
    // The best fitting passages of each theme that use the term.
    const cited = themes.flatMap((theme) =>
      themePassages(corpus, theme)
        .filter((p) => users.has(p.index))
        .slice(0, CITED_PER_THEME),
    );
    const surface = surfaces.get(c.key) ?? c.key;
    const labels = listOf(themes.map((theme) => theme.label));
    return {
      ...findingOf(TEMPLATES.crossCutting(surface, themes.length, labels), cited),
      themeIds: themes.map((theme) => theme.id),
    };
  });
}

/** Shared members over the smaller set's size. */
function overlap(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return small.size > 0 ? shared / small.size : 0;
}

/**
 * A text's cross-cutting terms, from its candidate phrases (`extractPhrases`): the noun phrases
 * wink-nlp's tags find in it (adjectives and nouns ending in a noun, two to four words: "public
 * transport", "minimum wage"), by lemma key, each with the surface form first seen. No verbs, pronouns or contractions get in ("think it's"); a phrase
 * linked by a preposition ("traffic on Scottsville Road") is left to the plain ones it holds.
 * English only: other languages have no tagger here, and no term is better than a bad one.
 */
export function crossCuttingTerms(
  phrases: Iterable<Phrase>,
  language: string,
): Map<string, string> {
  const out = new Map<string, string>();
  if (language !== 'en') return out;
  for (const phrase of phrases) {
    if (phrase.kind !== 'noun' || phrase.words.length < 2) continue;
    if (phrase.key.split(' ').length !== phrase.words.length) continue;
    if (!out.has(phrase.key)) out.set(phrase.key, phrase.surface);
  }
  return out;
}
