import type { Finding, Objection, Priority, ThemeFindings } from '../../../schemas/findings.js';
import { answerOpening, asksYesOrNo } from '../reading/answer-openings.js';
import { claimOf, questionClaim } from '../reading/en/claim.js';
import { textStatesNoView } from '../reading/no-view.js';
import { asksWhatCouldBeBetter } from '../reading/nothing-to-change.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { foldedWords, sentenceKey } from './support.js';
import { compareByVotes, decided, isJudged, statementAgreement } from './votes.js';

/** Most priorities kept. */
const MAX_PRIORITIES = 10;
/** Content words a theme's concern shares with a proposal to stand against it. */
const MIN_SHARED_WORDS = 2;
/** A priority at least this share of whose voters disagreed has the votes as its objection. */
const VOTED_OBJECTION = 0.2;

/**
 * The proposals of the top-level themes as priorities for programming: never one that only
 * praises or says who its author is, nor one that only takes a side on its yes/no question
 * (`restatesQuestion`: the question's split carries it), each sentence once (in its first theme). Where there are
 * votes, ranked by them (see `compareByVotes`: widely voted first, then agreement, then how
 * many voted); else by the distinct participants who made the point, then contributions. Each
 * keeps its theme's support counts, and carries the main objection (`objectionOf`) and the
 * guiding question most of its passages answer. `count` at most (default 10).
 */
export function prioritiesOf(
  corpus: SynthesisCorpus,
  themes: readonly ThemeFindings[],
  count = MAX_PRIORITIES,
): Priority[] {
  const seen = new Set<string>();
  const all: Priority[] = [];
  for (const theme of themes.filter((t) => t.parentId === null)) {
    for (const proposal of theme.proposals) {
      const key = sentenceKey(proposal.text);
      const passages = passagesOf(corpus, proposal);
      if (seen.has(key) || !statesView(corpus, proposal) || restatesQuestion(corpus, proposal))
        continue;
      seen.add(key);
      const agreement = statementAgreement(proposal.text, passages);
      all.push({
        ...proposal,
        themeId: theme.themeId,
        questionId: questionOf(passages),
        agreement,
        objection: objectionOf(proposal, agreement, theme, corpus),
      });
    }
  }
  return rankPriorities(all, corpus.voters).slice(0, count);
}

/** Priorities by votes, then by participants and contributions (a stable sort). */
export function rankPriorities<T extends Pick<Priority, 'agreement' | 'support'>>(
  items: readonly T[],
  voters: number,
): T[] {
  return [...items].sort(
    (a, b) =>
      compareByVotes(a.agreement, b.agreement, voters) ||
      b.support.participants - a.support.participants ||
      b.support.contributions - a.support.contributions,
  );
}

/**
 * What stands against a proposal: the votes when a fifth or more of those who voted on it
 * disagreed; else, when its theme divides on it, the clearest statement against; else the
 * theme's concern on the same subject (sharing two of its content words) made by most
 * participants that states a view; null when there is none: a concern about something else in
 * the theme is no objection to the proposal.
 */
function objectionOf(
  proposal: Finding,
  agreement: Priority['agreement'],
  theme: ThemeFindings,
  corpus: SynthesisCorpus,
): Objection | null {
  if (isJudged(agreement) && agreement.disagrees / decided(agreement) >= VOTED_OBJECTION)
    return { basis: 'votes', finding: null };
  const { stance } = theme;
  const against = stance?.against.points[0];
  if (stance?.reliable && against && sentenceKey(stance.claim) === sentenceKey(proposal.text))
    return { basis: 'against', finding: against };
  const language = corpus.config.language;
  const words = new Set(foldedWords(proposal.text, language));
  const onSubject = (c: Finding) =>
    new Set(foldedWords(c.text, language).filter((w) => words.has(w))).size >= MIN_SHARED_WORDS;
  const concern = mainConcern(corpus, theme.concerns, onSubject);
  if (!concern) return null;
  const { text, citations, support } = concern;
  return { basis: 'concern', finding: { text, citations, support } };
}

/**
 * A theme's main concern among those `accept` takes: stating a view, and held by at least
 * half of those who voted on it (where there are votes) or made by two participants or more;
 * ranked as priorities are. Undefined when there is none.
 */
export function mainConcern(
  corpus: SynthesisCorpus,
  concerns: readonly Finding[],
  accept: (concern: Finding) => boolean,
): (Finding & { agreement: Priority['agreement'] }) | undefined {
  const voted = concerns
    .filter((c) => accept(c) && statesView(corpus, c))
    .map((c) => ({ ...c, agreement: statementAgreement(c.text, passagesOf(corpus, c)) }))
    .filter((c) => isWidelyHeld(c.agreement, c.support));
  return rankPriorities(voted, corpus.voters)[0];
}

/**
 * Whether a point is held widely enough to name as a theme's main point or concern: by half or
 * more of those who voted on it where it has enough votes, else by two participants or more.
 */
export function isWidelyHeld(
  agreement: Priority['agreement'],
  support: Finding['support'],
): boolean {
  return isJudged(agreement) ? (agreement.rate ?? 0) >= 0.5 : support.participants >= 2;
}

/**
 * Whether a finding states a view: not only praise, who its author is or that nothing needs to
 * change (read with the question its first passage answers and with each question asking what could
 * be better; or said by most of its passages' contributions).
 */
export function statesView(corpus: SynthesisCorpus, finding: Finding): boolean {
  const passages = passagesOf(corpus, finding);
  // Answers read as saying nothing needs to change, to a question asking what could be better.
  const nothing = passages.filter((p) => corpus.nothingAnswers.saying.has(p.contributionId));
  if (nothing.length * 2 > passages.length) return false;
  const first = passages[0];
  const language = first?.language ?? corpus.config.language;
  const own = corpus.config.questions.find((q) => q.id === first?.questionId)?.text ?? null;
  // Also read against the questions asking what could be better: "Nothing, all was perfect"
  // answers one, whatever question the source file names beside it.
  const better = corpus.config.questions.filter((q) => asksWhatCouldBeBetter(q.text));
  const questions = [own, ...better.map((q) => q.text)];
  return !questions.some((question) => textStatesNoView(finding.text, language, question));
}

/**
 * Whether a proposal only takes a side on the yes/no question its passages answer: it opens
 * with a yes or a no ("No, the staff need a day of rest."), or its claim (the main clause,
 * reasons left out) has the question's action and names nothing the question does not (its
 * subject may go: "We must ban cars" on "Should the city ban cars?"), for or against. One that
 * adds a condition or another measure names more and is a proposal. Claims are read in English.
 */
export function restatesQuestion(corpus: SynthesisCorpus, finding: Finding): boolean {
  const passages = passagesOf(corpus, finding);
  const language = passages[0]?.language ?? corpus.config.language;
  const { questions } = corpus.config;
  const id = questionOf(passages);
  const question =
    id === null && questions.length === 1 ? questions[0] : questions.find((q) => q.id === id);
  if (!question || !asksYesOrNo(question.text)) return false;
  if (answerOpening(finding.text, language) !== 0) return true;
  const asked = language === 'en' ? questionClaim(question.text) : null;
  const claim = asked ? claimOf(finding.text) : null;
  if (!asked || !claim || asked.action === null || claim.action !== asked.action) return false;
  return [...claim.topic].every((w) => asked.topic.has(w));
}

/** The passages a finding cites. */
function passagesOf(corpus: SynthesisCorpus, finding: Finding): SynthesisPassage[] {
  return finding.citations.flatMap((id) => corpus.byId.get(id) ?? []);
}

/** The guiding question most passages answer (the first named on a tie), or null. */
function questionOf(passages: readonly SynthesisPassage[]): string | null {
  const counts = new Map<string, number>();
  for (const p of passages)
    if (p.questionId !== null) counts.set(p.questionId, (counts.get(p.questionId) ?? 0) + 1);
  let best: string | null = null;
  for (const [id, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = id;
  return best;
}
