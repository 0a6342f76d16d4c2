// What a task run on worker threads is: set up once per worker, then applied to chunks of items.

/**
 * Maps a chunk of items to one result each, in order. `onShare`, given only in the calling
 * thread, hears the share (0 to 1) of item `index` (in the chunk) done, 1 once it is done.
 */
export type ChunkRunner<Item, Result> = (
  items: readonly Item[],
  onShare?: (index: number, share: number) => void,
) => Result[] | Promise<Result[]>;

/**
 * A pure task the pool runs: `prepare` builds what it needs from `shared` once per worker (or
 * once in-process) and returns the function over chunks. Items, `shared` and results cross
 * threads by structured clone: plain data only.
 */
export interface WorkerTask<Shared, Item, Result> {
  prepare(shared: Shared): Promise<ChunkRunner<Item, Result>>;
}
