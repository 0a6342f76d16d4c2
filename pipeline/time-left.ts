// Estimates the time left in one part of a stage's work from its progress: a smoothed rate.

/** The rate is measured over about this much of the latest work. */
const WINDOW_MS = 10_000;
/** No estimate before the part has run this long: the first seconds say little of the rest. */
const MIN_ELAPSED_MS = 2000;
/** Nor before this share of the part is done since its start. */
const MIN_SHARE = 0.01;
/** An estimate beyond this is no estimate (a stalled part), and is not shown. */
const MAX_LEFT_MS = 48 * 3_600_000;

/**
 * The time left in one phase, from the `done` counts it reports over time. The rate is the
 * units done over the last 10 s or so (a moving average, from the last report at or before the
 * window's start), so bursts of fast units and slow patches shorter than that average out, and
 * a lasting change of pace rules within 10 s. `estimate` gives null until the phase has run 2 s
 * and done 1% of its units, and when the figure would be absurd (no progress in the window,
 * over 48 h); never a negative figure.
 */
export class TimeLeft {
  private readonly startedAt: number;
  private readonly startDone: number;
  /** Reports in time order: the last one at or before the window's start, then those in it. */
  private readonly samples: { at: number; done: number }[];

  /** Starts timing a phase that is at `done` units at time `at` (ms). */
  constructor(at: number, done: number) {
    this.startedAt = at;
    this.startDone = done;
    this.samples = [{ at, done }];
  }

  /** Takes in that the phase is at `done` units at time `at` (ms; earlier times are ignored). */
  update(at: number, done: number): void {
    const last = this.samples[this.samples.length - 1] as { at: number; done: number };
    if (at < last.at) return;
    if (at === last.at) last.done = Math.max(last.done, done);
    else this.samples.push({ at, done });
    while (this.samples.length > 2 && (this.samples[1]?.at as number) <= at - WINDOW_MS)
      this.samples.shift();
  }

  /** The milliseconds left to reach `total`, or null when there is no good estimate yet. */
  estimate(total: number): number | null {
    const first = this.samples[0] as { at: number; done: number };
    const last = this.samples[this.samples.length - 1] as { at: number; done: number };
    if (last.at - this.startedAt < MIN_ELAPSED_MS || last.done >= total) return null;
    const span = total - this.startDone;
    if (span <= 0 || (last.done - this.startDone) / span < MIN_SHARE) return null;
    const rate = (last.done - first.done) / (last.at - first.at);
    if (!(rate > 0)) return null;
    const left = (total - last.done) / rate;
    return Number.isFinite(left) && left <= MAX_LEFT_MS ? left : null;
  }
}

/** A time left as people say it: "8 s", "2 min 10 s", "14 min", "1 h 05 min". */
export function formatTimeLeft(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  // Within ten minutes the seconds matter, in tens; beyond, whole minutes do.
  if (seconds < 600) {
    const tens = Math.round(seconds / 10) * 10;
    const rest = tens % 60;
    return `${Math.floor(tens / 60)} min${rest > 0 ? ` ${rest} s` : ''}`;
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
