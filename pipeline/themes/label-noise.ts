/**
 * What is never label or keyword material: web addresses and their pieces ("goo", "gl", "https",
 * "www", "com"), the tool's placeholders and masks in the source ("[name]", "XXXX"), and words
 * that stand for anything ("nothing", "everything").
 */
import { PLACEHOLDERS } from '../nlp/redact.js';

/** A web address with or without a scheme: "https://x.org/a", "www.x.de", "goo.gl/abc". */
const WEB_ADDRESS =
  /(?:https?:\/\/|www\.)\S+|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|gov|edu|int|info|io|co|uk|de|fr|es|eu|gl|ly|me|be|nl|at|ch|it|nz|au|ca|us)(?:\/\S*)?(?![\p{L}\p{N}])/giu;
/** The tool's placeholders, as they stand in clean text. */
const PLACEHOLDER = new RegExp(
  Object.values(PLACEHOLDERS)
    .map((p) => p.replace(/[[\]]/g, '\\$&'))
    .join('|'),
  'g',
);
/** What takes their place: punctuation, so that no phrase runs across one. */
const BREAK = ' | ';

/** Pieces of web addresses, and masks written as words. */
const NOISE_WORDS: ReadonlySet<string> = new Set(
  (
    'http https www com org net html htm php aspx goo gl bit ly tinyurl url ' +
    'nothing everything anything something everyone anyone someone nobody everybody somebody'
  ).split(' '),
);
const MASK_WORD = /^(?:x{2,}|\*+)$/iu;

/** `text` with web addresses and placeholders turned into breaks that end every phrase. */
export function withoutLabelNoise(text: string): string {
  return text.replace(WEB_ADDRESS, BREAK).replace(PLACEHOLDER, BREAK);
}

/** Whether a word (any case) is never label material: a piece of an address, a mask, "nothing". */
export function isNoiseWord(word: string): boolean {
  const lower = word.toLowerCase();
  return NOISE_WORDS.has(lower) || MASK_WORD.test(lower);
}
