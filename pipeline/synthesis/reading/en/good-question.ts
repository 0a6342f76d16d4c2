/**
 * Whether an English question asks what was good ("What was good?", "What did we do well?",
 * "What did you like about your visit?"): its answers tell what was done well, so an answer
 * worded as an order ("Listen to what's being said.") names what staff did, it asks for nothing.
 */

const ASKS_WHAT_WAS_GOOD =
  /\bwhat\s+(?:(?:was|were|is)\s+(?:good|best|great)|went\s+well|worked\s+well|did\s+(?:we|you|they|staff|the\s+\w+)\s+do\s+well|did\s+you\s+(?:like|enjoy|value|appreciate))\b/iu;

/** Whether the question asks what was good; false for null (no question known). */
export function asksWhatWasGood(question: string | null): boolean {
  return question !== null && ASKS_WHAT_WAS_GOOD.test(question);
}
