import { sentenceKey } from '../synthesis/findings/support.js';

/**
 * The sentences the brief has quoted in its leading places (key messages, programming
 * priorities), so that a theme's or a question's opening does not quote them again. A finding's quoted
 * sentences are what stands between “ and ”; a finding without quotation marks is one sentence.
 */
export class QuotedOnce {
  private readonly seen = new Set<string>();

  /** Records the sentences a finding quotes. */
  add(text: string): void {
    for (const sentence of quotedIn(text)) this.seen.add(sentence);
  }

  /** Whether a finding quotes no sentence recorded before. */
  isNew(text: string): boolean {
    return quotedIn(text).every((sentence) => !this.seen.has(sentence));
  }
}

/** The sentences a finding quotes, compared ignoring case, spacing and closing marks. */
export function quotedIn(text: string): string[] {
  const inMarks = [...text.matchAll(/“([^”]+)”/gu)].map((m) => m[1] as string);
  return (inMarks.length > 0 ? inMarks : [text]).map(sentenceKey).filter((s) => s !== '');
}
