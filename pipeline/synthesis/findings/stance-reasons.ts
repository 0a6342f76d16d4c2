/**
 * The reasons each side of a stance split gives, and the conditions and compromises of those who
 * take neither side outright: sentences of the side's contributions, those that say the same
 * thing grouped as one (the statement grouping, `statement-groups.ts`), best supported first.
 */
import type { Finding } from '../../../schemas/findings.js';
import { withoutAnswerOpening } from '../reading/answer-openings.js';
import type { Claim } from '../reading/en/claim.js';
import type { Qualified } from '../reading/en/qualified.js';
import { type FindingKind, readerFor, type StatementKind } from '../reading/reader.js';
import { NO_READINGS, type Readings, readingsReader } from '../reading/readings.js';
import { quotableSentences, sentencesOf } from '../reading/sentences.js';
import { type Position, qualifiedStance } from '../reading/stance.js';
import type { SynthesisPassage } from './corpus.js';
import { groupedFindings, lastSentence, type Statement } from './statement-groups.js';
import { gistOf } from './statements-gist.js';
import { foldedWords, sentenceScore, wordCounts } from './support.js';

/** Most reasons kept per side (the brief shows fewer: `brief.reasons`). */
export const MAX_REASONS = 5;
/**
 * A reason needs this many content words, one fewer when its structure tells what it is about,
 * as a statement does (`statement-groups.ts`): "It is wrong." gives no reason one can name.
 */
const MIN_WORDS = 3;
/**
 * Words that only say which side a sentence takes, or how firmly: a sentence with none but these
 * and the claim's own words ("I strongly agree", "Yes, we should ban it") gives no reason.
 */
const POSITION_WORDS: ReadonlySet<string> = new Set(
  foldedWords(
    'yes no agree disagree strongly totally completely absolutely definitely certainly really ' +
      'idea think believe opinion support oppose favour favor course sure good great bad ' +
      'terrible wrong right',
    'en',
  ),
);

/** Letters of the claim's folded action that its other forms share ("abolish", "abolition"). */
const ACTION_STEM = 5;

/** Reads a sentence's position on the claim. */
export type SentenceReading = (sentence: string, language: string) => Position;

/** Which sentences of a side's passages are taken, before they are grouped. */
interface Picking {
  /** The candidate sentences of a passage's text. */
  sentences: (text: string, language: string) => string[];
  /** Whether a sentence, with the kinds the reader reads in it, is taken. */
  accept: (sentence: string, language: string, kinds: readonly StatementKind[]) => boolean;
}

/**
 * The main reasons a side gives (at most `MAX_REASONS`): the sentences of its passages that give
 * a reason (not a bare answer or the claim restated, not praise alone, not a self-description)
 * and do not take the other side (`read`), grouped and ranked by support. An answer's opening
 * yes or no is left out, so that "Yes, refugees bring skills we need." gives its reason.
 */
export function reasonsOf(
  passages: readonly SynthesisPassage[],
  side: 'favour' | 'against',
  claim: Claim | null,
  read: SentenceReading,
  readings: Readings = NO_READINGS,
): Finding[] {
  const opposite: Position = side === 'favour' ? 'against' : 'favour';
  const picking: Picking = {
    sentences: (text, language) =>
      quotableSentences(withoutAnswerOpening(text, language), language).map((s) =>
        capitalised(s.text),
      ),
    accept: (sentence, language, kinds) =>
      givesReason(kinds) && read(sentence, language) !== opposite,
  };
  return groupedFindings(pickedStatements(passages, claim, readings, picking), MAX_REASONS);
}

/**
 * The conditions or compromises put by contributions taking such a position (`which`): their
 * sentences that put one, grouped and ranked as reasons are. Such a sentence may lean on the
 * claim ("It depends on whether there are enough buses."): it need not stand alone.
 */
export function qualifiedPoints(
  passages: readonly SynthesisPassage[],
  which: Qualified,
  claim: Claim | null,
  readings: Readings = NO_READINGS,
): Finding[] {
  const picking: Picking = {
    sentences: (text, language) => sentencesOf(text, language).map((s) => capitalised(s.text)),
    accept: (sentence, language, kinds) =>
      !kinds.includes('self_description') && qualifiedStance(sentence, claim, language) === which,
  };
  return groupedFindings(pickedStatements(passages, claim, readings, picking), MAX_REASONS);
}

/**
 * The sentences of passages that `picking` takes and that say enough, as statements to group:
 * compared by their words beyond the claim's own and those that only take a side, most typical
 * of the passages first (so that they found the groups).
 */
function pickedStatements(
  passages: readonly SynthesisPassage[],
  claim: Claim | null,
  readings: Readings,
  picking: Picking,
): Statement[] {
  const topic = claim?.topic ?? new Set<string>();
  const action = foldedWords(claim?.action ?? '', 'en')[0]?.slice(0, ACTION_STEM);
  // "legalize", "legalized", "legalizing": one action however inflected or folded.
  const saysLittle = (w: string) =>
    topic.has(w) || POSITION_WORDS.has(w) || (action !== undefined && w.startsWith(action));
  const counts = wordCounts(passages);
  const scored: { statement: Statement; score: number }[] = [];
  for (const passage of passages) {
    const { language } = passage;
    const reader = readingsReader(readerFor(language), readings, language);
    for (const text of picking.sentences(passage.text, language)) {
      const last = lastSentence(text, language);
      const kinds = reader.kindsOf(last, { question: null });
      if (!picking.accept(text, language, kinds)) continue;
      const all = foldedWords(text, language);
      const words = new Set(all.filter((w) => !saysLittle(w)));
      // Gists are read from English structure: elsewhere a reason joins no other.
      const gist = language === 'en' ? gistOf(last, groupedAs(kinds), topic) : null;
      if (words.size === 0 || new Set(all).size < (gist === null ? MIN_WORDS : MIN_WORDS - 1))
        continue;
      const score = sentenceScore(text, language, counts);
      scored.push({ statement: { passage, text, words, gist }, score });
    }
  }
  // Stable: on equal scores the passages' order stands.
  return scored.sort((a, b) => b.score - a.score).map((s) => s.statement);
}

/** Whether a sentence of these kinds gives a reason: not praise alone, nor who the speaker is. */
function givesReason(kinds: readonly StatementKind[]): boolean {
  if (kinds.includes('self_description') || kinds.includes('nothing_to_change')) return false;
  return !(kinds.length === 1 && kinds[0] === 'praise');
}

/** The kind a sentence is grouped as: its finding kind, else what it is about, as a concern is. */
function groupedAs(kinds: readonly StatementKind[]): FindingKind {
  return (
    kinds.find(
      (k): k is FindingKind => k === 'proposal' || k === 'concern' || k === 'opportunity',
    ) ?? 'concern'
  );
}

/** A sentence with its first letter in upper case (an answer's reason after its "Yes, "). */
function capitalised(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
