import { VectorsHeader } from '../schemas/vectors.js';
import { ArtifactError } from './errors.js';
import type { Matrix } from './matrix.js';
import { formatIssues } from './zod-issues.js';

/** The embed stage's artifact: vectors with the ids of their rows. */
export interface Vectors {
  header: VectorsHeader;
  matrix: Matrix;
}

const MAGIC = 'BRIEFVEC';

/**
 * `vectors.bin`: magic, uint32 header length, the JSON header, padding to 4 bytes, then the rows
 * as little-endian float32. One file, so it is written atomically like every other artifact.
 */
export function encodeVectors(vectors: Vectors): Buffer[] {
  const { header, matrix } = vectors;
  if (header.ids.length !== matrix.rows || header.dims !== matrix.dims) {
    throw new ArtifactError(
      `vectors.bin: ${header.ids.length} ids for ${matrix.rows} rows of ${matrix.dims}`,
      'vectors.bin',
    );
  }
  const json = Buffer.from(JSON.stringify(VectorsHeader.parse(header)), 'utf8');
  const prefix = Buffer.alloc(align4(MAGIC.length + 4 + json.length));
  prefix.write(MAGIC, 0, 'latin1');
  prefix.writeUInt32LE(json.length, MAGIC.length);
  json.copy(prefix, MAGIC.length + 4);
  const floats = Buffer.from(matrix.data.buffer, matrix.data.byteOffset, matrix.data.byteLength);
  return [prefix, floats];
}

/** Reads `vectors.bin`, checking its header and size. */
export function decodeVectors(bytes: Buffer): Vectors {
  const fail = (why: string) => new ArtifactError(`vectors.bin: ${why}`, 'vectors.bin');
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw fail('not a vectors file');
  const length = bytes.readUInt32LE(MAGIC.length);
  const checked = VectorsHeader.safeParse(
    JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + length)),
  );
  if (!checked.success) throw fail(`bad header: ${formatIssues(checked.error)}`);
  const header = checked.data;
  const start = align4(MAGIC.length + 4 + length);
  const rows = header.ids.length;
  if (bytes.length !== start + rows * header.dims * 4) throw fail('truncated');
  const data = new Float32Array(
    bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.length),
  );
  return { header, matrix: { rows, dims: header.dims, data } };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
