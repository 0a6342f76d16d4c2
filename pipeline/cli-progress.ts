import type { ProgressEvent } from './stage.js';

/** Where the CLI writes: a stream with an optional TTY flag. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

const BAR_WIDTH = 24;
const TTY_INTERVAL_MS = 80;
const LOG_STEP = 0.25;

/**
 * Shows stage progress: a redrawn bar on a terminal, or a plain line at each quarter in logs
 * (CI), so long work is visible without flooding either. Call `done()` before other output.
 */
export function createProgressReporter(stream: OutputStream, now: () => number = Date.now) {
  let lastDraw = 0;
  let lastLogged = new Map<string, number>();
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    report(event: ProgressEvent): void {
      const share = event.total > 0 ? Math.min(1, event.done / event.total) : 0;
      if (stream.isTTY) {
        if (now() - lastDraw < TTY_INTERVAL_MS && share < 1) return;
        lastDraw = now();
        const filled = Math.round(share * BAR_WIDTH);
        const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
        stream.write(`\r\x1b[2K${event.stage.padEnd(8)} ${bar} ${percent(share)} ${count(event)}`);
        drawn = true;
        return;
      }
      const key = `${event.stage}:${event.unit}`;
      const step = Math.floor(share / LOG_STEP) * LOG_STEP;
      if (step <= (lastLogged.get(key) ?? -1)) return;
      lastLogged.set(key, step);
      stream.write(`${event.stage}: ${percent(share)} ${count(event)}\n`);
    },
    done(): void {
      clear();
      lastLogged = new Map();
    },
  };
}

function percent(share: number): string {
  return `${Math.floor(share * 100)}%`.padStart(4);
}

function count(event: ProgressEvent): string {
  return `${event.done.toLocaleString('en')}/${event.total.toLocaleString('en')} ${event.unit}`;
}
