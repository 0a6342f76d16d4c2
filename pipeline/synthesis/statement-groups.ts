import type { Finding } from '../../schemas/findings.js';
import type { SynthesisPassage } from './corpus.js';
import { quotableSentences, type StatementKind, sentencesOf } from './statements.js';
import { statementKind } from './statements-kind.js';
import { findingOf, foldedWords, statementText, supportOf } from './support.js';

/** A sentence recognised as a statement, with the passage it is from. */
interface Statement {
  passage: SynthesisPassage;
  text: string;
  words: Set<string>;
}

/** Statements at least this alike (Jaccard of their folded content words) make one point. */
const SAME_POINT = 0.3;
/** A statement needs this many content words: "It is very dangerous." says too little alone. */
const MIN_WORDS = 3;
/** Words in more statements than this are too common to find alike statements by. */
const MAX_POSTINGS = 400;
/** Most statements of each kind per theme. */
const MAX_PER_KIND = 5;

export interface Statements {
  proposals: Finding[];
  concerns: Finding[];
  opportunities: Finding[];
}

/**
 * The proposals, concerns and opportunities in passages: their sentences that stand alone
 * (`quotableSentences`) sorted by what they do (see `statementKind`), alike sentences grouped as one point, points ranked by support
 * (distinct contributions, then participants, then agree votes where there are votes). Each point is worded as its most typical
 * sentence and cites every passage that made it. Passages come best fitting first.
 */
export function statementsOf(passages: readonly SynthesisPassage[]): Statements {
  const byKind: Record<StatementKind, Statement[]> = {
    proposal: [],
    concern: [],
    opportunity: [],
  };
  for (const passage of passages) {
    for (const sentence of quotableSentences(passage.text, passage.language)) {
      const kind = statementKind(lastSentence(sentence.text, passage.language), passage.language);
      if (kind === null) continue;
      const words = new Set(foldedWords(sentence.text, passage.language));
      if (words.size < MIN_WORDS) continue;
      byKind[kind].push({ passage, text: sentence.text, words });
    }
  }
  return {
    proposals: ranked(byKind.proposal),
    concerns: ranked(byKind.concern),
    opportunities: ranked(byKind.opportunity),
  };
}

/** The sentence that says what a span does: its last (a span joins a sentence to its lead-in). */
function lastSentence(text: string, language: string): string {
  return sentencesOf(text, language).at(-1)?.text ?? text;
}

function ranked(statements: readonly Statement[]): Finding[] {
  return (
    groupAlike(statements)
      .map((group) => ({
        group,
        support: supportOf(group.map((s) => s.passage)),
        agrees: group.reduce((sum, s) => sum + (s.passage.votes?.agrees ?? 0), 0),
      }))
      // Stable sort: on equal support and votes, the group found first (best fitting) leads.
      .sort(
        (a, b) =>
          b.support.contributions - a.support.contributions ||
          b.support.participants - a.support.participants ||
          b.agrees - a.agrees,
      )
      .slice(0, MAX_PER_KIND)
      .map(({ group }) =>
        findingOf(
          statementText(typical(group).text),
          group.map((s) => s.passage),
        ),
      )
  );
}

/**
 * Greedy grouping in order: each statement joins the first group whose founder it is alike to,
 * else founds one. Candidates come from an index of the founders' words, so the cost stays
 * near linear.
 */
function groupAlike(statements: readonly Statement[]): Statement[][] {
  const groups: Statement[][] = [];
  const index = new Map<string, number[]>();
  for (const statement of statements) {
    const candidates = new Set<number>();
    for (const w of statement.words) {
      const postings = index.get(w);
      if (postings && postings.length <= MAX_POSTINGS) for (const g of postings) candidates.add(g);
    }
    let home = -1;
    for (const g of [...candidates].sort((a, b) => a - b)) {
      if (
        jaccard(statement.words, (groups[g] as Statement[])[0]?.words as Set<string>) >= SAME_POINT
      ) {
        home = g;
        break;
      }
    }
    if (home >= 0) {
      groups[home]?.push(statement);
      continue;
    }
    groups.push([statement]);
    for (const w of statement.words) {
      const postings = index.get(w);
      if (postings) postings.push(groups.length - 1);
      else index.set(w, [groups.length - 1]);
    }
  }
  return groups;
}

/** The member most alike to the others (the first on ties). */
function typical(group: readonly Statement[]): Statement {
  if (group.length <= 2) return group[0] as Statement;
  let best = group[0] as Statement;
  let bestScore = -1;
  for (const s of group.slice(0, 50)) {
    const score = group.reduce((sum, other) => sum + jaccard(s.words, other.words), 0);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return best;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union > 0 ? shared / union : 0;
}
