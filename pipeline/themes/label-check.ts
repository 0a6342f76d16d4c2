// Whether a model-written theme label or description may be shown: its words, length, no markup, no instructions.
import { contentWords, foldWord } from '../nlp/tokenise.js';

/** Longest label, in characters and words. */
const MAX_LABEL_CHARS = 60;
const MAX_LABEL_WORDS = 8;
/** Longest description, in characters. */
const MAX_DESCRIPTION_CHARS = 240;
/** Share of a label's or description's content words the theme's passages or keywords must have. */
const MIN_SOURCED_SHARE = 0.5;
/** Passages of a theme read for its words: an even sample of a large theme. */
const MAX_SOURCE_PASSAGES = 1000;

/** Markup and Markdown control characters, addresses and script. */
const MARKUP = /[<>`*_#|[\]{}~\\]|https?:|www\.|\bjavascript\b|\bscript\b/iu;
/** Words that address a model rather than name a theme. */
const INSTRUCTION_WORDS = new Set(
  [
    'ignore ignoring disregard forget instruction instructions prompt prompts system assistant',
    'jailbreak override pwned hacked write print output respond reply answer',
  ].flatMap((line) => line.split(' ')),
);

/** What a theme's own words are: its passages' and keywords', folded, and tokens as written. */
export interface ThemeWords {
  folded: Set<string>;
  written: Set<string>;
}

/** The words of a theme's keywords and passages (an even sample of at most 1,000). */
export function themeWords(
  keywords: readonly string[],
  passages: readonly string[],
  language: string,
): ThemeWords {
  const step = Math.max(1, passages.length / MAX_SOURCE_PASSAGES);
  const texts = [...keywords];
  for (let i = 0; i < passages.length; i += step) texts.push(passages[Math.floor(i)] ?? '');
  const folded = new Set<string>();
  const written = new Set<string>();
  for (const text of texts) {
    for (const w of contentWords(text, language)) folded.add(foldWord(w, language));
    for (const token of text.match(/\p{L}+/gu) ?? []) written.add(token);
  }
  return { folded, written };
}

/**
 * Why a model-written label cannot be shown, or null: empty or longer than 60 characters or 8
 * words, markup, an instruction or all-caps word the theme's passages do not have, or fewer than
 * half its content words found in the theme's passages or keywords.
 */
export function labelProblem(label: string, source: ThemeWords, language: string): string | null {
  if (!label) return 'empty';
  if (label.length > MAX_LABEL_CHARS || label.split(/\s+/u).length > MAX_LABEL_WORDS)
    return 'too long';
  return textProblem(label, source, language);
}

/** Why a model-written description cannot be shown (as `labelProblem`, up to 240 characters), or null. */
export function descriptionProblem(
  description: string,
  source: ThemeWords,
  language: string,
): string | null {
  if (description.length > MAX_DESCRIPTION_CHARS) return 'too long';
  return description ? textProblem(description, source, language) : null;
}

function textProblem(text: string, source: ThemeWords, language: string): string | null {
  if (MARKUP.test(text)) return 'markup';
  const tokens = text.match(/\p{L}+/gu) ?? [];
  const foreign = (token: string) => !source.folded.has(foldWord(token.toLowerCase(), language));
  if (tokens.some((t) => INSTRUCTION_WORDS.has(t.toLowerCase()) && foreign(t)))
    return 'an instruction';
  if (tokens.some((t) => /^\p{Lu}{2,}$/u.test(t) && !source.written.has(t)))
    return 'a capitalised word its passages do not have';
  const words = contentWords(text, language);
  const sourced = words.filter((w) => source.folded.has(foldWord(w, language))).length;
  return words.length > 0 && sourced / words.length >= MIN_SOURCED_SHARE
    ? null
    : 'words its passages do not have';
}
