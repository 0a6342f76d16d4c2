import { describe, expect, it } from 'vitest';
import { formatTimeLeft, TimeLeft } from '../pipeline/time-left.js';

/** Feeds `steps` of [milliseconds since the last, units done in them] from time 0. */
function fed(steps: readonly [number, number][], startDone = 0): { timer: TimeLeft; done: number } {
  const timer = new TimeLeft(0, startDone);
  let at = 0;
  let done = startDone;
  for (const [ms, units] of steps) {
    at += ms;
    done += units;
    timer.update(at, done);
  }
  return { timer, done };
}

describe('TimeLeft', () => {
  it('gives the exact figure at a steady rate, once 2 s have passed', () => {
    // 10 units a second, reported every 100 ms.
    const early = fed(Array.from({ length: 19 }, () => [100, 1]));
    expect(early.timer.estimate(100)).toBeNull();
    const { timer, done } = fed(Array.from({ length: 30 }, () => [100, 1]));
    expect(done).toBe(30);
    expect(timer.estimate(100)).toBeCloseTo(7000, 0);
  });

  it('gives nothing before 1% of the part is done, even after a long time', () => {
    const { timer } = fed([[5000, 5]]);
    expect(timer.estimate(1000)).toBeNull();
    expect(timer.estimate(400)).toBeGreaterThan(0);
  });

  it('stays near the average rate through uneven bursts, never negative', () => {
    // Bursts: 40 units in 50 ms, then nothing for 1950 ms; on average 20 units a second.
    const steps: [number, number][] = [];
    for (let i = 0; i < 15; i++) steps.push([50, 40], [1950, 0]);
    const timer = new TimeLeft(0, 0);
    let at = 0;
    let done = 0;
    for (const [ms, units] of steps) {
      at += ms;
      done += units;
      timer.update(at, done);
      const left = timer.estimate(2000);
      if (left === null) continue;
      expect(left).toBeGreaterThanOrEqual(0);
      const truth = ((2000 - done) / 20) * 1000;
      // At the best and the worst point of a burst: close once the window holds a few bursts.
      const factor = at >= 10_000 ? 1.3 : 2.5;
      expect(left / truth).toBeLessThan(factor);
      expect(truth / left).toBeLessThan(factor);
    }
  });

  it('follows a change of pace within seconds', () => {
    // 100 units a second for 10 s, then 10 a second: after 20 s more the slow rate rules.
    const { timer, done } = fed([
      ...Array.from({ length: 100 }, (): [number, number] => [100, 10]),
      ...Array.from({ length: 200 }, (): [number, number] => [100, 1]),
    ]);
    const left = timer.estimate(done + 100) as number;
    expect(left).toBeGreaterThan(9000);
    expect(left).toBeLessThan(11_000);
  });

  it('gives nothing for a stalled part, nor once the part is done or past its total', () => {
    const stalled = fed([
      [1000, 50],
      [1000, 50],
      [600_000, 0],
    ]);
    expect(stalled.timer.estimate(10_000)).toBeNull();
    const finished = fed([
      [1000, 50],
      [1000, 50],
    ]);
    expect(finished.timer.estimate(100)).toBeNull();
    expect(finished.timer.estimate(80)).toBeNull();
  });

  it('measures a part restarted at `done` from there, not from zero', () => {
    const { timer } = fed(
      Array.from({ length: 30 }, () => [100, 1]),
      500,
    );
    // 30 of the 500 left are done, at 10 a second: 470 left take 47 s.
    expect(timer.estimate(1000)).toBeCloseTo(47_000, 0);
  });

  it('ignores reports that go back in time', () => {
    const { timer } = fed(Array.from({ length: 30 }, () => [100, 1]));
    timer.update(1000, 29);
    expect(timer.estimate(100)).toBeCloseTo(7000, 0);
  });
});

describe('formatTimeLeft', () => {
  it('says a time left as people say it', () => {
    expect(formatTimeLeft(0)).toBe('1 s');
    expect(formatTimeLeft(7_200)).toBe('8 s');
    expect(formatTimeLeft(59_000)).toBe('59 s');
    expect(formatTimeLeft(130_000)).toBe('2 min 10 s');
    expect(formatTimeLeft(178_000)).toBe('3 min');
    expect(formatTimeLeft(14 * 60_000 + 20_000)).toBe('14 min');
    expect(formatTimeLeft(65 * 60_000)).toBe('1 h 05 min');
  });
});
