// Seed-free samples: the rows whose content hashes lowest, so a run's sample depends on the data alone.

/** FNV-1a over the bytes of the given typed-array views, as an unsigned 32-bit integer. */
export function contentHash(...parts: readonly ArrayBufferView[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const bytes = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    for (const byte of bytes) h = Math.imul(h ^ byte, 0x01000193);
  }
  // A final avalanche, so that rows differing in one trailing byte do not hash close together.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/**
 * The `size` of `rows` whose `hashOf` is lowest (ties to the lower row), in row order; all rows
 * when they fit. A uniform-looking sample that any seed, and any order of the input, reproduces.
 */
export function hashSample(
  rows: readonly number[],
  size: number,
  hashOf: (row: number) => number,
): number[] {
  if (rows.length <= size) return [...rows];
  const hashes = new Map(rows.map((row) => [row, hashOf(row)]));
  return [...rows]
    .sort((a, b) => (hashes.get(a) as number) - (hashes.get(b) as number) || a - b)
    .slice(0, size)
    .sort((a, b) => a - b);
}
