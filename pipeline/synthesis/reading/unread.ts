/**
 * Contributions in languages without a statement reader: their proposals, concerns, praise and
 * self-descriptions are not read, and the run says so once (a warning) and the brief's
 * methodology names them, so that no finding's absence is read as contributors' silence.
 */
import { readerFor } from './reader.js';

/** Kept contributions in one language the tool cannot read. */
export interface UnreadLanguage {
  /** ISO 639-1 code. */
  code: string;
  contributions: number;
}

/** What is not read in a language without a reader. */
const UNREAD_FINDINGS = 'proposals, concerns, opportunities, praise and self-descriptions';

/** The languages of `counts` (kept contributions per language) that have no reader, most first. */
export function unreadLanguages(counts: Readonly<Record<string, number>>): UnreadLanguage[] {
  return Object.entries(counts)
    .filter(([code, n]) => n > 0 && readerFor(code) === null)
    .map(([code, contributions]) => ({ code, contributions }))
    .sort((a, b) => b.contributions - a.contributions || a.code.localeCompare(b.code));
}

const NAMES = new Intl.DisplayNames('en', { type: 'language', fallback: 'code' });

/** "12 contributions in Italian (it) and 1 in Polish (pl)". */
export function unreadList(unread: readonly UnreadLanguage[]): string {
  const parts = unread.map(({ code, contributions }, i) => {
    const noun = i === 0 ? ` contribution${contributions === 1 ? '' : 's'}` : '';
    return `${contributions}${noun} in ${languageName(code)} (${code})`;
  });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** The English name of a language code, or the code itself when it is not a valid one. */
function languageName(code: string): string {
  try {
    return NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The methodology's sentence on languages the tool cannot read, or '' when it reads them all:
 * "Proposals, concerns, ... were not read for 12 contributions in Italian (it): the tool has no
 * statement rules for that language."
 */
export function unreadMethodology(unread: readonly UnreadLanguage[]): string {
  if (unread.length === 0) return '';
  const which = unread.length === 1 ? 'that language' : 'these languages';
  const what = UNREAD_FINDINGS.charAt(0).toUpperCase() + UNREAD_FINDINGS.slice(1);
  return `${what} were not read for ${unreadList(unread)}: the tool has no statement rules for ${which}, so what those contributions propose or object to is missing from the findings.`;
}

/** The warning for a run with contributions in languages the tool cannot read, or null. */
export function unreadWarning(unread: readonly UnreadLanguage[]): string | null {
  if (unread.length === 0) return null;
  const which = unread.length === 1 ? 'that language' : 'these languages';
  return `synthesise: ${unreadList(unread)} were not read for ${UNREAD_FINDINGS}: the tool has no statement rules for ${which}`;
}

/**
 * The programming section's sentence when no proposal was found: never that contributors made
 * none when some or all of them wrote in a language the tool cannot read.
 */
export function noProposalText(unread: readonly UnreadLanguage[], kept: number): string {
  if (unread.length === 0) return 'Contributors made no proposal the tool could recognise.';
  const unreadCount = unread.reduce((sum, u) => sum + u.contributions, 0);
  if (unreadCount >= kept) {
    return `No proposals were read: the tool has no statement rules for the language of these contributions (${unreadList(unread)}).`;
  }
  return `The tool recognised no proposal in the contributions it could read; ${unreadList(unread)} were not read for proposals.`;
}
