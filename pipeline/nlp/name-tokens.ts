/** The words of a text as the name finder reads them, with what stands between them. */
import type { Span } from './sentences.js';

/** A word of the text, as the name rules read it. */
export interface Token extends Span {
  text: string;
  /** The word without a possessive "'s": what is matched against name lists. */
  bare: string;
  /** What stands between the previous word and this one. */
  gap: string;
  /** First word of the text, of a sentence or of a line: its capital says nothing. */
  initial: boolean;
}

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*(?:-[\p{L}\p{N}]+)*/gu;
/** A word written as a name is: "Sarah", "O'Neil", "McKenzie", "Mary-Jane", "Jürgen". */
export const NAME_SHAPE = /^(?:Mc|Mac|O['’]|D['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
const POSSESSIVE = /['’]s$/u;
/** A gap that starts a sentence or a line: end punctuation, a colon, a line break. */
const SENTENCE_GAP = /[.!?:;\n]\W*$/u;
/** Only spaces or tabs: words of one name ("Sarah Jones"). */
export const SPACE = /^[ \t]+$/u;

/** The words of `text`, a possessive "'s" kept in `text` but outside the span. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const gap = text.slice(last, match.index);
    const initial = tokens.length === 0 || SENTENCE_GAP.test(gap);
    const word = match[0];
    const bare = word.replace(POSSESSIVE, '');
    const end = match.index + bare.length;
    tokens.push({ text: word, bare, gap, initial, start: match.index, end });
    last = match.index + word.length;
  }
  return tokens;
}
