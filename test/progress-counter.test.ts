import { describe, expect, it } from 'vitest';
import { countPhase } from '../pipeline/progress-counter.js';
import type { ProgressEvent } from '../pipeline/stage.js';

describe('countPhase', () => {
  it('reports the start, at most 200 steps, and the end once', () => {
    const events: Omit<ProgressEvent, 'stage'>[] = [];
    const counter = countPhase((e) => events.push(e), 'labels', 'passages', 10_000);
    for (let i = 0; i < 10_000; i++) counter.add();
    counter.finish();
    expect(events[0]).toEqual({ phase: 'labels', unit: 'passages', done: 0, total: 10_000 });
    expect(events.at(-1)).toEqual({
      phase: 'labels',
      unit: 'passages',
      done: 10_000,
      total: 10_000,
    });
    expect(events.length).toBeLessThanOrEqual(202);
    expect(events.length).toBeGreaterThan(150);
    const done = events.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.filter((d) => d === 10_000)).toHaveLength(1);
  });

  it('reports every unit of a small total, and the whole when finished short of it', () => {
    const events: number[] = [];
    const counter = countPhase((e) => events.push(e.done), 'graph', 'rows', 3);
    counter.add();
    counter.finish();
    expect(events).toEqual([0, 1, 3]);
  });
});
