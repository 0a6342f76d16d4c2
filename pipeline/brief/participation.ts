// How many took part, counted one way throughout the brief, and how the questions' and themes' counts add up to it.
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Findings, ThemeFindings } from '../../schemas/findings.js';
import { listOf } from '../synthesis/findings/theme-findings.js';
import { count, type People } from './people.js';

/**
 * Contributions as every count of the brief has them: each kept contribution and each
 * duplicate merged into it (a voice); `repeats` is how many of them are such duplicates.
 */
export function contributionVoices(records: readonly CleanRecord[]): {
  voices: number;
  repeats: number;
} {
  let voices = 0;
  let repeats = 0;
  for (const record of records) {
    if (record.status !== 'kept') continue;
    voices += 1 + record.duplicates.length;
    repeats += record.duplicates.length;
  }
  return { voices, repeats };
}

/** What the brief is organised by: "theme", "theme and week", "theme, guiding question and week". */
export function organisedBy(questions: number, weeks: number): string {
  return listOf([
    'theme',
    ...(questions > 1 ? ['guiding question'] : []),
    ...(weeks > 0 ? ['week'] : []),
  ]);
}

/**
 * The participation paragraph: contributions (merged duplicates counted as voices, as
 * everywhere in the brief), people and passages; the answers held out as saying only that
 * nothing needs to change; and the contributions by guiding question, with those that name
 * none, so that the questions' counts add up to the total.
 */
export function participationText(
  findings: Findings,
  records: readonly CleanRecord[],
  people: People,
): string {
  const { voices, repeats } = contributionVoices(records);
  const sentences = [
    `**Participation.** ${count(voices, 'contribution')} from ${people.total()}, in ${count(findings.totals.passages, 'passage')}.`,
  ];
  if (repeats > 0) {
    sentences.push(
      `${repeats.toLocaleString('en')} of them repeat${repeats === 1 ? 's' : ''} an earlier one word for word or nearly: merged into it, each counts as one more voice for what it says.`,
    );
  }
  const held = records.filter((r) => r.status === 'nothing-to-change').length;
  if (held > 0) {
    sentences.push(
      `Another ${count(held, 'answer')} said only that nothing needs to change: counted under their question, not in these figures or the themes.`,
    );
  }
  sentences.push(byQuestion(findings, voices));
  return sentences.filter(Boolean).join(' ');
}

/** "By guiding question: 1,739 answer question 1, 775 question 2; 216 name none of them." */
function byQuestion(findings: Findings, voices: number): string {
  const { questions } = findings;
  const mapping = questions[0]?.mapping;
  if (questions.length < 2 || mapping === undefined || mapping === 'only-question') return '';
  const parts = questions.map(
    (q, i) =>
      `${q.contributions.toLocaleString('en')}${i === 0 ? ' answer' : ''} question ${i + 1}`,
  );
  const list = listOf(parts);
  if (mapping === 'similarity') {
    return `By guiding question, matched by their words (a contribution can be matched to several, or to none): ${list}.`;
  }
  const none = unansweredQuestions(findings, voices);
  return `By guiding question: ${list}${none > 0 ? `; ${none.toLocaleString('en')} name none of them` : ''}.`;
}

/**
 * The note beside the themes' shares when they add to more than 100%, since a participant or a
 * contribution can be in several themes: "Themes overlap: ..., so the themes' shares add to
 * 148% of all participants." '' when they do not.
 */
export function themeOverlapText(top: readonly ThemeFindings[], people: People): string {
  const sum = Math.round(100 * top.reduce((total, t) => total + t.prevalence.participantShare, 0));
  if (sum <= 100) return '';
  const who =
    people.identification === 'none'
      ? 'one contribution can touch several themes'
      : 'a participant can write on several themes, and one contribution can touch several';
  return `Themes overlap (${who}), so their shares add to ${sum}% of all ${people.shareOf()}.`;
}

/**
 * How many of the `voices` contributions name none of the guiding questions, when each names
 * at most one (its question field); 0 when answers were matched to questions by their words.
 */
export function unansweredQuestions(findings: Findings, voices: number): number {
  if (findings.questions.length === 0 || findings.questions[0]?.mapping !== 'field') return 0;
  return Math.max(0, voices - findings.questions.reduce((sum, q) => sum + q.contributions, 0));
}
