import { createHash, randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_MARK = '.tmp-';

/** What was written: the SHA-256 of the bytes and their number. */
export interface WrittenFile {
  hash: string;
  bytes: number;
}

/**
 * Writes `chunks` to `file` so that a crash at any moment leaves either the old file or the
 * complete new one: write a temp file beside it, flush it to disk, then rename over the target.
 */
export async function writeFileAtomic(
  file: string,
  chunks: Iterable<string | Uint8Array>,
): Promise<WrittenFile> {
  const temp = join(
    dirname(file),
    `${basename(file)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  const handle = await open(temp, 'w');
  const hash = createHash('sha256');
  let bytes = 0;
  const write = async (data: string | Uint8Array) => {
    const buffer = typeof data === 'string' ? Buffer.from(data) : data;
    hash.update(buffer);
    bytes += buffer.byteLength;
    await handle.write(buffer);
  };
  try {
    let pending = '';
    for (const chunk of chunks) {
      if (typeof chunk === 'string') {
        pending += chunk;
        // Batch small strings into ~1 MB writes: one syscall per record would dominate.
        if (pending.length < 1 << 20) continue;
        await write(pending);
        pending = '';
      } else {
        if (pending) await write(pending);
        pending = '';
        await write(chunk);
      }
    }
    if (pending) await write(pending);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
  return { hash: hash.digest('hex'), bytes };
}

/** Removes temp files that an interrupted write left in `dir`. */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => []);
  await Promise.all(
    names
      .filter((name) => name.includes(TEMP_MARK))
      .map((name) => rm(join(dir, name), { force: true })),
  );
}
