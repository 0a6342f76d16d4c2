// Checks a rendered brief for one count per claim, counts that add up, and sentences repeated in its body.
import {
  type ClaimConflict,
  type ClaimCount,
  collectClaims,
  conflictingClaims,
} from './brief-claims.js';
import { type RepeatedSentence, repeatedSentences } from './quote-repeats.js';

/** What `checkBrief` found; every list empty for a brief that passes. */
export interface BriefCheck {
  /** Claims shown with different numbers of the same unit. */
  conflicts: ClaimConflict[];
  /** Totals that should add up and do not (questions to the whole, theme shares), in words. */
  sums: string[];
  /** Sentences shown more than twice in the body. */
  repeats: RepeatedSentence[];
}

/** Checks a brief's Markdown (see `collectClaims` and `repeatedSentences`). */
export function checkBrief(markdown: string): BriefCheck {
  const claims = collectClaims(markdown);
  return {
    conflicts: conflictingClaims(claims),
    sums: [...questionSums(claims), ...shareSums(claims)],
    repeats: repeatedSentences(markdown),
  };
}

/**
 * Where the brief says how many contributions name no question, the questions' contributions
 * and those must add up to all contributions.
 */
function questionSums(claims: readonly ClaimCount[]): string[] {
  const value = (claim: string) =>
    claims.find((c) => c.claim === claim && c.unit === 'contributions')?.value;
  const all = value('all');
  const none = value('question:none');
  if (all === undefined || none === undefined) return [];
  const questions = new Map(
    claims
      .filter((c) => /^question:\d+$/.test(c.claim) && c.unit === 'contributions')
      .map((c) => [c.claim, c.value]),
  );
  const sum = [...questions.values()].reduce((a, b) => a + b, none);
  return sum === all
    ? []
    : [
        `the ${questions.size} questions' contributions and the ${none} naming none add to ${sum}, not the ${all} in all`,
      ];
}

/** The units a theme's share can be of, in the order the brief prefers them. */
const SHARE_BASES = ['participants', 'people', 'contributions'];

/** A theme's share must be its count over the whole's (to a point), in the first unit both show. */
function shareSums(claims: readonly ClaimCount[]): string[] {
  const first = (claim: string, unit: string) =>
    claims.find((c) => c.claim === claim && c.unit === unit)?.value;
  const themes = new Set(claims.filter((c) => c.claim.startsWith('theme:')).map((c) => c.claim));
  const problems: string[] = [];
  for (const theme of themes) {
    const unit = SHARE_BASES.find(
      (u) => first(theme, u) !== undefined && first('all', u) !== undefined,
    );
    const shares = claims.filter((c) => c.claim === theme && c.unit === 'share');
    if (unit === undefined || shares.length === 0) continue;
    const expected = Math.round(
      (100 * (first(theme, unit) ?? 0)) / Math.max(1, first('all', unit) ?? 0),
    );
    // Shares are stored to four decimals before they are rounded: allow one point either way.
    const wrong = shares.filter((c) => Math.abs(c.value - expected) > 1);
    if (wrong.length > 0) {
      problems.push(
        `${theme} is shown as ${wrong.map((c) => `${c.value}%`).join(', ')} of all ${unit}, but its ${unit} make ${expected}%`,
      );
    }
  }
  return problems;
}
