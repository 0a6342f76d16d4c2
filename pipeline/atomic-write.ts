// Atomic file writes: a temp file beside the target, every byte written and flushed, then renamed over it.
import { createHash, randomBytes } from 'node:crypto';
import { type FileHandle, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { diskError, incompleteWrite } from './disk-errors.js';
import {
  isOwnerAlive,
  type ProcessIdentity,
  type ProcessTable,
  SYSTEM_PROCESSES,
} from './process-alive.js';

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
  return writeThroughTemp(file, async (write) => {
    let pending = '';
    for (const chunk of chunks) {
      if (typeof chunk === 'string') {
        pending += chunk;
        // Batch small strings into ~1 MB writes: one syscall per record would dominate.
        if (pending.length < 1 << 20) continue;
        await write(Buffer.from(pending));
        pending = '';
      } else {
        if (pending) await write(Buffer.from(pending));
        pending = '';
        await write(chunk);
      }
    }
    if (pending) await write(Buffer.from(pending));
  });
}

/**
 * Removes the temp files that writes of dead processes left in `dir` and its subfolders (a
 * process killed mid-write leaves one behind). Temp files of live processes, this one included,
 * are theirs and stay; one named with our process id but another start time is a dead
 * predecessor's (a container's process 1). Returns the paths removed, relative to `dir`.
 */
export async function removeStaleTempFiles(
  dir: string,
  processes: ProcessTable = SYSTEM_PROCESSES,
): Promise<string[]> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const owner = tempFileOwner(basename(name));
    return owner !== undefined && !isOwnerAlive(owner, processes);
  });
  await Promise.all(stale.map((name) => rm(join(dir, name), { force: true })));
  return stale;
}

/** The writer named in a temp file's name (`<file>.tmp-<pid>[.<start time>]-<random>`). */
export function tempFileOwner(name: string): ProcessIdentity | undefined {
  const match = /\.tmp-(\d+)(?:\.(\d+))?-[0-9a-f]+$/.exec(name);
  if (!match) return undefined;
  return {
    pid: Number(match[1]),
    startTime: match[2] === undefined ? undefined : Number(match[2]),
  };
}

/**
 * Like `writeFileAtomic`, for output too large to hold: `produce` writes to a stream (honouring
 * its backpressure) and resolves when it has written everything; the stream is then ended,
 * flushed to disk and renamed over `file`. If `produce` fails, the temp file is removed.
 */
export async function writeStreamAtomic(
  file: string,
  produce: (out: Writable) => Promise<void>,
): Promise<WrittenFile> {
  return writeThroughTemp(file, async (write) => {
    // Chunks queued while a write is in flight go out together: one syscall, not one per chunk.
    const out = new Writable({
      highWaterMark: 1 << 20,
      writev(chunks, callback) {
        write(Buffer.concat(chunks.map((c) => c.chunk as Buffer))).then(() => callback(), callback);
      },
    });
    try {
      await produce(out);
      out.end();
      await finished(out);
    } catch (error) {
      out.destroy();
      throw error;
    }
  });
}

/**
 * Writes `length` bytes of `data` from `offset` to `handle`, open on a temp file for `file`;
 * may write fewer, as write(2) may.
 */
export type DiskWrite = (
  file: string,
  handle: FileHandle,
  data: Uint8Array,
  offset: number,
  length: number,
) => Promise<number>;

const systemWrite: DiskWrite = async (_file, handle, data, offset, length) =>
  (await handle.write(data, offset, length)).bytesWritten;
let diskWrite = systemWrite;

/**
 * Replaces how the writers hand bytes to the disk, so tests can make writes short or fail as a
 * full disk does; `undefined` restores the system's.
 */
export function setDiskWrite(write: DiskWrite | undefined): void {
  diskWrite = write ?? systemWrite;
}

/**
 * The part both writers share: `fill` writes the bytes (hashed and counted) into a temp file
 * beside `file`, which is then flushed, checked to hold every byte, and renamed over it. On any
 * failure the temp file is removed, `file` is left as it was, and a full disk or a refused write
 * becomes a `DiskError` naming `file`.
 */
async function writeThroughTemp(
  file: string,
  fill: (write: (bytes: Uint8Array) => Promise<void>) => Promise<void>,
): Promise<WrittenFile> {
  const temp = tempFileFor(file);
  const handle = await open(temp, 'w').catch((error: unknown) => {
    throw diskError(error, file) ?? error;
  });
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    await fill(async (data) => {
      hash.update(data);
      bytes += data.byteLength;
      const reached = await writeAll(file, handle, data);
      if (reached < data.byteLength)
        throw incompleteWrite(file, bytes - data.byteLength + reached, bytes);
    });
    await handle.sync();
    const size = (await handle.stat()).size;
    if (size !== bytes) throw incompleteWrite(file, size, bytes);
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(temp, { force: true });
    throw diskError(error, file) ?? error;
  }
  return { hash: hash.digest('hex'), bytes };
}

/**
 * Writes `data`, looping over short writes until all of it is written or a write makes no
 * progress; returns the number of bytes written.
 */
async function writeAll(file: string, handle: FileHandle, data: Uint8Array): Promise<number> {
  let offset = 0;
  while (offset < data.byteLength) {
    const written = await diskWrite(file, handle, data, offset, data.byteLength - offset);
    if (written <= 0) break;
    offset += written;
  }
  return offset;
}

/** A fresh temp file beside `file`, named after this process (id and, where known, start time). */
export function tempFileFor(file: string): string {
  const { pid, startTime } = SYSTEM_PROCESSES.self();
  const owner = startTime === undefined ? `${pid}` : `${pid}.${startTime}`;
  return join(
    dirname(file),
    `${basename(file)}${TEMP_MARK}${owner}-${randomBytes(4).toString('hex')}`,
  );
}
