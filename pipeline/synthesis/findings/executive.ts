import type {
  Finding,
  QuestionFindings,
  StanceSplit,
  ThemeFindings,
  VotedFinding,
} from '../../../schemas/findings.js';
import { maxOf, minOf } from '../../arrays.js';
import { quotableSentences } from '../reading/sentences.js';
import { onlyDescribesSpeaker } from '../reading/speaker.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import {
  findingOf,
  foldedWords,
  oneFromEachContribution,
  sentenceKey,
  statementText,
  wordCounts,
} from './support.js';
import { TEMPLATES } from './templates.js';
import { themePassages } from './theme-findings.js';
import { votedFindings } from './votes.js';

/** Most messages in the executive summary. */
const MAX_MESSAGES = 8;
/** Themes that get a message of their own. */
const THEME_MESSAGES = 4;
/** Yes/no questions that get a message on how their answers divide. */
const QUESTION_MESSAGES = 2;
/** A theme's statement is taken from one of this many of its best fitting passages, each of a different contribution. */
const STATEMENT_CANDIDATES = 12;

/**
 * The consultation's key messages, each saying something the counts support and none quoting a
 * sentence another already quotes:
 * - for each yes/no question (two at most), how its answers divide;
 * - for each of the four themes with the most participants, how many took part in it and what
 *   share, with its most representative complete statement, or, when its passages divide on
 *   its leading proposal, how they divide;
 * - the proposal with the widest support;
 * - where there were votes, the comment with the broadest agreement (across opinion groups when
 *   there are groups) and the one that divided opinion most.
 */
export function executiveSummary(
  corpus: SynthesisCorpus,
  themes: readonly ThemeFindings[],
  questions: readonly QuestionFindings[],
  subject: ReadonlySet<string>,
): Finding[] {
  const used = new Set<string>();
  const common = new Set(foldedWords([...subject].join(' '), corpus.config.language));
  const messages: Finding[] = [];
  const top = themes
    .filter((t) => t.parentId === null)
    .sort(
      (a, b) =>
        b.prevalence.participants - a.prevalence.participants || a.themeId.localeCompare(b.themeId),
    );
  const readable = questions.filter((q) => q.stance?.reliable);
  for (const question of readable.slice(0, QUESTION_MESSAGES)) {
    const stance = question.stance as StanceSplit;
    const [favour, against, unclear] = sideCounts(stance);
    const text = TEMPLATES.questionDivides(question.text, favour, against, unclear);
    messages.push(divisionMessage(text, stance));
  }
  for (const theme of top.slice(0, THEME_MESSAGES)) {
    const message = themeMessage(corpus, theme, used, common);
    if (message) messages.push(message);
  }
  const proposal = top
    .flatMap((t) => t.proposals)
    .filter((p) => !used.has(sentenceKey(p.text)))
    .sort((a, b) => b.support.contributions - a.support.contributions)[0];
  if (proposal && proposal.support.contributions > 1) {
    used.add(sentenceKey(proposal.text));
    const text = TEMPLATES.topProposal(proposal.text, proposal.support.contributions);
    messages.push({ ...proposal, text });
  }
  const { consensus, divisive } = votedFindings(corpus.passages, corpus.opinions);
  const agreed = consensus.find((c) => !used.has(sentenceKey(c.text)));
  if (agreed) {
    used.add(sentenceKey(agreed.text));
    messages.push(plain(agreed, agreementText(agreed)));
  }
  const divided = divisive.find((d) => !used.has(sentenceKey(d.text)));
  if (divided) messages.push(plain(divided, divisionText(divided)));
  return messages.slice(0, MAX_MESSAGES);
}

/**
 * A theme's message: its reach and its most representative statement not yet quoted (the
 * sentence of its best fitting passages that best carries the theme's common words, leaving
 * out the consultation's subject words), citing
 * the key point the sentence belongs to; or how its passages divide on its leading proposal.
 */
function themeMessage(
  corpus: SynthesisCorpus,
  theme: ThemeFindings,
  used: Set<string>,
  common: ReadonlySet<string>,
): Finding | undefined {
  const share = percent(theme.prevalence.participantShare);
  const reach = reachOf(corpus, theme);
  const { stance } = theme;
  if (stance && stance.favour.citations.length > 0 && stance.against.citations.length > 0) {
    used.add(sentenceKey(stance.claim));
    const [favour, against, unclear] = sideCounts(stance);
    const text = TEMPLATES.themeDivides(
      theme.label,
      reach,
      share,
      stance.claim,
      favour,
      against,
      unclear,
    );
    return divisionMessage(text, stance);
  }
  const source = corpus.themeById.get(theme.themeId);
  if (!source) return undefined;
  const passages = themePassages(corpus, source);
  // The consultation's own subject ("Bowling Green") is in every theme: it tells none apart.
  const counts = wordCounts(passages);
  for (const word of common) counts.delete(word);
  const candidates = oneFromEachContribution(passages, STATEMENT_CANDIDATES);
  const pick = representative(candidates, counts, used);
  if (!pick) return undefined;
  used.add(sentenceKey(pick.text));
  const point = theme.keyPoints.find((k) => k.citations.includes(pick.passage.id));
  const cited = point ? point.citations.flatMap((id) => corpus.byId.get(id) ?? []) : [pick.passage];
  const text = TEMPLATES.themeMessage(theme.label, reach, share, statementText(pick.text));
  return findingOf(text, cited);
}

/**
 * How many took part in a theme, as honestly as the input allows: participants when every
 * contribution names its author, contributions when none does (each then counts as its own
 * participant), else an upper bound on people.
 */
function reachOf(corpus: SynthesisCorpus, theme: ThemeFindings): string {
  const { participants, contributions } = theme.prevalence;
  if (corpus.identifiedParticipantCount >= corpus.participantCount)
    return TEMPLATES.participants(participants);
  if (corpus.identifiedParticipantCount === 0) return TEMPLATES.contributions(contributions);
  return TEMPLATES.atMostPeople(participants);
}

/**
 * The standing-alone sentence that best carries the common words, not yet quoted. Unlike
 * `bestSentence`, each word counts once and a one-word sentence never wins: a message's
 * statement should cover the theme, not repeat its commonest word.
 */
function representative(
  passages: readonly SynthesisPassage[],
  counts: ReadonlyMap<string, number>,
  used: ReadonlySet<string>,
): { text: string; passage: SynthesisPassage } | undefined {
  let best: { text: string; passage: SynthesisPassage } | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const passage of passages) {
    for (const sentence of quotableSentences(passage.text, passage.language)) {
      if (used.has(sentenceKey(sentence.text))) continue;
      if (onlyDescribesSpeaker(sentence.text, passage.language)) continue;
      const words = [...new Set(foldedWords(sentence.text, passage.language))];
      const total = words.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0);
      const score = words.length > 1 ? total / Math.sqrt(words.length) : 0;
      if (score > bestScore) [best, bestScore] = [{ text: sentence.text, passage }, score];
    }
  }
  return best;
}

function divisionMessage(text: string, stance: StanceSplit): Finding {
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
function sideCounts(stance: StanceSplit): [number, number, number] {
  const { conditional, compromise, unclear } = stance;
  return [
    stance.favour.support.contributions,
    stance.against.support.contributions,
    unclear.contributions + conditional.support.contributions + compromise.support.contributions,
  ];
}

function plain(item: VotedFinding, text: string): Finding {
  return { text, citations: item.citations, support: item.support };
}

/** Agreement across opinion groups when there are groups, else overall. */
function agreementText(item: VotedFinding): string {
  const groups = item.opinion?.groups.map((g) => g.agreement) ?? [];
  if (groups.length > 0) {
    return TEMPLATES.agreedAcrossGroups(item.text, groups.length, percent(minOf([...groups])));
  }
  const voters = item.agreement.agrees + item.agreement.disagrees;
  return TEMPLATES.broadestAgreement(item.text, percent(item.agreement.rate ?? 0), voters);
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

function percent(x: number): number {
  return Math.round(x * 100);
}
