import type { Quote } from '../../../schemas/findings.js';
import { sentencesOf } from '../reading/sentences.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';

/** Longest quote; a longer passage is quoted by its leading sentences that fit. */
const MAX_QUOTE_CHARS = 320;

/**
 * A verbatim quote of a passage, credited per the privacy setting: the whole passage when
 * short, else its leading whole sentences up to MAX_QUOTE_CHARS (at least the first sentence).
 */
export function quoteOf(corpus: SynthesisCorpus, passage: SynthesisPassage): Quote {
  let text = passage.text;
  if (text.length > MAX_QUOTE_CHARS) {
    const sentences = sentencesOf(passage.text, passage.language);
    const fitting = sentences.filter((s) => s.end <= MAX_QUOTE_CHARS);
    const last = fitting.at(-1) ?? sentences[0];
    text = last ? passage.text.slice(sentences[0]?.start ?? 0, last.end) : text;
  }
  return {
    text,
    passageId: passage.id,
    contributionId: passage.contributionId,
    credit: corpus.credit(passage.contributionId),
    date: passage.date?.slice(0, 10) ?? null,
  };
}

/**
 * 2-4 quotes for a theme: its representative passages (chosen for centrality and variety when
 * themes were built), at most one per participant.
 */
export function themeQuotes(
  corpus: SynthesisCorpus,
  representatives: readonly SynthesisPassage[],
): Quote[] {
  const seen = new Set<string>();
  const quotes: Quote[] = [];
  for (const passage of representatives) {
    const who = passage.participants[0] ?? passage.id;
    if (seen.has(who)) continue;
    seen.add(who);
    quotes.push(quoteOf(corpus, passage));
    if (quotes.length === 4) break;
  }
  return quotes;
}
