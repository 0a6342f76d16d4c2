/**
 * Progress of the clean stage in characters, so that one huge contribution moves the bar too.
 * Each text is read by two linear passes, cleaning and then segmentation (or nothing, for a
 * duplicate or an excluded record), and each pass counts for half of the text's characters.
 */

/** Reports at most this many times per stage, and never more often than every 64K characters. */
const REPORTS = 100;
const MIN_STEP = 1 << 16;

/** Counts characters through the passes and reports now and then; see the file comment. */
export class CharacterProgress {
  /** Characters of finished passes (each text counts once per pass). */
  private passed = 0;
  private reported = 0;
  private readonly step: number;

  /**
   * @param total characters of all texts
   * @param report called with the characters done (half the sum over both passes) and `total`
   */
  constructor(
    private readonly total: number,
    private readonly report: (done: number, total: number) => void,
  ) {
    this.step = Math.max(MIN_STEP, Math.ceil((2 * total) / REPORTS));
  }

  /** The pass over the current text (of `length` characters) is `share` (0 to 1) done. */
  within(length: number, share: number): void {
    this.update(this.passed + Math.round(length * share));
  }

  /**
   * One pass over a text of `length` characters is done. Returns true when that sent a report:
   * a point to check for cancellation and let other work run.
   */
  pass(length: number): boolean {
    this.passed += length;
    return this.update(this.passed);
  }

  /** Reports the whole stage done. */
  finish(): void {
    this.report(this.total, this.total);
  }

  private update(passed: number): boolean {
    if (passed - this.reported < this.step) return false;
    this.reported = passed;
    this.report(Math.min(this.total, Math.floor(passed / 2)), this.total);
    return true;
  }
}
