// The review's size limits: plain values (no zod), so that the review page can import them.

/**
 * Longest label, description and note a reviewer may write, in characters; most passages one
 * decision names; most decisions one request carries.
 */
export const REVIEW_LIMITS = {
  label: 120,
  description: 2000,
  note: 4000,
  passages: 20000,
  actions: 1000,
};
