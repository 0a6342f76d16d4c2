import type { Finding, Support } from '../../../schemas/findings.js';
import { contentWords, foldWord } from '../../nlp/tokenise.js';
import { quotableSentences, type Sentence, sentencesOf } from '../reading/sentences.js';
import { onlyDescribesSpeaker } from '../reading/speaker.js';
import type { SynthesisPassage } from './corpus.js';

/** Distinct contributions (with their merged duplicates) and participants behind passages. */
export function supportOf(passages: readonly SynthesisPassage[]): Support {
  const contributions = new Set<string>();
  const participants = new Set<string>();
  for (const p of passages) {
    for (const voice of p.voices) contributions.add(voice);
    for (const participant of p.participants) participants.add(participant);
  }
  return { contributions: contributions.size, participants: participants.size };
}

/** A finding citing the given passages (in the given order, each once). */
export function findingOf(text: string, passages: readonly SynthesisPassage[]): Finding {
  const cited = [...new Map(passages.map((p) => [p.id, p])).values()];
  return { text, citations: cited.map((p) => p.id), support: supportOf(cited) };
}

/** Longest finding text taken from a sentence; longer ones are cut at a word and marked. */
const MAX_STATEMENT_CHARS = 280;

/** A sentence shortened for a finding: whole when short, else cut at a word with an ellipsis. */
export function statementText(sentence: string): string {
  if (sentence.length <= MAX_STATEMENT_CHARS) return sentence;
  const cut = sentence.lastIndexOf(' ', MAX_STATEMENT_CHARS - 1);
  return `${sentence.slice(0, cut > 0 ? cut : MAX_STATEMENT_CHARS - 1).trimEnd()}…`;
}

/**
 * In how many contributions among the passages each folded content word occurs: the passages
 * of one contribution count a word once between them, so one long contribution cannot make
 * its own words a theme's most common.
 */
export function wordCounts(passages: readonly SynthesisPassage[]): Map<string, number> {
  const byContribution = new Map<string, SynthesisPassage[]>();
  for (const p of passages) {
    const own = byContribution.get(p.contributionId);
    if (own) own.push(p);
    else byContribution.set(p.contributionId, [p]);
  }
  const counts = new Map<string, number>();
  for (const own of byContribution.values()) {
    const words = new Set(own.flatMap((p) => foldedWords(p.text, p.language)));
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

/** The first passage of each contribution, in the given order, up to `count` (default all). */
export function oneFromEachContribution(
  passages: readonly SynthesisPassage[],
  count = Number.POSITIVE_INFINITY,
): SynthesisPassage[] {
  const seen = new Set<string>();
  const chosen: SynthesisPassage[] = [];
  for (const p of passages) {
    if (chosen.length >= count) break;
    if (seen.has(p.contributionId)) continue;
    seen.add(p.contributionId);
    chosen.push(p);
  }
  return chosen;
}

/** The folded content words of a text. */
export function foldedWords(text: string, language: string): string[] {
  return contentWords(text, language).map((w) => foldWord(w, language));
}

/** A sentence's score for carrying words with the given counts (see `centralSentence`). */
export function sentenceScore(text: string, language: string, counts: ReadonlyMap<string, number>) {
  const words = foldedWords(text, language);
  const total = words.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0);
  return words.length > 1 ? total / Math.sqrt(words.length) : total / 4;
}

/**
 * The sentence of a passage that best carries a group's common words: the highest count of its
 * words in `counts` over the square root of its length (a sentence of one word or none is a
 * last resort), among the sentences that stand alone (`quotableSentences`) when there are any.
 * A sentence that only says who the speaker is ("I am 55 or older.") is never chosen.
 */
export function centralSentence(
  passage: SynthesisPassage,
  counts: ReadonlyMap<string, number>,
): Sentence {
  return bestSentence([passage], counts).sentence;
}

/**
 * The best sentence (as `centralSentence`) among several passages, and the passage it is from;
 * earlier passages win ties.
 */
export function bestSentence(
  passages: readonly SynthesisPassage[],
  counts: ReadonlyMap<string, number>,
): { sentence: Sentence; passage: SynthesisPassage } {
  const first = passages[0] as SynthesisPassage;
  return (
    bestSentenceWhere(passages, counts, () => true) ?? {
      sentence: { text: first.text, start: 0, end: first.text.length },
      passage: first,
    }
  );
}

/**
 * The best sentence (as `bestSentence`) among those `accept` takes, or null when it takes none.
 * Sentences that stand alone come first; any sentence only when no passage has one accepted.
 */
export function bestSentenceWhere(
  passages: readonly SynthesisPassage[],
  counts: ReadonlyMap<string, number>,
  accept: (sentence: Sentence, passage: SynthesisPassage) => boolean,
): { sentence: Sentence; passage: SynthesisPassage } | null {
  let best: { sentence: Sentence; passage: SynthesisPassage } | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const pick of [quotableSentences, sentencesOf]) {
    for (const passage of passages) {
      for (const sentence of pick(passage.text, passage.language)) {
        if (onlyDescribesSpeaker(sentence.text, passage.language)) continue;
        const score = sentenceScore(sentence.text, passage.language, counts);
        if (score > bestScore && accept(sentence, passage))
          [best, bestScore] = [{ sentence, passage }, score];
      }
    }
    if (best !== null) break;
  }
  return best;
}

/** A sentence as compared for repetition: case, spacing and closing marks ignored. */
export function sentenceKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?…"'”’)]+$/u, '')
    .trim();
}
