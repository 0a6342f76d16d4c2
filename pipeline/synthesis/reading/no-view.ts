/**
 * What states no view: sentences that only say who the speaker is ("I am a renter."), only
 * praise ("The nurses were lovely.") or only say nothing needs to change. Agreement with them
 * tells who took part or how they felt, not what should be done, so they never rank among the
 * priorities, key messages, broad agreement, divided opinion or programming.
 */
import { readerFor } from './reader.js';
import { sentencesOf } from './sentences.js';

const NO_VIEW: ReadonlySet<string> = new Set(['self_description', 'praise', 'nothing_to_change']);

/**
 * Whether a sentence's every kind is a self-description, praise or nothing to change; `question`
 * is the one it answers, when known ("Nothing, all was perfect" says nothing needs to change
 * only to a question asking what could be better).
 */
export function sentenceStatesNoView(
  sentence: string,
  language: string,
  question: string | null = null,
): boolean {
  const kinds = readerFor(language)?.kindsOf(sentence, { question });
  return kinds !== undefined && kinds.length > 0 && kinds.every((k) => NO_VIEW.has(k));
}

/**
 * Whether every sentence of a text states no view (false where no reader knows the language);
 * `question` as for `sentenceStatesNoView`.
 */
export function textStatesNoView(
  text: string,
  language: string,
  question: string | null = null,
): boolean {
  const sentences = sentencesOf(text, language);
  return (
    sentences.length > 0 && sentences.every((s) => sentenceStatesNoView(s.text, language, question))
  );
}
