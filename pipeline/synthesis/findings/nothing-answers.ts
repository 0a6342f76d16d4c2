/**
 * How many answers to a question asking what could be better say nothing needs to change: the
 * answers the clean stage held out of the themes as saying only that, and the kept answers that
 * say it first ("Nothing, the crew were fantastic."), each merged duplicate an extra voice.
 */
import type { CleanRecord } from '../../../schemas/clean-record.js';
import type { Consultation, GuidingQuestion } from '../../../schemas/consultation.js';
import type { Contribution } from '../../../schemas/contribution.js';
import type { NothingToChange, QuestionFindings, Support } from '../../../schemas/findings.js';
import { answerSaysNothingToChange, asksWhatCouldBeBetter } from '../reading/nothing-to-change.js';
import type { SynthesisPassage } from './corpus.js';
import { createQuestionMatcher, createQuestionTexts } from './question-match.js';

/** An answer held out of the themes as saying only that nothing needs to change. */
export interface HeldOutAnswer {
  /** Its participant (an author id, else one per contribution). */
  participant: string;
  /** The guiding question its `question` value names, or null. */
  questionId: string | null;
}

/** The answers saying nothing needs to change, as the synthesis knows them. */
export interface NothingAnswers {
  heldOut: readonly HeldOutAnswer[];
  /** Kept contributions that say nothing needs to change, among other things. */
  saying: ReadonlySet<string>;
}

/** Finds the answers saying nothing needs to change among the clean records. */
export function nothingAnswersOf(
  config: Consultation,
  records: readonly CleanRecord[],
  byContribution: ReadonlyMap<string, Contribution>,
  participantOf: (contributionId: string) => string,
): NothingAnswers {
  const matcher = createQuestionMatcher(config.questions);
  const questionOf = createQuestionTexts(config.questions);
  const asks = new Map<string, boolean>();
  const heldOut: HeldOutAnswer[] = [];
  const saying = new Set<string>();
  for (const record of records) {
    const value = byContribution.get(record.id)?.question ?? null;
    if (record.status === 'nothing-to-change') {
      heldOut.push({ participant: participantOf(record.id), questionId: matcher.match(value) });
      continue;
    }
    const question = questionOf(value);
    if (record.status !== 'kept' || question === null) continue;
    if (!asks.has(question)) asks.set(question, asksWhatCouldBeBetter(question));
    if (asks.get(question) && answerSaysNothingToChange(record.text, question, record.language))
      saying.add(record.id);
  }
  return { heldOut, saying };
}

/**
 * For a guiding question asking what could be better, the answers saying nothing needs to
 * change, of all its answers (`passages`: the kept ones mapped to it); null for another
 * question, or when answers are matched to questions by their words (a held-out "Nothing."
 * has none to match).
 */
export function nothingToChangeOf(
  answers: NothingAnswers,
  question: GuidingQuestion,
  passages: readonly SynthesisPassage[],
  mapping: QuestionFindings['mapping'],
): NothingToChange | null {
  if (mapping === 'similarity' || !asksWhatCouldBeBetter(question.text)) return null;
  const held = answers.heldOut.filter(
    (a) => mapping === 'only-question' || a.questionId === question.id,
  );
  return {
    said: supportWith(
      passages.filter((p) => answers.saying.has(p.contributionId)),
      held,
    ),
    only: supportWith([], held),
    answers: supportWith(passages, held),
  };
}

/** Contributions (voices) and participants behind passages and held-out answers together. */
function supportWith(
  passages: readonly SynthesisPassage[],
  held: readonly HeldOutAnswer[],
): Support {
  const voices = new Set(passages.flatMap((p) => p.voices));
  const participants = new Set(passages.flatMap((p) => p.participants));
  for (const answer of held) participants.add(answer.participant);
  return { contributions: voices.size + held.length, participants: participants.size };
}
