// How a split on a claim reads in a key message: a yes/no question's, reliable or not, or a theme's.
import type { Finding, QuestionFindings, StanceSplit } from '../../../schemas/findings.js';
import type { SynthesisCorpus } from './corpus.js';
import { supportText } from './message-support.js';
import { TEMPLATES } from './templates.js';
import { listOf } from './theme-findings.js';

/** A side's second reason is named too when this many contributions or more give it. */
const SECOND_REASON = 2;
/**
 * An unreliable split gets a key message only when at least this share of the answers take a
 * position: with fewer, most answers speak to something else than the question as asked (a
 * conversation around its topic), and its section says how few could be read.
 */
const MIN_READ_SHARE = 0.1;

/** How a yes/no question's answers divide, with each side's clearest statement. */
export function questionMessage(
  question: QuestionFindings,
  stance: StanceSplit,
): [Finding | undefined, string[]] {
  const [favour, against, unclear] = sideCounts(stance);
  let text = TEMPLATES.questionSplit(
    question.text,
    favour + against + unclear,
    TEMPLATES.sides(favour, against, unclear),
  );
  const examples = [stance.favour.points[0]?.text, stance.against.points[0]?.text];
  const [yes, no] = examples;
  if (yes && no) text += TEMPLATES.sideExamples(yes, no);
  return [divisionMessage(text, stance), yes && no ? [yes, no] : []];
}

/**
 * A yes/no question whose answers mostly take no side clearly: how many of how many do, and the
 * main reasons on each side (a second one where `SECOND_REASON` contributions give it), the
 * main condition and compromise, each with how many give it; never a share of the few decided.
 * Nothing when no side gives a reason, or fewer than `MIN_READ_SHARE` of the answers take a
 * position.
 */
export function unreadQuestionMessage(
  corpus: SynthesisCorpus,
  question: QuestionFindings,
  stance: StanceSplit,
): [Finding | undefined, string[]] {
  const { favour, against, conditional, compromise, unclear } = stance;
  const reasons = (side: StanceSplit['favour'], most: number) =>
    side.points.filter((p, i) => i === 0 || (i < most && p.support.contributions >= SECOND_REASON));
  const sides = [
    [TEMPLATES.inFavour, reasons(favour, 2)],
    [TEMPLATES.against, reasons(against, 2)],
    [TEMPLATES.onCondition, reasons(conditional, 1)],
    [TEMPLATES.asCompromise, reasons(compromise, 1)],
  ] as const;
  const given = sides.filter(([, points]) => points.length > 0);
  if (favour.points.length + against.points.length === 0) return [undefined, []];
  const listed = (points: readonly Finding[]) =>
    listOf(points.map((p) => TEMPLATES.reason(p.text, supportText(corpus, p.support, null))));
  // Those taking a position (the same count as the question's own section gives).
  const support = [favour, against, conditional, compromise].reduce(
    (sum, side) => ({
      contributions: sum.contributions + side.support.contributions,
      participants: sum.participants + side.support.participants,
    }),
    { contributions: 0, participants: 0 },
  );
  const decided = support.contributions;
  const counted = decided + unclear.contributions;
  if (decided < counted * MIN_READ_SHARE) return [undefined, []];
  const text =
    TEMPLATES.unreadQuestion(question.text, decided, counted) +
    TEMPLATES.reasonsGiven(given.map(([frame, points]) => frame(listed(points))).join('; '));
  const quoted = given.flatMap(([, points]) => points);
  const citations = [...new Set(quoted.flatMap((p) => p.citations))];
  return [{ text, citations, support }, quoted.map((p) => p.text)];
}

/** A split as a message: citing both sides, with their support. */
export function divisionMessage(text: string, stance: StanceSplit): Finding {
  const citations = [...stance.favour.citations, ...stance.against.citations];
  return {
    text,
    citations,
    support: {
      contributions: stance.favour.support.contributions + stance.against.support.contributions,
      participants: stance.favour.support.participants + stance.against.support.participants,
    },
  };
}

/**
 * Contributions in favour, against, and taking neither side outright (those that take neither
 * clearly, a conditional position or a compromise), so that the three add up to all on the claim.
 */
export function sideCounts(stance: StanceSplit): [number, number, number] {
  const { conditional, compromise, unclear } = stance;
  return [
    stance.favour.support.contributions,
    stance.against.support.contributions,
    unclear.contributions + conditional.support.contributions + compromise.support.contributions,
  ];
}
