import type { CrossCutting } from '../../schemas/findings.js';
import { stopWordsFor } from '../nlp/stop-words.js';
import { foldWord } from '../nlp/tokenise.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
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
 * Points that recur across themes: pairs of neighbouring content words ("public transport",
 * "minimum wage") used in at least two passages of each of three or more top-level themes,
 * leaving out pairs so general that they are in more than 15% of all passages and pairs of the
 * consultation's own subject words ("Bowling Green"). Single words are too vague to report.
 * Ranked by how many themes share the pair, then by how many passages use it.
 */
export function crossCutting(
  corpus: SynthesisCorpus,
  subject: ReadonlySet<string>,
): CrossCutting[] {
  const top = corpus.themes.themes.filter((t) => t.parentId === null);
  if (top.length < MIN_THEMES) return [];
  // Each term's first surface form, and the passages that use it.
  const surfaces = new Map<string, string>();
  const passagesWith = new Map<string, Set<number>>();
  for (const p of corpus.passages) {
    for (const [key, surface] of terms(p)) {
      if (!surfaces.has(key)) surfaces.set(key, surface);
      const users = passagesWith.get(key);
      if (users) users.add(p.index);
      else passagesWith.set(key, new Set([p.index]));
    }
  }
  const limit = MAX_SHARE * corpus.passages.length;
  const foldedSubject = new Set([...subject].map((w) => foldWord(w, corpus.config.language)));
  const candidates: {
    key: string;
    surface: string;
    themes: { id: string; passages: SynthesisPassage[] }[];
    total: number;
  }[] = [];
  const themeMembers = top.map((t) => ({ id: t.id, passages: themePassages(corpus, t) }));
  for (const [key, indexes] of passagesWith) {
    if (indexes.size > limit || indexes.size < MIN_THEMES * MIN_PER_THEME) continue;
    if (!key.includes(' ') || key.split(' ').every((w) => foldedSubject.has(w))) continue;
    const themes = themeMembers
      .map(({ id, passages }) => ({ id, passages: passages.filter((p) => indexes.has(p.index)) }))
      .filter((t) => t.passages.length >= MIN_PER_THEME);
    if (themes.length < MIN_THEMES) continue;
    const surface = surfaces.get(key) ?? key;
    candidates.push({ key, surface, themes, total: indexes.size });
  }
  candidates.sort(
    (a, b) => b.themes.length - a.themes.length || b.total - a.total || (a.key < b.key ? -1 : 1),
  );
  const chosen: typeof candidates = [];
  for (const c of candidates) {
    // "legalize prostitution" and "legalized prostitution": one point, reported once.
    const mine = passagesWith.get(c.key) as Set<number>;
    const repeats = chosen.some(
      (o) => overlap(mine, passagesWith.get(o.key) as Set<number>) >= 0.5,
    );
    if (repeats) continue;
    chosen.push(c);
    if (chosen.length === MAX_ITEMS) break;
  }
  return chosen.map((c) => {
    const labels = c.themes.map((t) => corpus.themeById.get(t.id)?.label ?? t.id);
    const cited = c.themes.flatMap((t) => t.passages.slice(0, CITED_PER_THEME));
    return {
      ...findingOf(TEMPLATES.crossCutting(c.surface, c.themes.length, listOf(labels)), cited),
      themeIds: c.themes.map((t) => t.id),
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

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

/**
 * A passage's terms: folded content words, and pairs of content words that stand next to each
 * other with only a space between them ("minimum wage", not "city, county"), each with the
 * surface form first seen.
 */
function terms(p: SynthesisPassage): Map<string, string> {
  const stop = stopWordsFor(p.language);
  const out = new Map<string, string>();
  let previous: { word: string; key: string; end: number } | null = null;
  for (const match of p.text.matchAll(WORD)) {
    const word = match[0].toLowerCase();
    const start = match.index;
    if (word.length < 2 || stop.has(word) || !/\p{L}/u.test(word)) {
      previous = null;
      continue;
    }
    const key = foldWord(word, p.language);
    if (!out.has(key)) out.set(key, word);
    if (previous && /^ +$/u.test(p.text.slice(previous.end, start))) {
      const pair = `${previous.key} ${key}`;
      if (!out.has(pair)) out.set(pair, `${previous.word} ${word}`);
    }
    previous = { word, key, end: start + match[0].length };
  }
  return out;
}
