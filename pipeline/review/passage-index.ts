// Passages of a review session by id, with their contribution's facts, and a fast text search.
import type { Contribution } from '../../schemas/contribution.js';
import { creditor } from '../synthesis/corpus.js';
import type { ReviewSession } from './session.js';
import type { ContributionView } from './views.js';

/** A kept passage with where it stands in its contribution's clean text. */
export interface IndexedPassage {
  id: string;
  contributionId: string;
  text: string;
  start: number;
  end: number;
}

/** What a passage's meta line shows about its contribution. */
export interface ContributionFacts {
  credit: string;
  date: string | null;
  question: string | null;
  votes: Contribution['votes'];
}

/** Lookups the app makes on every request, built once per session. */
export interface PassageIndex {
  /** Every kept passage, in corpus order. */
  ids: readonly string[];
  get(id: string): IndexedPassage | undefined;
  facts(contributionId: string): ContributionFacts;
  /** The weeks of the consultation: the config's, else those the contributions name. */
  weeks: readonly string[];
  /** The index in `weeks` of a passage's contribution, or -1. */
  weekOf(passageId: string): number;
  /** Every kept passage whose text holds `query` (case-insensitive), in corpus order. */
  search(query: string): string[];
  contribution(passageId: string): ContributionView | undefined;
}

/**
 * Indexes a session's kept passages. Search scans lower-cased texts kept in one array: a
 * substring test over 100,000 passages takes tens of milliseconds, so no inverted index.
 */
export function indexPassages(session: ReviewSession): PassageIndex {
  const { config } = session.run.config;
  const credit = creditor(config, [...session.contributions.values()]);
  const questions = new Map(config.questions.map((q) => [q.id, q.text]));
  const passages = new Map<string, IndexedPassage>();
  const ids: string[] = [];
  const lowered: string[] = [];
  for (const record of session.records.values()) {
    if (record.status !== 'kept') continue;
    for (const p of record.passages) {
      passages.set(p.id, { id: p.id, contributionId: record.id, text: p.text, ...span(p) });
      ids.push(p.id);
      lowered.push(p.text.toLowerCase());
    }
  }
  const factsOf = new Map<string, ContributionFacts>();
  const facts = (id: string): ContributionFacts => {
    let known = factsOf.get(id);
    if (!known) {
      const c = session.contributions.get(id);
      const question = c?.question ?? null;
      known = {
        credit: credit(id),
        date: c?.date?.slice(0, 10) ?? null,
        question: question === null ? null : (questions.get(question) ?? question),
        votes: c?.votes ?? null,
      };
      factsOf.set(id, known);
    }
    return known;
  };
  const { weeks, weekOfContribution } = weeksOf(session);
  return {
    ids,
    get: (id) => passages.get(id),
    facts,
    weeks,
    weekOf(id) {
      const passage = passages.get(id);
      return passage ? (weekOfContribution.get(passage.contributionId) ?? -1) : -1;
    },
    search(query) {
      const needle = query.toLowerCase();
      const found: string[] = [];
      for (let i = 0; i < lowered.length; i++)
        if (lowered[i]?.includes(needle)) found.push(ids[i] as string);
      return found;
    },
    contribution(passageId) {
      const passage = passages.get(passageId);
      const record = passage && session.records.get(passage.contributionId);
      if (!passage || !record) return undefined;
      const { credit: by, date, question } = facts(record.id);
      return {
        id: record.id,
        credit: by,
        date,
        question,
        text: record.text,
        highlight: { start: passage.start, end: passage.end },
      };
    },
  };
}

/**
 * A contribution is in the week its `week` field names, else the config's week whose dates
 * hold its date (as the synthesis counts weeks).
 */
function weeksOf(session: ReviewSession): {
  weeks: string[];
  weekOfContribution: Map<string, number>;
} {
  const configured = session.run.config.config.weeks;
  const weeks = configured.map((w) => w.label);
  const named = new Map(weeks.map((label, i) => [label, i]));
  const weekOfContribution = new Map<string, number>();
  for (const c of session.contributions.values()) {
    let week = c.week === null ? undefined : named.get(c.week);
    if (week === undefined && c.week !== null && configured.length === 0) {
      week = weeks.length;
      weeks.push(c.week);
      named.set(c.week, week);
    }
    const day = c.date?.slice(0, 10);
    if (week === undefined && day)
      week = configured.findIndex((w) => w.start <= day && day <= w.end);
    if (week !== undefined && week >= 0) weekOfContribution.set(c.id, week);
  }
  return { weeks, weekOfContribution };
}

function span(passage: { start: number; end: number }): { start: number; end: number } {
  return { start: passage.start, end: passage.end };
}
