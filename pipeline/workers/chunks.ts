// How the pool cuts an array into chunks: few enough to keep messages cheap, enough to share work.

/** Chunks per thread: later chunks go to whichever worker is free, so uneven items even out. */
const CHUNKS_PER_THREAD = 8;
/** The most items in one chunk, so that progress and cancellation come often enough. */
const MAX_CHUNK = 4096;

/** A chunk: items `start` (inclusive) to `end` (exclusive) of the array. */
export interface ChunkRange {
  start: number;
  end: number;
}

/**
 * The chunks of `count` items for `threads` threads: `size` items each when given, else about
 * `CHUNKS_PER_THREAD` per thread and at most `MAX_CHUNK` items; the last may be shorter.
 */
export function chunkRanges(count: number, threads: number, size?: number): ChunkRange[] {
  const step = Math.max(
    1,
    Math.floor(size ?? Math.min(MAX_CHUNK, Math.ceil(count / (threads * CHUNKS_PER_THREAD)))),
  );
  const ranges: ChunkRange[] = [];
  for (let start = 0; start < count; start += step) {
    ranges.push({ start, end: Math.min(count, start + step) });
  }
  return ranges;
}
