import type { Finding } from '../../../schemas/findings.js';
import { type FindingKind, readerFor, type StatementKind } from '../reading/reader.js';
import { NO_READINGS, type Readings, readingsReader } from '../reading/readings.js';
import { quotableSentences, sentencesOf } from '../reading/sentences.js';
import type { SynthesisPassage } from './corpus.js';
import { type Gist, gistOf, sameGist } from './statements-gist.js';
import { findingOf, foldedWords, statementText, supportOf } from './support.js';

/** A sentence recognised as a statement, with the passage it is from. */
export interface Statement {
  passage: SynthesisPassage;
  text: string;
  /** Its folded content words, as compared with other statements'. */
  words: ReadonlySet<string>;
  /** What it says; null when its structure does not tell, and then it joins no other. */
  gist: Gist | null;
}

/**
 * Statements saying the same thing make one point when this share of the shorter one's folded
 * content words is in the other: "We need more frequent buses" is in "We need more buses on
 * the west side" though the longer has words of its own.
 */
const SAME_POINT = 0.5;
/**
 * A statement needs this many content words: "It is very dangerous." says too little alone. One
 * fewer do when its structure tells what it asks for or is about ("We need more frequent buses").
 */
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
 * (`quotableSentences`) sorted by what they do (a model's `readings` first, else the language's
 * reader's `kindsOf`: a sentence counts under each of its finding kinds, and praise or a
 * self-description alone under none), alike sentences grouped as one point, points ranked by support
 * (distinct contributions, then participants, then agree votes where there are votes). Each point is worded as its most typical
 * sentence and cites every passage that made it. Passages come best fitting first.
 */
export function statementsOf(
  passages: readonly SynthesisPassage[],
  readings: Readings = NO_READINGS,
): Statements {
  const byKind: Record<FindingKind, Statement[]> = {
    proposal: [],
    concern: [],
    opportunity: [],
  };
  for (const passage of passages) {
    const reader = readingsReader(readerFor(passage.language), readings, passage.language);
    for (const sentence of quotableSentences(passage.text, passage.language)) {
      const last = lastSentence(sentence.text, passage.language);
      const words = new Set(foldedWords(sentence.text, passage.language));
      for (const kind of reader.kindsOf(last, { question: null }).filter(isFindingKind)) {
        // Gists are read from English structure: elsewhere a statement joins no other.
        const gist = passage.language === 'en' ? gistOf(last, kind) : null;
        if (words.size < (gist === null ? MIN_WORDS : MIN_WORDS - 1)) continue;
        byKind[kind].push({ passage, text: sentence.text, words, gist });
      }
    }
  }
  return {
    proposals: groupedFindings(byKind.proposal),
    concerns: groupedFindings(byKind.concern),
    opportunities: groupedFindings(byKind.opportunity),
  };
}

function isFindingKind(kind: StatementKind): kind is FindingKind {
  return kind === 'proposal' || kind === 'concern' || kind === 'opportunity';
}

/** The sentence that says what a span does: its last (a span joins a sentence to its lead-in). */
export function lastSentence(text: string, language: string): string {
  return sentencesOf(text, language).at(-1)?.text ?? text;
}

/**
 * Statements saying the same thing grouped (`groupAlike`), the groups ranked by support
 * (distinct contributions, then participants, then agree votes), the first `max` (default 5)
 * each worded as its most typical statement and citing every passage that made it.
 */
export function groupedFindings(statements: readonly Statement[], max = MAX_PER_KIND): Finding[] {
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
      .slice(0, max)
      .map(({ group }) =>
        findingOf(
          statementText(typical(group).text),
          group.map((s) => s.passage),
        ),
      )
  );
}

/**
 * Greedy grouping in order: each statement joins the first group whose founder says the same
 * thing (`sameGist`: the same action, thing wished for or thing worried about) and shares
 * enough words, else founds one. Word overlap alone would join opposites ("Dogs need an area
 * off the lead", "Dogs should be kept on a lead"). Candidates come from an index of the
 * founders' words, so the cost stays near linear.
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
    const home = [...candidates]
      .sort((a, b) => a - b)
      .find((g) => saysTheSame(statement, (groups[g] as Statement[])[0] as Statement));
    if (home !== undefined) {
      groups[home]?.push(statement);
      continue;
    }
    groups.push([statement]);
    if (statement.gist === null) continue;
    for (const w of statement.words) {
      const postings = index.get(w);
      if (postings) postings.push(groups.length - 1);
      else index.set(w, [groups.length - 1]);
    }
  }
  return groups;
}

function saysTheSame(a: Statement, b: Statement): boolean {
  if (a.gist === null || b.gist === null || !sameGist(a.gist, b.gist)) return false;
  return overlap(a.words, b.words) >= SAME_POINT;
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

/** The share of the smaller set that is in the other. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const smaller = Math.min(a.size, b.size);
  return smaller > 0 ? shared / smaller : 0;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union > 0 ? shared / union : 0;
}
