import { describe, expect, it } from 'vitest';
import { createProgressReporter } from '../pipeline/cli-progress.js';
import type { ProgressEvent } from '../pipeline/stage.js';

/** A reporter on a fake stream and clock; `at(ms, event)` reports at that time. */
function reporter(stream: { isTTY?: boolean; columns?: number } = {}) {
  const writes: string[] = [];
  let time = 0;
  const progress = createProgressReporter(
    { ...stream, write: (text: string) => writes.push(text) },
    () => time,
  );
  return {
    writes,
    at(ms: number, event: ProgressEvent) {
      time = ms;
      progress.report(event);
    },
    /** The last line drawn on the terminal, without its control codes. */
    shown: () => (writes[writes.length - 1] ?? '').replace('\r\x1b[2K', ''),
    done: () => progress.done(),
  };
}

const labels = (done: number): ProgressEvent => ({
  stage: 'themes',
  phase: 'labels',
  unit: 'themes',
  done,
  total: 40,
});

describe('createProgressReporter', () => {
  it('draws the phase and, after 2 s of steady work, the time left on a terminal', () => {
    const tty = reporter({ isTTY: true });
    tty.at(0, labels(0));
    expect(tty.shown()).toBe('themes     ░░░░░░░░░░░░░░░░░░░░░░░░   0% labels: 0/40 themes');
    tty.at(1000, labels(4));
    expect(tty.shown()).not.toContain('left');
    tty.at(2000, labels(8));
    tty.at(3000, labels(12));
    // 4 themes a second, 28 to go.
    expect(tty.shown()).toBe(
      'themes     ███████░░░░░░░░░░░░░░░░░  30% labels: 12/40 themes, 7 s left',
    );
  });

  it('restarts the estimate at each phase, so one phase never times another', () => {
    const tty = reporter({ isTTY: true });
    for (let s = 0; s <= 5; s++) tty.at(s * 1000, labels(s * 4));
    expect(tty.shown()).toContain('left');
    const graph = { stage: 'themes', phase: 'kNN graph', unit: 'rows', total: 1000 };
    tty.at(5100, { ...graph, done: 0 });
    tty.at(6100, { ...graph, done: 100 });
    expect(tty.shown()).toBe('themes     ██░░░░░░░░░░░░░░░░░░░░░░  10% kNN graph: 100/1,000 rows');
    tty.at(7100, { ...graph, done: 200 });
    expect(tty.shown()).toContain('kNN graph: 200/1,000 rows, 8 s left');
  });

  it('writes a plain line at each quarter of each phase in a log, with the time left', () => {
    const log = reporter();
    for (let s = 0; s <= 10; s++) log.at(s * 1000, labels(s * 4));
    expect(log.writes).toEqual([
      'themes (labels):   0% 0/40 themes\n',
      'themes (labels):  30% 12/40 themes, 7 s left\n',
      'themes (labels):  50% 20/40 themes, 5 s left\n',
      'themes (labels):  80% 32/40 themes, 2 s left\n',
      'themes (labels): 100% 40/40 themes\n',
    ]);
    log.at(11_000, { stage: 'embed', unit: 'passages', done: 0, total: 10 });
    expect(log.writes.at(-1)).toBe('embed:   0% 0/10 passages\n');
  });

  it('fits the line to a narrow terminal, so it redraws in place', () => {
    const tty = reporter({ isTTY: true, columns: 40 });
    tty.at(0, labels(1));
    expect(tty.shown()).toHaveLength(39);
    expect(tty.shown().endsWith('…')).toBe(true);
  });
});
