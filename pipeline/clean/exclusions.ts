/** Why a cleaned record cannot be used, if it cannot. */
import type { ExclusionReason } from '../../schemas/clean-record.js';
import { PLACEHOLDERS } from '../nlp/redact.js';

/** Links, redacted or not: `[link]`, `http(s)://...`, `www....`, `mailto:...`. */
const LINK = new RegExp(
  String.raw`${escapeRegExp(PLACEHOLDERS.url)}|(?:https?:\/\/|www\.|mailto:)\S+`,
  'giu',
);
/** E-mail, phone, name and mask placeholders carry no words of their own. */
const CONTACT = new RegExp(
  [PLACEHOLDERS.email, PLACEHOLDERS.phone, PLACEHOLDERS.name, PLACEHOLDERS.mask]
    .map(escapeRegExp)
    .join('|'),
  'g',
);
const LETTER = /\p{L}/gu;
/**
 * A whole text that only says no answer was given: a survey's placeholder for a skipped
 * question ("Did not answer", "N/A", "No response", "Prefer not to say", "Keine Angabe", "Sans
 * réponse", "Sin respuesta"). "None" and "Nothing" are answers (nothing to change), not these.
 */
const NO_ANSWER =
  /^(?:did not answer|didn't answer|not answered|no answer(?: given)?|no response|no reply|n\/?a|not applicable|no comments?|prefer not to say|keine angabe|k\.? ?a\.?|sans r[ée]ponse|pas de r[ée]ponse|sin respuesta|no contesta|ns\/nc)[\s.!-]*$/iu;

function escapeRegExp(s: string): string {
  return s.replace(/[[\]]/g, '\\$&');
}

/**
 * The exclusion reason for a clean text, or null to keep it. Checked in this order: moderation,
 * empty, only links, no letters, a placeholder for no answer, fewer than `minLetters` letters
 * outside links and placeholders.
 */
export function exclusionReason(
  text: string,
  rejected: boolean,
  minLetters: number,
): ExclusionReason | null {
  if (rejected) return 'rejected-by-moderator';
  if (text.length === 0) return 'empty';
  const withoutLinks = text.replace(LINK, ' ');
  const letters = countLetters(withoutLinks.replace(CONTACT, ' '), minLetters);
  if (letters === 0) return withoutLinks !== text ? 'link-only' : 'no-words';
  if (NO_ANSWER.test(text.trim())) return 'no-answer';
  return letters < minLetters ? 'too-short' : null;
}

/** Letters in `text`, counting no further than `enough` (long texts need no full count). */
function countLetters(text: string, enough: number): number {
  LETTER.lastIndex = 0;
  let count = 0;
  while (count < enough && LETTER.exec(text) !== null) count++;
  return count;
}
