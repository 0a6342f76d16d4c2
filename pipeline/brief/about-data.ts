// The "About this data" box: what the run found in the data that a reader must know before the findings.
import type { Accounting } from '../../schemas/accounting.js';
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { Findings } from '../../schemas/findings.js';
import { PLACEHOLDERS } from '../nlp/redact.js';
import { findSourceMasks } from '../nlp/source-masks.js';
import { wordTokens } from '../nlp/tokenise.js';
import { listOf } from '../synthesis/findings/theme-findings.js';
import { unreadLanguages, unreadList } from '../synthesis/reading/unread.js';
import { inlineText } from './markdown-escape.js';
import { contributionVoices, unansweredQuestions } from './participation.js';
import { count } from './people.js';

/** An answer under this many words says what is on people's minds, not why. */
export const SHORT_WORDS = 5;
/** Short answers are worth a word when at least this share of contributions is short. */
export const MANY_SHORT = 0.3;
/** Merged duplicates, or contributions naming no question, are worth a word from this share. */
const NOTABLE_SHARE = 0.02;

/** What the box reads: the findings, the clean records and their accounting, the contributions. */
export interface AboutDataInput {
  findings: Findings;
  records: readonly CleanRecord[];
  /** The contributions as read, for the masks in their source text. */
  contributions: readonly Contribution[];
  accounting: Accounting;
}

/**
 * The box's lines, under "## About this data": a language the tool cannot read, many short
 * answers, masks in the source, a split that could not be read reliably, duplicates (form
 * letters) merged, contributions naming no guiding question. Empty when nothing qualifies.
 */
export function aboutDataBox(input: AboutDataInput): string[] {
  const notes = [
    unreadNote(input.accounting),
    shortNote(input.records),
    maskNote(input.records, input.contributions),
    unreliableNote(input.findings),
    duplicatesNote(input.records),
    noQuestionNote(input.findings, input.records),
  ].filter(Boolean);
  if (notes.length === 0) return [];
  return ['## About this data', '', ...notes.map((note) => `- ${note}`), ''];
}

function unreadNote(accounting: Accounting): string {
  const unread = unreadLanguages(accounting.languages);
  if (unread.length === 0) return '';
  return `The tool cannot read ${unreadList(unread)} for proposals and concerns: they are in the themes and counts, but what they propose or object to is missing from the lists.`;
}

function kept(records: readonly CleanRecord[]): CleanRecord[] {
  return records.filter((r) => r.status === 'kept');
}

function shortNote(records: readonly CleanRecord[]): string {
  const all = kept(records);
  const short = all.filter((r) => wordTokens(r.text).length < SHORT_WORDS).length;
  if (all.length === 0 || short / all.length < MANY_SHORT) return '';
  const share = Math.round((100 * short) / all.length);
  return `${share}% of contributions (${short.toLocaleString('en')}) have fewer than ${SHORT_WORDS} words: they say what is on people's minds more than why.`;
}

/**
 * Kept contributions whose source text carries masks, as the clean stage recognises them
 * (`findSourceMasks`): read in the source, since in the clean text a mask standing for a name and
 * a name the tool redacted are both `[name]`.
 */
function maskNote(records: readonly CleanRecord[], contributions: readonly Contribution[]): string {
  const text = new Map(contributions.map((c) => [c.id, c.text]));
  const masked = kept(records).filter(
    (r) => findSourceMasks(text.get(r.id) ?? '').length > 0,
  ).length;
  if (masked === 0) return '';
  return `${count(masked, 'contribution')} carr${masked === 1 ? 'ies' : 'y'} masks put in before the tool saw ${masked === 1 ? 'it' : 'them'} (letters or asterisks in place of a name, or an editor's note that something was taken out), shown as “${inlineText(PLACEHOLDERS.name)}” or “${inlineText(PLACEHOLDERS.mask)}”: what was masked is not in the findings.`;
}

function unreliableNote(findings: Findings): string {
  const numbers = findings.questions
    .map((q, i) => (q.stance && !q.stance.reliable ? String(i + 1) : ''))
    .filter(Boolean);
  const questions =
    numbers.length === 0 ? [] : [`question${numbers.length === 1 ? '' : 's'} ${listOf(numbers)}`];
  const themes = findings.themes
    .filter((t) => t.parentId === null && t.stance && !t.stance.reliable)
    .map((t) => `“${inlineText(t.label)}”`);
  const where = [
    ...questions,
    ...(themes.length > 0 ? [`the leading proposal of ${listOf(themes)}`] : []),
  ];
  if (where.length === 0) return '';
  return `How opinion divides on ${listOf(where)} could not be read reliably: too few contributions take a side clearly, so the brief gives no split there.`;
}

function duplicatesNote(records: readonly CleanRecord[]): string {
  const { voices, repeats } = contributionVoices(records);
  if (repeats === 0 || repeats / voices < NOTABLE_SHARE) return '';
  return `${count(repeats, 'contribution')} repeat${repeats === 1 ? 's' : ''} another word for word or nearly (form letters, resubmissions): merged into the first, each counts as one more voice for what it says.`;
}

function noQuestionNote(findings: Findings, records: readonly CleanRecord[]): string {
  const { voices } = contributionVoices(records);
  const none = unansweredQuestions(findings, voices);
  if (none === 0 || none / voices < NOTABLE_SHARE) return '';
  return `${count(none, 'contribution')} name${none === 1 ? 's' : ''} none of the guiding questions: ${none === 1 ? 'it is' : 'they are'} in the themes, but under no question.`;
}
