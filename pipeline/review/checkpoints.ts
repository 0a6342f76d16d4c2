// States of the review kept along the log, so that an undo or redo replays a few decisions only.
import type { ReviewState } from './review-state.js';

/** Checkpoints kept before each of the latest decisions. */
const RECENT = 12;
/** Further back, one checkpoint every so many decisions. */
const SPACING = 16;

/**
 * The review state before decision `position` (0-based, among the log's decisions other than
 * undo and redo), kept before each of the latest decisions and before every `SPACING`-th one
 * further back. Each is a fork (see `ReviewState.fork`): it costs the themes changed after it.
 */
export class Checkpoints {
  private readonly kept = new Map<number, ReviewState>();
  private readonly first: ReviewState;

  /**
   * Checkpoints starting with `initial`, the state before any decision; with `along` false,
   * none after it (an application that will see no undo or redo: one costing the start again).
   */
  constructor(
    initial: ReviewState,
    private readonly along = true,
  ) {
    this.first = initial.fork();
  }

  /**
   * Keeps a fork of `state` as the state before decision `position` of `count` (those applied
   * now), thinning older ones; none that thinning would drop at once, as when a long log is
   * applied from the start.
   */
  keep(position: number, count: number, state: ReviewState): void {
    if (!this.along || position === 0 || this.kept.has(position)) return;
    if (position < count - RECENT && position % SPACING !== 0) return;
    this.kept.set(position, state.fork());
    const old = position - RECENT;
    if (old % SPACING !== 0) this.kept.delete(old);
  }

  /**
   * The latest state kept at or before `position`, as a fork to go on from, and its position;
   * those kept after it are dropped (the decisions after it are applied again).
   */
  back(position: number): { position: number; state: ReviewState } {
    this.forget(position);
    let at = 0;
    let state = this.first;
    for (const [p, kept] of this.kept) if (p > at) [at, state] = [p, kept];
    return { position: at, state: state.fork() };
  }

  /** Drops the states kept after `position`. */
  forget(position: number): void {
    for (const p of this.kept.keys()) if (p > position) this.kept.delete(p);
  }
}
