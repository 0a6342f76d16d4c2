/**
 * What only says who the speaker is ("I am 55 or older.", "I voted to Remain."): such sentences
 * and comments tell who took part, never what they think, so they are never a theme's typical
 * statement, a key point, a consensus or divisive statement, or a minority view.
 */
import { readerFor } from './reader.js';
import { sentencesOf } from './sentences.js';

/** Whether a sentence's only kind is self_description (false where no reader knows the language). */
export function onlyDescribesSpeaker(sentence: string, language: string): boolean {
  const kinds = readerFor(language)?.kindsOf(sentence, { question: null });
  return kinds?.length === 1 && kinds[0] === 'self_description';
}

/** Whether every sentence of a text only says who the speaker is. */
export function textOnlyDescribesSpeaker(text: string, language: string): boolean {
  const sentences = sentencesOf(text, language);
  return sentences.length > 0 && sentences.every((s) => onlyDescribesSpeaker(s.text, language));
}
