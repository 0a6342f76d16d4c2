/**
 * One very long contribution built from the examples' real texts, in the layouts that stress
 * cleaning: paragraphs, one line without paragraph breaks, and no sentence punctuation at all
 * (one giant "sentence", a sentence splitter's worst case).
 */
import { createRandom } from '../pipeline/random.js';
import type { SourceTexts } from './corpus.js';

/** How the long contribution is laid out. */
export type LongShape = 'paragraphs' | 'one line' | 'no punctuation';

/** Every layout, in the order the benchmark prints them. */
export const LONG_SHAPES: readonly LongShape[] = ['paragraphs', 'one line', 'no punctuation'];

/** Sentence punctuation dropped by the `no punctuation` layout. */
const SENTENCE_PUNCTUATION = /[.!?;:…]/g;

/**
 * A contribution of about `size` characters (cut at a space, at most `size`): source texts in a
 * seeded order, two to five to a paragraph, paragraphs separated by a blank line. `one line`
 * turns every line break into a space; `no punctuation` also removes `.!?;:…`.
 */
export function longContribution(size: number, shape: LongShape, src: SourceTexts): string {
  const pool = [...src.bowlingGreen, ...src.ruleOfLaw];
  if (pool.length === 0) throw new Error('longContribution: no source texts');
  const rand = createRandom(7);
  const pick = () => pool[Math.floor(rand() * pool.length)] as string;
  const paragraphs: string[] = [];
  for (let length = 0; length < size; ) {
    const texts = Array.from({ length: 2 + Math.floor(rand() * 4) }, pick);
    const paragraph = texts.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  let text = paragraphs.join('\n\n');
  if (shape !== 'paragraphs') text = text.replace(/\s+/g, ' ');
  if (shape === 'no punctuation') text = text.replace(SENTENCE_PUNCTUATION, '');
  return text.length <= size ? text : text.slice(0, text.lastIndexOf(' ', size));
}
