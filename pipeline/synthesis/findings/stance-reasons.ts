/**
 * The reasons each side of a stance split gives, and the conditions and compromises of those who
 * take neither side outright: sentences of the side's contributions, those that say the same
 * thing grouped as one (the statement grouping, `statement-groups.ts`), best supported first.
 */
import type { Finding } from '../../../schemas/findings.js';
import type { Claim } from '../reading/en/claim.js';
import type { Qualified } from '../reading/en/qualified.js';
import { type FindingKind, readerFor, type StatementReader } from '../reading/reader.js';
import { NO_READINGS, type Readings, readingsReader } from '../reading/readings.js';
import { quotableSentences, type Sentence, sentencesOf } from '../reading/sentences.js';
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

/** Reads a sentence's position on the claim. */
export type SentenceReading = (sentence: string, language: string) => Position;

/**
 * The main reasons a side gives (at most `MAX_REASONS`): the sentences of its passages that give
 * a reason (not a bare answer or the claim restated, not praise alone, not a self-description)
 * and do not take the other side (`read`), grouped and ranked by support.
 */
export function reasonsOf(
  passages: readonly SynthesisPassage[],
  side: 'favour' | 'against',
  claim: Claim | null,
  read: SentenceReading,
  readings: Readings = NO_READINGS,
): Finding[] {
  const opposite: Position = side === 'favour' ? 'against' : 'favour';
  const accept = (sentence: string, language: string) => read(sentence, language) !== opposite;
  const statements = reasonStatements(passages, claim, readings, quotableSentences, accept);
  return groupedFindings(statements, MAX_REASONS);
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
  const accept = (sentence: string, language: string) =>
    qualifiedStance(sentence, claim, language) === which;
  const statements = reasonStatements(passages, claim, readings, sentencesOf, accept);
  return groupedFindings(statements, MAX_REASONS);
}

/**
 * The sentences of passages (as `pick` cuts them) that `accept` takes and that give a reason, as
 * statements to group: compared by their words beyond the claim's own, most typical of the
 * passages first (so that they found the groups).
 */
function reasonStatements(
  passages: readonly SynthesisPassage[],
  claim: Claim | null,
  readings: Readings,
  pick: (text: string, language: string) => Sentence[],
  accept: (sentence: string, language: string) => boolean,
): Statement[] {
  const topic = new Set([...(claim?.topic ?? []), ...foldedWords(claim?.action ?? '', 'en')]);
  const counts = wordCounts(passages);
  const scored: { statement: Statement; score: number }[] = [];
  for (const passage of passages) {
    const reader = readingsReader(readerFor(passage.language), readings, passage.language);
    for (const sentence of pick(passage.text, passage.language)) {
      const last = lastSentence(sentence.text, passage.language);
      const kind = reasonKind(reader, last);
      if (kind === null || !accept(sentence.text, passage.language)) continue;
      const all = foldedWords(sentence.text, passage.language);
      const words = new Set(all.filter((w) => !topic.has(w) && !POSITION_WORDS.has(w)));
      // Gists are read from English structure: elsewhere a reason joins no other.
      const gist = passage.language === 'en' ? gistOf(last, kind, topic) : null;
      if (words.size === 0 || new Set(all).size < (gist === null ? MIN_WORDS : MIN_WORDS - 1))
        continue;
      const score = sentenceScore(sentence.text, passage.language, counts);
      scored.push({ statement: { passage, text: sentence.text, words, gist }, score });
    }
  }
  // Stable: on equal scores the passages' order stands.
  return scored.sort((a, b) => b.score - a.score).map((s) => s.statement);
}

/**
 * The kind a reason is grouped as: a proposal, concern or opportunity as the reader reads it,
 * else what it is about (as a concern is); null for a sentence that gives no reason (praise
 * alone, a self-description, "nothing needs to change").
 */
function reasonKind(reader: StatementReader, sentence: string): FindingKind | null {
  const kinds = reader.kindsOf(sentence, { question: null });
  if (kinds.includes('self_description') || kinds.includes('nothing_to_change')) return null;
  if (kinds.length === 1 && kinds[0] === 'praise') return null;
  return kinds.find((k): k is FindingKind => k !== 'praise' && k !== 'other') ?? 'concern';
}
