import { contentWords } from '../../nlp/tokenise.js';

/**
 * The sentence frames the offline synthesiser writes around what contributors said. Everything
 * inside a frame's slots comes from the passages a finding cites (their sentences, their words)
 * or from counting them; the frames' own words are the only ones the grounding check lets
 * through unsupported (see `FRAME_WORDS`).
 */
export const TEMPLATES = {
  keywords: (list: string) => `Contributors here spoke most often of ${list}.`,
  keyPoint: (label: string, example: string) => `${label}, for example: “${example}”`,
  scopedPoint: (label: string, sentence: string) => `${label}: “${sentence}”`,
  crossCutting: (term: string, count: number, labels: string) =>
    `“${term}” comes up across ${count} themes: ${labels}.`,
  /** Themes found under different guiding questions (`questions`: "1 and 3") that recur. */
  recurringTheme: (label: string, questions: string, themes: string) =>
    `“${label}” recurs across the answers to questions ${questions}: ${themes}.`,
  themesOn: (words: string, questions: string, themes: string) =>
    `Themes on ${words} recur across the answers to questions ${questions}: ${themes}.`,
  similarThemes: (questions: string, themes: string) =>
    `Similar themes recur across the answers to questions ${questions}: ${themes}.`,
  /** A theme's reach: people when authors are known, else contributions or an upper bound. */
  participants: (n: number) => `${n} participants`,
  contributions: (n: number) => `${n} contributions`,
  atMostPeople: (n: number) => `at most ${n} people`,
  themeMessage: (label: string, reach: string, share: number, statement: string) =>
    `${label} drew ${reach} (${share}% of all); its most typical statement: “${statement}”`,
  themeDivides: (
    label: string,
    reach: string,
    share: number,
    claim: string,
    favour: number,
    against: number,
    unclear: number,
  ) =>
    `${label} drew ${reach} (${share}% of all); of the ${favour + against + unclear} contributions on “${claim}”, ${favour} are in favour, ${against} against and ${unclear} unclear`,
  questionDivides: (question: string, favour: number, against: number, unclear: number) =>
    `On “${question}”: of ${favour + against + unclear} answers, ${favour} are in favour, ${against} against and ${unclear} unclear`,
  topProposal: (proposal: string, contributions: number) =>
    `The proposal with the widest support: “${proposal}” (${contributions} contributions)`,
  broadestAgreement: (comment: string, percent: number, voters: number) =>
    `Broadest agreement: “${comment}” (${percent}% of ${voters} voters agreed)`,
  agreedAcrossGroups: (comment: string, groups: number, least: number) =>
    `Agreed across ${groups === 2 ? 'both' : `all ${groups}`} opinion groups: “${comment}” (${least}% agreement or more in each)`,
  splitGroups: (comment: string, least: number, most: number) =>
    `Split the opinion groups: “${comment}” (from ${least}% to ${most}% agreement)`,
  mostDivided: (comment: string, agrees: number, disagrees: number) =>
    `Opinion was most divided on “${comment}” (${agrees} agreed, ${disagrees} disagreed)`,
} as const;

/** The content words of the frames themselves, in folded-free lower case. */
export const FRAME_WORDS: ReadonlySet<string> = new Set(
  Object.values(TEMPLATES).flatMap((frame) =>
    contentWords((frame as (...args: string[]) => string)('', '', ''), 'en'),
  ),
);
