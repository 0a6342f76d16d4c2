// The key messages: seven findings at most, each different, each with its evidence.
import type {
  Agreement,
  Finding,
  QuestionFindings,
  StanceSplit,
  ThemeFindings,
  VotedFinding,
} from '../../../schemas/findings.js';
import { maxOf, minOf } from '../../arrays.js';
import type { SynthesisCorpus } from './corpus.js';
import { percent, supportText } from './message-support.js';
import {
  isWidelyHeld,
  mainConcern,
  prioritiesOf,
  rankPriorities,
  restatesQuestion,
  statesView,
} from './priorities.js';
import {
  divisionMessage,
  questionMessage,
  sideCounts,
  unreadQuestionMessage,
} from './split-messages.js';
import { sentenceKey } from './support.js';
import { TEMPLATES } from './templates.js';
import { listOf } from './theme-findings.js';
import { broadestAgreement, decided, statementAgreement, votedFindings } from './votes.js';

/** Most key messages. */
const MAX_MESSAGES = 7;
/**
 * Yes/no questions that get a message on how their answers divide, first in the key messages
 * (the rest have theirs in their question sections): room is left for two other findings.
 */
const QUESTION_MESSAGES = 5;
/** Themes that get a message of their own, at most. */
const THEME_MESSAGES = 3;

/** The key messages so far, what they quote, and how many are on a theme. */
class Draft {
  readonly used = new Set<string>();
  readonly messages: Finding[] = [];
  themed = 0;

  /** Adds a message (when there is one) and the sentences it quotes. */
  add([message, quotes]: readonly [Finding | undefined, readonly string[]]): void {
    if (!message) return;
    for (const q of quotes) this.used.add(sentenceKey(q));
    this.messages.push(message);
  }
}

/**
 * The consultation's key messages (seven at most), each a different finding with its evidence
 * and none quoting a sentence another already quotes:
 * - with votes, the statements with the broadest agreement among those a third of the voters
 *   or more voted on (with the share that agreed and how many voted);
 * - for each yes/no question (five at most), how its answers divide, with an example each side;
 *   where too few take a side clearly to count, that opinion could not be read reliably, with
 *   the main reasons each side gives and the conditions and compromises put (no share);
 * - for the question asking what could be better with the largest such share, how many
 *   answers said nothing needs to change;
 * - the proposal and the concern with the widest support (by votes where there are votes, else
 *   participants);
 * - for the largest themes, how they divide on their leading proposal, or their best-supported
 *   proposal with the main concern beside it;
 * - with votes, the statement that divided opinion most.
 * Statements that only praise or say who their author is never make a message.
 */
export function executiveSummary(
  corpus: SynthesisCorpus,
  themes: readonly ThemeFindings[],
  questions: readonly QuestionFindings[],
): Finding[] {
  const draft = new Draft();
  const agreed = broadestAgreement(corpus.passages, corpus.opinions, corpus.voters);
  draft.add([agreementMessage(agreed, corpus.voters), agreed.map((a) => a.text)]);
  for (const question of questions.filter((q) => q.stance).slice(0, QUESTION_MESSAGES)) {
    const stance = question.stance as StanceSplit;
    draft.add(
      stance.reliable
        ? questionMessage(question, stance)
        : unreadQuestionMessage(corpus, question, stance),
    );
  }
  draft.add(nothingMessage(corpus, questions));
  const top = themes
    .filter((t) => t.parentId === null)
    .sort(
      (a, b) =>
        b.prevalence.participants - a.prevalence.participants || a.themeId.localeCompare(b.themeId),
    );
  draft.add(priorityMessage(corpus, top, draft.used));
  draft.add(concernMessage(corpus, top, draft.used));
  // The most divided statement comes last, but is chosen before the themes quote it.
  const divided = votedFindings(corpus.passages, corpus.opinions, corpus.voters).divisive.find(
    (d) => !draft.used.has(sentenceKey(d.text)),
  );
  if (divided) draft.used.add(sentenceKey(divided.text));
  const room = Math.min(MAX_MESSAGES - draft.messages.length - (divided ? 1 : 0), THEME_MESSAGES);
  for (const theme of top) {
    if (room <= draft.themed) break;
    const [message, quotes] = themeMessage(corpus, theme, draft.used);
    if (message) draft.themed++;
    draft.add([message, quotes]);
  }
  if (divided) draft.add([plain(divided, divisionText(divided)), []]);
  return draft.messages.slice(0, MAX_MESSAGES);
}

/**
 * The best-supported proposal not quoted yet ("next" when a better-supported one is quoted
 * above, in the broadest agreement).
 */
function priorityMessage(
  corpus: SynthesisCorpus,
  top: readonly ThemeFindings[],
  used: ReadonlySet<string>,
): [Finding | undefined, string[]] {
  const priorities = prioritiesOf(corpus, top);
  const priority = priorities.find((p) => !used.has(sentenceKey(p.text)));
  if (!priority) return [undefined, []];
  const support = supportText(corpus, priority.support, priority.agreement);
  const frame = priority === priorities[0] ? TEMPLATES.topPriority : TEMPLATES.nextPriority;
  const { citations } = priority;
  return [
    { text: frame(priority.text, support), citations, support: priority.support },
    [priority.text],
  ];
}

/** The concern with the widest support across the themes, not quoted yet. */
function concernMessage(
  corpus: SynthesisCorpus,
  top: readonly ThemeFindings[],
  used: ReadonlySet<string>,
): [Finding | undefined, string[]] {
  const concerns = top.flatMap((t) => t.concerns);
  const concern = mainConcern(corpus, concerns, (c) => !used.has(sentenceKey(c.text)));
  if (!concern) return [undefined, []];
  const support = supportText(corpus, concern.support, concern.agreement);
  const text = TEMPLATES.topConcern(concern.text, support);
  return [{ text, citations: concern.citations, support: concern.support }, [concern.text]];
}

/** The broadest agreement in one message: each statement with its share and voters. */
function agreementMessage(items: readonly VotedFinding[], voters: number): Finding | undefined {
  if (items.length === 0) return undefined;
  const list = items.map((item) =>
    TEMPLATES.agreedBy(item.text, percent(item.agreement.rate ?? 0), decided(item.agreement)),
  );
  const passages = items.flatMap((item) => item.citations);
  return {
    text: TEMPLATES.broadAgreement(voters, listOf(list)),
    citations: [...new Set(passages)],
    support: {
      contributions: items.reduce((sum, i) => sum + i.support.contributions, 0),
      participants: items.reduce((sum, i) => sum + i.support.participants, 0),
    },
  };
}

/**
 * Of the questions asking what could be better, the one whose answers most often said nothing
 * needs to change: how many did, citing the kept answers that say so.
 */
function nothingMessage(
  corpus: SynthesisCorpus,
  questions: readonly QuestionFindings[],
): [Finding | undefined, string[]] {
  const share = (q: QuestionFindings) =>
    q.nothingToChange && q.nothingToChange.answers.contributions > 0
      ? q.nothingToChange.said.contributions / q.nothingToChange.answers.contributions
      : 0;
  const question = [...questions].sort((a, b) => share(b) - share(a))[0];
  const nothing = question?.nothingToChange;
  if (!question || !nothing || nothing.said.contributions === 0) return [undefined, []];
  const cited = corpus.passages.filter(
    (p) =>
      corpus.nothingAnswers.saying.has(p.contributionId) &&
      (question.mapping === 'only-question' || p.questionId === question.questionId),
  );
  if (cited.length === 0) return [undefined, []];
  const text = TEMPLATES.nothingToChange(
    question.text,
    nothing.said.contributions,
    nothing.answers.contributions,
    percent(share(question)),
  );
  return [{ text, citations: cited.map((p) => p.id), support: nothing.said }, []];
}

/**
 * A theme's message: how its contributions divide on its leading proposal when enough take a
 * side, else its best-supported proposal (by votes, then participants) with the main concern
 * beside it, or the main concern alone; none quoting what another message quotes.
 */
function themeMessage(
  corpus: SynthesisCorpus,
  theme: ThemeFindings,
  used: ReadonlySet<string>,
): [Finding | undefined, string[]] {
  const { stance } = theme;
  if (
    stance?.reliable &&
    stance.favour.citations.length > 0 &&
    stance.against.citations.length > 0 &&
    !used.has(sentenceKey(stance.claim))
  ) {
    const [favour, against, unclear] = sideCounts(stance);
    const sides = TEMPLATES.sides(favour, against, unclear);
    return [
      divisionMessage(TEMPLATES.themeSplit(theme.label, stance.claim, sides), stance),
      [stance.claim],
    ];
  }
  const proposal = rankPriorities(
    theme.proposals
      .filter(
        (p) =>
          !used.has(sentenceKey(p.text)) && statesView(corpus, p) && !restatesQuestion(corpus, p),
      )
      .map((p) => ({ ...p, agreement: agreementOfFinding(corpus, p) }))
      .filter((p) => isWidelyHeld(p.agreement, p.support)),
    corpus.voters,
  )[0];
  const concern = mainConcern(corpus, theme.concerns, (c) => !used.has(sentenceKey(c.text)));
  if (proposal) {
    let text = TEMPLATES.themePoint(
      theme.label,
      supportText(corpus, proposal.support, proposal.agreement),
      proposal.text,
    );
    if (concern)
      text += TEMPLATES.besideConcern(
        supportText(corpus, concern.support, concern.agreement),
        concern.text,
      );
    const cited = [...proposal.citations, ...(concern?.citations ?? [])];
    const quotes = [proposal.text, ...(concern ? [concern.text] : [])];
    return [{ text, citations: [...new Set(cited)], support: proposal.support }, quotes];
  }
  if (!concern) return [undefined, []];
  const text = TEMPLATES.themeConcern(
    theme.label,
    supportText(corpus, concern.support, concern.agreement),
    concern.text,
  );
  return [{ text, citations: concern.citations, support: concern.support }, [concern.text]];
}

/** The votes on the comment a finding's statement is taken from, or null. */
function agreementOfFinding(corpus: SynthesisCorpus, f: Finding): Agreement | null {
  return statementAgreement(
    f.text,
    f.citations.flatMap((id) => corpus.byId.get(id) ?? []),
  );
}

function plain(item: VotedFinding, text: string): Finding {
  return { text, citations: item.citations, support: item.support };
}

/** The gap between opinion groups when there are groups, else the overall split. */
function divisionText(item: VotedFinding): string {
  const groups = item.opinion?.groups.map((g) => g.agreement) ?? [];
  if (groups.length > 0) {
    return TEMPLATES.splitGroups(
      item.text,
      percent(minOf([...groups])),
      percent(maxOf([...groups])),
    );
  }
  return TEMPLATES.mostDivided(item.text, item.agreement.agrees, item.agreement.disagrees);
}
