import { wordTokens } from '../../nlp/tokenise.js';

/**
 * The sentence frames the offline synthesiser writes around what contributors said. Everything
 * inside a frame's slots comes from the passages a finding cites (their sentences, their words)
 * or from counting them; the frames' own words are the only ones the grounding check lets
 * through unsupported (see `FRAME_WORDS`).
 */
export const TEMPLATES = {
  keywords: (list: string) => `Contributors here spoke most often of ${list}.`,
  /** A point several contributions make: its passages alike the example are its citations. */
  keyPoint: (label: string, example: string) => `${label}: “${example}”`,
  /** A topic many mention without one shared point: the count is of those mentioning it. */
  topicPoint: (count: number, topic: string, example: string) =>
    `${count} contributions mention ${topic}, for example: “${example}”`,
  crossCutting: (term: string, count: number, labels: string) =>
    `“${term}” comes up across ${count} themes: ${labels}.`,
  /** Key messages (`executive.ts`). */
  themeSplit: (label: string, claim: string, sides: string) =>
    `${label}: of the contributions on “${claim}”, ${sides}`,
  sides: (favour: number, against: number, unclear: number) =>
    `${n(favour)} are in favour, ${n(against)} against and ${n(unclear)} take neither side clearly`,
  questionSplit: (question: string, counted: number, sides: string) =>
    `On “${question}”, of ${n(counted)} answers, ${sides}`,
  sideExamples: (favour: string, against: string) =>
    `; in favour, for example: “${favour}”; against: “${against}”`,
  /** A yes/no question whose answers mostly take no side clearly: no share, only the reasons. */
  unreadQuestion: (question: string, decided: number, counted: number) =>
    `On “${question}”, opinion could not be read reliably: only ${n(decided)} of ${n(counted)} answers take a side clearly`,
  reason: (reason: string, support: string) => `“${reason}” (${support})`,
  /** The reasons each side gives (`parts` joined by "; "), and the conditions and compromises. */
  reasonsGiven: (parts: string) => `. Reasons given ${parts}`,
  inFavour: (list: string) => `in favour: ${list}`,
  against: (list: string) => `against: ${list}`,
  onCondition: (list: string) => `on a condition: ${list}`,
  asCompromise: (list: string) => `as a compromise: ${list}`,
  themePoint: (label: string, support: string, point: string) =>
    `${label}: the proposal with most support (${support}) is “${point}”`,
  themeConcern: (label: string, support: string, concern: string) =>
    `${label}: the main concern (${support}) is “${concern}”`,
  besideConcern: (support: string, concern: string) =>
    `; the main concern beside it (${support}): “${concern}”`,
  topPriority: (proposal: string, support: string) =>
    `The proposal with the widest support across themes: “${proposal}” (${support})`,
  /** A proposal after one quoted above: it reads on its own, wherever the other is. */
  nextPriority: (proposal: string, support: string) =>
    `Another proposal with wide support: “${proposal}” (${support})`,
  topConcern: (concern: string, support: string) =>
    `The concern with the widest support across themes: “${concern}” (${support})`,
  nothingToChange: (question: string, said: number, answers: number, percent: number) =>
    `Asked “${question}”, ${n(said)} of ${n(answers)} answers (${percent}%) said nothing needs to change`,
  broadAgreement: (voters: number, list: string) =>
    `Broadest agreement, among the statements at least a third of the ${n(voters)} voters voted on: ${list}`,
  agreedBy: (comment: string, percent: number, voters: number) =>
    `“${comment}” (${percent}% of ${n(voters)} voters agreed)`,
  agreedShare: (percent: number, voters: number) => `${percent}% of ${n(voters)} voters agreed`,
  /** Themes found under different guiding questions (`questions`: "1 and 3") that recur. */
  recurringTheme: (label: string, questions: string, themes: string) =>
    `“${label}” recurs across the answers to questions ${questions}: ${themes}.`,
  themesOn: (words: string, questions: string, themes: string) =>
    `Themes on ${words} recur across the answers to questions ${questions}: ${themes}.`,
  similarThemes: (questions: string, themes: string) =>
    `Similar themes recur across the answers to questions ${questions}: ${themes}.`,
  /** A theme's reach: people when authors are known, else contributions or an upper bound. */
  participants: (count: number) => `${n(count)} participant${count === 1 ? '' : 's'}`,
  contributions: (count: number) => `${n(count)} contribution${count === 1 ? '' : 's'}`,
  atMostPeople: (count: number) => `at most ${n(count)} people`,
  splitGroups: (comment: string, least: number, most: number) =>
    `Split the opinion groups: “${comment}” (from ${least}% to ${most}% agreement)`,
  mostDivided: (comment: string, agrees: number, disagrees: number) =>
    `Opinion was most divided on “${comment}” (${n(agrees)} agreed, ${n(disagrees)} disagreed)`,
} as const;

/** A count as the brief writes it: "3,300". */
function n(count: number): string {
  return count.toLocaleString('en');
}

/**
 * The words of the frames themselves, in folded-free lower case: all of them, not only English
 * content words, since a finding in another language is checked with that language's stop words
 * ("for" and "here" are none in German).
 */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  Object.values(TEMPLATES).flatMap((frame) =>
    wordTokens((frame as (...args: string[]) => string)('', '', '')),
  ),
);
