import { sentenceSegmenter } from '../nlp/sentences.js';
import { standsAlone } from './statements-alone.js';

/** What a sentence does: recommends, worries or sees a chance. */
export type StatementKind = 'proposal' | 'concern' | 'opportunity';

/** A sentence of a passage, with its offsets in the passage text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** The sentences of a text, trimmed, with offsets (so `text.slice(start, end)` is the sentence). */
export function sentencesOf(text: string, language: string): Sentence[] {
  const out: Sentence[] = [];
  for (const { segment, index } of sentenceSegmenter(language).segment(text)) {
    const leading = segment.length - segment.trimStart().length;
    const trimmed = segment.trim();
    if (trimmed.length === 0) continue;
    const start = index + leading;
    out.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return out;
}

/**
 * The sentences of a text that can be quoted on their own (see `standsAlone`). A sentence that
 * leans on the one before it ("They cause jams.") comes joined to it when that one stands
 * alone, as one span of the text. Other languages have no tagger: every sentence counts.
 */
export function quotableSentences(text: string, language: string): Sentence[] {
  const sentences = sentencesOf(text, language);
  if (language !== 'en') return sentences;
  const out: Sentence[] = [];
  sentences.forEach((sentence, i) => {
    if (standsAlone(sentence.text)) {
      out.push(sentence);
      return;
    }
    const previous = sentences[i - 1];
    if (previous === undefined || !standsAlone(sentence.text, previous.text)) return;
    out.push({
      text: text.slice(previous.start, sentence.end),
      start: previous.start,
      end: sentence.end,
    });
  });
  return out;
}
