// Line breaking: text cut into atoms (words, CJK characters), glued where no break may fall, wrapped greedily.
import { appendAll } from '../arrays.js';
import type { Face } from './pdf-fonts.js';
import type { Run } from './pdf-runs.js';

/** A word, or the part of one in one face and run: what lines are wrapped between. */
export interface Atom {
  text: string;
  face: Face;
  run: Run;
  /** Widths at size 1000: the whole atom, and its trailing white space. */
  width: number;
  trail: number;
  /** No line break may follow it (the next atom continues the word). */
  glue: boolean;
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff00-\\uffef';
/** Atoms: white space alone, one CJK character (lines may break around each), or a word. */
export const ATOMS = new RegExp(`\\s+|[${CJK}]\\s*|[^\\s${CJK}]+\\s*`, 'gu');
const CJK_CHAR = new RegExp(`[${CJK}]`, 'u');
export const TRAILING_SPACE = /\s+$/u;

/** The atoms, each glued to the next unless a line may break between them (after white space, around CJK). */
export function glue(atoms: Atom[]): Atom[] {
  atoms.forEach((atom, i) => {
    const next = atoms[i + 1];
    atom.glue =
      next !== undefined &&
      !TRAILING_SPACE.test(atom.text) &&
      !CJK_CHAR.test(atom.text.slice(-1)) &&
      !CJK_CHAR.test(next.text.charAt(0));
  });
  return atoms;
}

/** Atom index ranges [from, to) of the lines: greedy, breaking only where no glue holds. */
export function wrap(atoms: readonly Atom[], max: number): [number, number][] {
  const lines: [number, number][] = [];
  let start = 0;
  let used = 0;
  let i = 0;
  while (i < atoms.length) {
    let j = i;
    let width = (atoms[i] as Atom).width;
    while ((atoms[j] as Atom).glue && j + 1 < atoms.length) width += (atoms[++j] as Atom).width;
    if (used + width - (atoms[j] as Atom).trail > max && i > start) {
      lines.push([start, i]);
      start = i;
      used = 0;
    }
    used += width;
    i = j + 1;
  }
  lines.push([start, atoms.length]);
  return lines;
}

/** The atoms with every word wider than `max` broken into characters. */
export function breakLongWords(atoms: Atom[], max: number, chars: (atom: Atom) => Atom[]): Atom[] {
  const out: Atom[] = [];
  let word: Atom[] = [];
  let width = 0;
  for (const atom of atoms) {
    word.push(atom);
    width += atom.width;
    if (atom.glue) continue;
    appendAll(out, [...(width - atom.trail > max ? word.flatMap(chars) : word)]);
    word = [];
    width = 0;
  }
  return [...out, ...word];
}

/** The atoms of a line without the white space at its end (measured anew where cut). */
export function trimEnd(
  atoms: readonly Atom[],
  measure: (face: Face, text: string) => number,
): Atom[] {
  const kept = [...atoms];
  for (let last = kept.pop(); last; last = kept.pop()) {
    if (!TRAILING_SPACE.test(last.text)) return [...kept, last];
    const text = last.text.replace(TRAILING_SPACE, '');
    if (text) return [...kept, { ...last, text, width: measure(last.face, text), trail: 0 }];
  }
  return kept;
}
