// The brief's line on the answers that say nothing needs to change.
import type { NothingToChange } from '../../schemas/findings.js';
import { count, type People } from './people.js';

/**
 * "**Nothing to change.** 312 of 2,463 answers say nothing needs to change; 250 say only that,
 * and are not in the themes or the 2,213 contributions counted above." (the question's header),
 * with participants beside the answers when every author is
 * known; nothing when no answer says so (or the question does not ask what could be better).
 */
export function nothingToChangeText(nothing: NothingToChange | null, people: People): string[] {
  if (nothing === null || nothing.said.contributions === 0) return [];
  const { said, only, answers } = nothing;
  const n = (value: number) => value.toLocaleString('en');
  const who =
    people.identification === 'all'
      ? ` (${n(said.participants)} of ${n(answers.participants)} participants)`
      : '';
  const verb = said.contributions === 1 ? 'says' : 'say';
  // The question's header counts its answers in the themes: the others are those held out.
  const themed = answers.contributions - only.contributions;
  const held =
    only.contributions > 0
      ? `; ${n(only.contributions)} ${only.contributions === 1 ? 'says' : 'say'} only that, and ${only.contributions === 1 ? 'is' : 'are'} not in the themes or the ${count(themed, 'contribution')} counted above`
      : '';
  return [
    `**Nothing to change.** ${n(said.contributions)} of ${n(answers.contributions)} answers${who} ${verb} nothing needs to change${held}.`,
    '',
  ];
}
