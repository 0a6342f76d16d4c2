// Passages of a review session by id, with their contribution's facts, and a fast text search.
import { attributeLabels } from '../../schemas/consultation.js';
import type { Contribution } from '../../schemas/contribution.js';
import { creditor } from '../synthesis/findings/corpus.js';
import { createQuestionLookup } from '../synthesis/findings/question-match.js';
import {
  type AttributeFilter,
  attributeViews,
  hasAttributes,
  memoiseFilters,
} from './attribute-filter.js';
import type { ReviewSession } from './session.js';
import type { AttributeView, ContributionView } from './views.js';

/** A kept passage with where it stands in its contribution's clean text. */
export interface IndexedPassage {
  id: string;
  contributionId: string;
  text: string;
  start: number;
  end: number;
  /** Index in `PassageIndex.weeks` of its contribution's week, or -1. */
  week: number;
  /** The text lower-cased, for search. */
  lower: string;
  /** Its contribution's respondent attributes (shared with the contribution, not copied). */
  attributes: Readonly<Record<string, string>>;
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
  /** Passages per week, over every kept passage. */
  weekTotals: readonly number[];
  /** Every kept passage whose text holds `query` (case-insensitive), in corpus order. */
  search(query: string): string[];
  /** Those of `ids` whose text holds `query` (case-insensitive), in their order. */
  filter(ids: readonly string[], query: string): string[];
  contribution(passageId: string): ContributionView | undefined;
  /** The respondent attributes the passages carry, with their values (see `attributeViews`). */
  attributes: readonly AttributeView[];
  /** Every kept passage whose contribution has every value `filter` asks for. */
  matching(filter: AttributeFilter): ReadonlySet<string>;
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Indexes a session's kept passages. Search scans lower-cased texts kept in one array: a
 * substring test over 100,000 passages takes tens of milliseconds, so no inverted index (which
 * would not find substrings anyway).
 */
export function indexPassages(session: ReviewSession): PassageIndex {
  const { config } = session.run.config;
  const credit = creditor(config, [...session.contributions.values()]);
  const questions = new Map(config.questions.map((q) => [q.id, q.text]));
  // A question value names its question as everywhere else: by id or text, case and spacing aside.
  const questionOf = createQuestionLookup(config.questions);
  const { weeks, weekOfContribution } = weeksOf(session);
  const weekTotals = weeks.map(() => 0);
  const passages = new Map<string, IndexedPassage>();
  const ids: string[] = [];
  const all: IndexedPassage[] = [];
  for (const record of session.records.values()) {
    if (record.status !== 'kept') continue;
    const week = weekOfContribution.get(record.id) ?? -1;
    for (const p of record.passages) {
      const { id, text, start, end } = p;
      const passage = {
        id,
        contributionId: record.id,
        text,
        start,
        end,
        week,
        lower: text.toLowerCase(),
        attributes: session.contributions.get(record.id)?.attributes ?? NO_ATTRIBUTES,
      };
      passages.set(id, passage);
      ids.push(id);
      all.push(passage);
      if (week >= 0) weekTotals[week] = (weekTotals[week] ?? 0) + 1;
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
        question:
          question === null ? null : (questions.get(questionOf(question) ?? '') ?? question),
        votes: c?.votes ?? null,
      };
      factsOf.set(id, known);
    }
    return known;
  };
  const order = attributeLabels(session.run.config.config.input);
  const matching = memoiseFilters((filter) => {
    const found = new Set<string>();
    for (const passage of all) if (hasAttributes(passage.attributes, filter)) found.add(passage.id);
    return found;
  });
  return {
    ids,
    attributes: attributeViews(all, order),
    matching,
    get: (id) => passages.get(id),
    facts,
    weeks,
    weekTotals,
    search(query) {
      const needle = query.toLowerCase();
      const found: string[] = [];
      for (const passage of all) if (passage.lower.includes(needle)) found.push(passage.id);
      return found;
    },
    filter(list, query) {
      const needle = query.toLowerCase();
      return list.filter((id) => passages.get(id)?.lower.includes(needle));
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
