// Counts the units of one part of a stage's work and reports them now and then, for the progress bar.
import type { ProgressEvent, StageContext } from './stage.js';

/** Where library code reports the parts of its work; the stage adds its own name. */
export type PhaseProgress = (event: Omit<ProgressEvent, 'stage'>) => void;

/** The stage's progress callback for library code: events as `stage`'s. */
export function stageProgress(ctx: Pick<StageContext, 'progress'>, stage: string): PhaseProgress {
  return (event) => ctx.progress({ stage, ...event });
}

/** Reports per phase at most, besides its start: enough for a smooth bar, few enough to cost nothing. */
const REPORTS = 200;

/** The count of one phase; see {@link countPhase}. */
export interface PhaseCounter {
  /** `units` more are done (default 1). */
  add(units?: number): void;
  /** The phase is over: reports it whole, once, even when fewer units were counted. */
  finish(): void;
}

/**
 * Starts counting one phase of `total` units: reports `0/total` now (so the display names the
 * phase as it begins), then each time `add` passes another 1/200th of the total, and
 * `total/total` when the count reaches it or `finish` is called.
 *
 * @param report where the events go; undefined counts in silence
 * @param phase the part of the stage, e.g. "kNN graph"
 * @param unit what is counted, e.g. "passages"
 */
export function countPhase(
  report: PhaseProgress | undefined,
  phase: string,
  unit: string,
  total: number,
): PhaseCounter {
  const step = Math.max(1, Math.ceil(total / REPORTS));
  let done = 0;
  let reported = 0;
  let finished = false;
  const send = (count: number) => report?.({ phase, unit, done: count, total });
  send(0);
  const counter: PhaseCounter = {
    add(units = 1) {
      done += units;
      if (done >= total) counter.finish();
      else if (done - reported >= step) {
        reported = done;
        send(done);
      }
    },
    finish() {
      if (finished) return;
      finished = true;
      send(total);
    },
  };
  return counter;
}
