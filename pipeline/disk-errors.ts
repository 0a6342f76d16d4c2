// A failed write's system error as one clear line: the disk is full (and how much is free), or writing is refused.
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DiskError } from './errors.js';
import { formatBytes } from './format-bytes.js';

/** Why a write failed, by system error code, for the errors that are the disk's, not the tool's. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
};

/**
 * `cause` as a `DiskError` when it is a full disk (ENOSPC, EDQUOT: "disk full writing FILE:
 * 112 KB free") or a refused write (EACCES, EPERM, EROFS: "cannot write FILE: permission
 * denied"). `file` is what was being written; without it the error's own path and system call
 * are named ("cannot mkdir PATH: permission denied"). Undefined for any other error.
 */
export function diskError(cause: unknown, file?: string): DiskError | undefined {
  const { code, path, syscall } = (cause ?? {}) as NodeJS.ErrnoException;
  const where = file ?? path;
  if (code === undefined || where === undefined) return undefined;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    const what = code === 'ENOSPC' ? 'disk full' : 'disk quota exceeded';
    const free = freeSpace(where);
    const left = free === undefined ? '' : `: ${formatBytes(free)} free`;
    return new DiskError(`${what} writing ${where}${left}`, where, { cause });
  }
  const reason = REASONS[code];
  if (reason === undefined) return undefined;
  const action = file === undefined ? (syscall ?? 'access') : 'write';
  return new DiskError(`cannot ${action} ${where}: ${reason}`, where, { cause });
}

/**
 * A write that did not get all its bytes to the disk (a write made no progress, or the flushed
 * file is shorter than what was written): "incomplete write of FILE: 4.6 of 9.3 MB reached the
 * disk; 0 bytes free".
 */
export function incompleteWrite(file: string, reached: number, bytes: number): DiskError {
  const free = freeSpace(file);
  const left = free === undefined ? '' : `; ${formatBytes(free)} free`;
  return new DiskError(
    `incomplete write of ${file}: ${formatBytes(reached)} of ${formatBytes(bytes)} reached the disk${left}`,
    file,
  );
}

/** Bytes available to this user on the file system holding `file`; undefined if unknown. */
function freeSpace(file: string): number | undefined {
  try {
    const stats = statfsSync(dirname(file));
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return undefined;
  }
}
