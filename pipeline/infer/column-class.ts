// What a column is, from its name and a profile of its values: system, open, closed, numeric, id or date.
import type { ColumnProfile } from './column-profile.js';
import { type SystemKind, systemKind } from './system-columns.js';

/**
 * `system`: added by the survey tool (timestamps, response ids, e-mails, names, IP addresses),
 * never read as text nor shown; `open`: free text; `closed`: a few distinct short values (an
 * attribute, or a question column); `numeric`, `id` (unique short codes), `date`; `other`:
 * none of these (a column of long repeated values, or one almost always blank).
 */
export type ColumnClass = 'system' | 'open' | 'closed' | 'numeric' | 'id' | 'date' | 'other';

/** A column of the sample, classified. */
export interface ClassifiedColumn {
  /** The column's name (as `input.fields` and `input.attributes` name it). */
  name: string;
  /** What the column asks, from its header (see `questionText`). */
  question: string;
  profile: ColumnProfile;
  kind: ColumnClass;
  /** For system columns, why. */
  system?: SystemKind;
}

/** Most distinct values a closed column has (a country list may reach this many). */
const MAX_CLOSED_VALUES = 30;
/** Longest mean value of a closed column, in characters. */
const MAX_CLOSED_LENGTH = 60;
/** Fewest mean words of an open column's answers. */
const MIN_OPEN_WORDS = 3;

/** A header naming an id: `id`, `comment-id`, `Respondent ID`, `number`, `#`. */
const ID_WORD = /(?:^|[^a-z])id$|^id(?:[^a-z]|$)|number$|^#$|^no\.?$/i;
/** A camel-case id: `instanceID`, `ResponseId` (case matters: not "paid" or "valid"). */
const CAMEL_ID = /[a-z]I[dD]$/;

/** Whether a header names an id: `id`, `comment-id`, `Respondent ID`, `instanceID`, `#`. */
export function isIdName(name: string): boolean {
  return ID_WORD.test(name) || CAMEL_ID.test(name);
}

/** Classifies a column from its name and profile; system names and patterns come first. */
export function classifyColumn(
  name: string,
  question: string,
  profile: ColumnProfile,
): ClassifiedColumn {
  const base = { name, question, profile };
  const system = systemKind(name, profile);
  if (system) return { ...base, kind: 'system', system };
  return { ...base, kind: classOfValues(name, profile) };
}

function classOfValues(name: string, p: ColumnProfile): ColumnClass {
  // Links (a post's address in a forum export) are neither text nor ids nor groups.
  if (p.filled === 0 || p.urlShare >= 0.5) return 'other';
  if (p.dateShare >= 0.8) return 'date';
  const numeric = p.numericShare >= 0.9;
  const unique = p.distinct === p.filled && p.filled > 1;
  // Values that never repeat are ids when the header says so, or when they are single codes
  // (numbers are counts or scores unless the header says otherwise).
  const named = isIdName(name);
  if (unique && p.meanLength <= 40 && (named || (p.meanWords <= 1.2 && !numeric))) return 'id';
  const closed = p.distinct <= MAX_CLOSED_VALUES && p.distinct < p.filled / 2;
  if (numeric) return closed && p.distinct <= 2 ? 'closed' : 'numeric';
  if (closed && p.meanLength <= MAX_CLOSED_LENGTH) return 'closed';
  if (p.meanWords >= MIN_OPEN_WORDS && p.distinct >= p.filled / 2) return 'open';
  if (closed && p.questionShare >= 0.5) return 'closed';
  return 'other';
}
