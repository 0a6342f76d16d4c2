// The methodology's sentences on breakdowns by respondent attribute: groups, the test, the correction.
import type { Breakdowns } from '../../schemas/findings.js';
import { OTHER_GROUP } from '../synthesis/findings/breakdown-groups.js';
import { count } from './people.js';

/**
 * How groups were formed and differences tested, in plain words: the minimum group size and
 * the pool of smaller ones, the most values an attribute may have, the test (z, or Fisher's
 * exact test for small counts), Holm's correction across every test, and the least difference
 * marked. '' without breakdowns.
 */
export function breakdownMethodology(
  breakdowns: Breakdowns | undefined,
  maxGroups: number,
): string {
  if (!breakdowns) return '';
  const { minGroup, tests, alpha, minDifference } = breakdowns;
  if (tests === 0) {
    return `Groups by respondent attribute need ${minGroup} respondents each; no attribute had two such groups, so no differences between groups were tested.`;
  }
  return [
    `Groups by respondent attribute take each respondent’s first answer among their contributions; a group needs ${minGroup} respondents, smaller ones are pooled as “${OTHER_GROUP}” when together they have as many (else left out), and an attribute with more than ${maxGroups} distinct values is not broken down.`,
    `Each group’s share is compared with that of the other groups together by a two-sided two-proportion z-test (Fisher’s exact test when a cell of the table expects fewer than 5); the p-values of all ${count(tests, 'test')} are corrected together by Holm’s method, so that the chance of any false mark in this brief is under ${Math.round(alpha * 100)}%, and a difference is marked only when it is significant after correction and at least ${Math.round(minDifference * 100)} percentage points.`,
  ].join(' ');
}
