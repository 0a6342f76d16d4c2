import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sleep, TokenWindow } from '../../pipeline/llm/token-window.js';

/** A fake clock moved together with vitest's fake timers. */
let clock = 0;
const now = () => clock;
async function advance(ms: number): Promise<void> {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

/** Tracks whether a promise has settled. */
function track(promise: Promise<void>): { done: () => boolean; promise: Promise<void> } {
  let settled = false;
  const tracked = promise.then(
    () => {
      settled = true;
    },
    (error: unknown) => {
      settled = true;
      throw error;
    },
  );
  return { done: () => settled, promise: tracked };
}

beforeEach(() => {
  vi.useFakeTimers();
  clock = 1_000_000;
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TokenWindow', () => {
  const signal = new AbortController().signal;

  it('lets requests under the limit through at once', async () => {
    const window = new TokenWindow(1000, now);
    const first = track(window.reserve(400, signal));
    const second = track(window.reserve(600, signal));
    await vi.advanceTimersByTimeAsync(0);
    expect(first.done()).toBe(true);
    expect(second.done()).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('makes a request that would pass the per-minute limit wait until the oldest leaves', async () => {
    const window = new TokenWindow(1000, now);
    await window.reserve(700, signal); // at t0
    await advance(10_000);
    await window.reserve(200, signal); // at t0 + 10 s: 900 used
    await advance(5_000);

    const third = track(window.reserve(200, signal)); // 1100 > 1000: must wait
    await vi.advanceTimersByTimeAsync(0);
    expect(third.done()).toBe(false);

    // The first request leaves the window 60 s after it was sent, 45 s from now.
    await advance(44_000);
    expect(third.done()).toBe(false);
    await advance(1_100);
    expect(third.done()).toBe(true);
    await third.promise;

    // Now 200 + 200 are in the window: 600 more fit, 601 do not.
    const fits = track(window.reserve(600, signal));
    await vi.advanceTimersByTimeAsync(0);
    expect(fits.done()).toBe(true);
    const over = track(window.reserve(1, signal));
    await vi.advanceTimersByTimeAsync(0);
    expect(over.done()).toBe(false);
  });

  it('keeps waiting while the window stays too full', async () => {
    const window = new TokenWindow(100, now);
    await window.reserve(60, signal); // t0
    await advance(30_000);
    await window.reserve(40, signal); // t0 + 30 s
    const next = track(window.reserve(50, signal));
    await advance(30_500); // the first has left, but 40 + 50 fit: goes
    expect(next.done()).toBe(true);
    const after = track(window.reserve(20, signal)); // 40 + 50 + 20 > 100
    await advance(20_000);
    expect(after.done()).toBe(false);
    await advance(10_000); // the 40 of t0 + 30 s leave
    expect(after.done()).toBe(true);
  });

  it('lets a request larger than the limit go alone, once the window is empty', async () => {
    const window = new TokenWindow(100, now);
    const big = track(window.reserve(500, signal));
    await vi.advanceTimersByTimeAsync(0);
    expect(big.done()).toBe(true);
    const small = track(window.reserve(1, signal));
    await advance(59_000);
    expect(small.done()).toBe(false);
    await advance(1_100);
    expect(small.done()).toBe(true);
  });

  it("stops waiting with the signal's reason when aborted", async () => {
    const window = new TokenWindow(100, now);
    await window.reserve(100, signal);
    const controller = new AbortController();
    const reason = new Error('cancelled');
    const waiting = window.reserve(100, controller.signal);
    const outcome = expect(waiting).rejects.toBe(reason);
    await advance(1_000);
    controller.abort(reason);
    await outcome;
    // The aborted request took no room: the next one waits only for the first to leave.
    const next = track(window.reserve(100, signal));
    await advance(59_100);
    expect(next.done()).toBe(true);
  });
});

describe('sleep', () => {
  it('resolves after the given time', async () => {
    const slept = track(sleep(500, new AbortController().signal));
    await vi.advanceTimersByTimeAsync(499);
    expect(slept.done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(slept.done()).toBe(true);
  });

  it("rejects with the signal's reason when aborted while sleeping, and clears its timer", async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const slept = sleep(60_000, controller.signal);
    const outcome = expect(slept).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(reason);
    await outcome;
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const reason = { why: 'already' };
    await expect(sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does not reject when aborted after it resolved', async () => {
    const controller = new AbortController();
    const slept = sleep(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    await expect(slept).resolves.toBeUndefined();
    controller.abort(new Error('late'));
  });
});
