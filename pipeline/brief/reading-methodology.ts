// What the methodology says about who read the statements: a language model, and what it left to the rules.
import type { Findings } from '../../schemas/findings.js';
import { count } from './people.js';

/**
 * "A language model read what each of N sentences does …" (the model is named in the annex), with the sentences and
 * positions whose replies were missing or invalid and were read by the rules instead; '' when
 * the rules read everything.
 */
export function readingText(findings: Findings): string {
  const reading = findings.reading;
  if (!reading) return '';
  const { sentences, positions } = reading;
  const read = [
    `what each of ${count(sentences.model + sentences.rules, 'distinct sentence')} does (a proposal, a concern, praise, nothing to change, who the speaker is)`,
    positions.model + positions.rules > 0
      ? `where each of ${count(positions.model + positions.rules, 'contribution')} stands on its yes/no question`
      : '',
  ].filter(Boolean);
  const left = [
    sentences.rules > 0 ? count(sentences.rules, 'sentence') : '',
    positions.rules > 0 ? count(positions.rules, 'position') : '',
  ].filter(Boolean);
  const fallback =
    left.length > 0
      ? `; for ${left.join(' and ')} its replies were missing or invalid, and the statement rules read those instead`
      : '';
  return `A language model read ${read.join(', and ')}, in batches${fallback}.`;
}
