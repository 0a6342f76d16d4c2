// The CLI's progress display: a bar on a terminal or lines in a log, with the time left.
import type { ProgressEvent } from './stage.js';
import { formatTimeLeft, TimeLeft } from './time-left.js';

/** Where the CLI writes: a stream with an optional TTY flag. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

const BAR_WIDTH = 24;
const TTY_INTERVAL_MS = 80;
const LOG_STEP = 0.25;
/** Width of the stage name column: the longest stage name, "synthesise". */
const STAGE_WIDTH = 10;

/**
 * Shows stage progress: a redrawn bar on a terminal, or a plain line at each quarter in logs
 * (CI), so long work is visible without flooding either. Each names the part of the stage
 * (`phase`) when the stage has several, and the time left once it can be estimated (see
 * `TimeLeft`). Call `done()` before other output.
 */
export function createProgressReporter(stream: OutputStream, now: () => number = Date.now) {
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastLogged = new Map<string, number>();
  // The part now reporting, timed from its first event; another part's event restarts it.
  let clock: { key: string; timer: TimeLeft; done: number } | null = null;
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const timeLeft = (event: ProgressEvent, key: string): string => {
    const at = now();
    if (clock?.key !== key || event.done < clock.done) {
      clock = { key, timer: new TimeLeft(at, event.done), done: event.done };
      return '';
    }
    clock.timer.update(at, event.done);
    clock.done = event.done;
    const left = clock.timer.estimate(event.total);
    return left === null ? '' : `, ${formatTimeLeft(left)} left`;
  };
  return {
    report(event: ProgressEvent): void {
      const share = event.total > 0 ? Math.min(1, event.done / event.total) : 0;
      const key = `${event.stage}:${event.phase ?? ''}:${event.unit}`;
      const left = timeLeft(event, key);
      if (stream.isTTY) {
        if (now() - lastDraw < TTY_INTERVAL_MS && share < 1) return;
        lastDraw = now();
        const filled = Math.round(share * BAR_WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
        const line = `${event.stage.padEnd(STAGE_WIDTH)} ${bar} ${percent(share)} ${phaseOf(event)}${count(event)}${left}`;
        stream.write(`\r\x1b[2K${fitted(line, stream.columns)}`);
        drawn = true;
        return;
      }
      const step = Math.floor(share / LOG_STEP) * LOG_STEP;
      if (step <= (lastLogged.get(key) ?? -1)) return;
      lastLogged.set(key, step);
      const stage = event.phase ? `${event.stage} (${event.phase})` : event.stage;
      stream.write(`${stage}: ${percent(share)} ${count(event)}${left}\n`);
    },
    done(): void {
      clear();
      lastLogged = new Map();
      clock = null;
    },
  };
}

function percent(share: number): string {
  return `${Math.floor(share * 100)}%`.padStart(4);
}

function phaseOf(event: ProgressEvent): string {
  return event.phase ? `${event.phase}: ` : '';
}

function count(event: ProgressEvent): string {
  return `${event.done.toLocaleString('en')}/${event.total.toLocaleString('en')} ${event.unit}`;
}

/** The line cut to the terminal's width: a line that wraps cannot be redrawn in place. */
function fitted(line: string, columns: number | undefined): string {
  if (!columns || line.length < columns) return line;
  return `${line.slice(0, Math.max(0, columns - 2))}…`;
}
