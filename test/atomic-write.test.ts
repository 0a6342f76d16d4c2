import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type DiskWrite,
  setDiskWrite,
  writeFileAtomic,
  writeStreamAtomic,
} from '../pipeline/atomic-write.js';
import { DiskError } from '../pipeline/errors.js';

const systemError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** Writes at most `most` bytes per call, as write(2) may near a full disk. */
function shortWrites(most: number): DiskWrite {
  return async (_file, handle, data, offset, length) =>
    (await handle.write(data, offset, Math.min(most, length))).bytesWritten;
}

/** Writes up to `room` bytes in all, then makes no progress (a write returning 0). */
function fillsAfter(room: number): DiskWrite {
  let left = room;
  return async (_file, handle, data, offset, length) => {
    const { bytesWritten } = await handle.write(data, offset, Math.min(left, length));
    left -= bytesWritten;
    return bytesWritten;
  };
}

async function folderWithOld(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-atomic-'));
  const file = join(dir, 'brief.pdf');
  await writeFile(file, 'the previous, complete file');
  return { dir, file };
}

const bytes = Buffer.alloc(300_000, 'abcdefghij');
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

afterEach(() => setDiskWrite(undefined));

describe('atomic writes', () => {
  it('write every byte through short writes, and return the hash of what was written', async () => {
    const { file } = await folderWithOld();
    setDiskWrite(shortWrites(4096));
    const written = await writeFileAtomic(file, ['head ', bytes, ' tail']);
    const expected = Buffer.concat([Buffer.from('head '), bytes, Buffer.from(' tail')]);
    expect(await readFile(file)).toEqual(expected);
    expect(written).toEqual({ hash: sha256(expected), bytes: expected.byteLength });
    const streamed = await writeStreamAtomic(file, async (out) => {
      for (let i = 0; i < 10; i++) out.write(bytes);
    });
    expect(streamed.bytes).toBe(10 * bytes.byteLength);
    expect((await readFile(file)).byteLength).toBe(10 * bytes.byteLength);
  });

  const failures: [string, () => DiskWrite, RegExp][] = [
    [
      'the disk fills (ENOSPC)',
      () => async () => {
        throw systemError('ENOSPC');
      },
      /^disk full writing .*brief\.pdf: [\d.]+ (bytes|KB|MB|GB) free$/,
    ],
    [
      'a write makes no progress',
      () => fillsAfter(100_000),
      /^incomplete write of .*brief\.pdf: 98 KB of 293 KB reached the disk; [\d.]+ (bytes|KB|MB|GB) free$/,
    ],
    [
      'writing is refused (EACCES)',
      () => async () => {
        throw systemError('EACCES');
      },
      /^cannot write .*brief\.pdf: permission denied$/,
    ],
  ];
  for (const [when, hook, message] of failures) {
    it(`leave the previous file and no temp file, with one clear line, when ${when}`, async () => {
      for (const write of [
        (file: string) => writeFileAtomic(file, [bytes]),
        (file: string) => writeStreamAtomic(file, async (out) => void out.write(bytes)),
      ]) {
        const { dir, file } = await folderWithOld();
        setDiskWrite(hook());
        const error = await write(file).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DiskError);
        expect((error as DiskError).message).toMatch(message);
        expect((error as DiskError).file).toBe(file);
        expect(await readFile(file, 'utf8')).toBe('the previous, complete file');
        expect(await readdir(dir)).toEqual(['brief.pdf']);
      }
    });
  }
});
