/**
 * A tokens-per-minute limit: `reserve` waits until the tokens sent in the last minute plus the
 * new request's fit under the limit (a request larger than the limit goes alone).
 */
export class TokenWindow {
  private readonly sent: { at: number; tokens: number }[] = [];

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  async reserve(tokens: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      const since = this.now() - 60_000;
      while (this.sent[0] && this.sent[0].at <= since) this.sent.shift();
      const used = this.sent.reduce((sum, entry) => sum + entry.tokens, 0);
      const oldest = this.sent[0];
      if (!oldest || used + tokens <= this.perMinute) break;
      await sleep(oldest.at - since + 1, signal);
    }
    this.sent.push({ at: this.now(), tokens });
  }
}

/** Waits `ms`, or rejects with the signal's reason once it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
