// Whether the process that wrote a lock or temp file still runs, even where process ids are reused.
import { readFileSync, readlinkSync } from 'node:fs';

/**
 * Who a process is. A process id alone is reused: after a reboot, or in a container whose every
 * run is process 1. The machine's boot id and the process's start time (clock ticks since boot)
 * tell a process from a later one given the same id; both are absent where `/proc` is not.
 */
export interface ProcessIdentity {
  pid: number;
  bootId?: string | undefined;
  startTime?: number | undefined;
}

/** What the owner checks read about processes; the system's by default, a fake in tests. */
export interface ProcessTable {
  /** This process. */
  self(): ProcessIdentity;
  /** True when a process with this id exists on this machine. */
  isAlive(pid: number): boolean;
  /** The start time of a running process, when it can be read. */
  startTime(pid: number): number | undefined;
}

/**
 * True when `owner` still runs: its id is alive and, where recorded and readable, the machine
 * has not rebooted since and the process with that id started when the owner did. A process
 * with our own id but another start time is a dead predecessor (a container's process 1), never
 * this process. Without boot id or start time this is today's pid check alone.
 */
export function isOwnerAlive(
  owner: ProcessIdentity,
  table: ProcessTable = SYSTEM_PROCESSES,
): boolean {
  const self = table.self();
  if (owner.bootId !== undefined && self.bootId !== undefined && owner.bootId !== self.bootId)
    return false;
  if (!table.isAlive(owner.pid)) return false;
  if (owner.startTime === undefined) return true;
  const started = owner.pid === self.pid ? self.startTime : table.startTime(owner.pid);
  return started === undefined || started === owner.startTime;
}

/**
 * True when a process with this id exists on this machine. A process owned by another user
 * (EPERM) counts as alive: it cannot be signalled, but it is there.
 */
function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The processes of this machine, read from `/proc` where it exists. */
export const SYSTEM_PROCESSES: ProcessTable = {
  self: () => ({ pid: process.pid, bootId: BOOT_ID, startTime: SELF_START }),
  isAlive: isProcessAlive,
  startTime: (pid) => (PROC_IS_OURS ? readStartTime(String(pid)) : undefined),
};

/** Field 22 of `/proc/<pid>/stat`: when the process started, in clock ticks since boot. */
function readStartTime(pid: string): number | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  // The command name (field 2) is in parentheses and may hold spaces: count after its end.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields?.[19]);
  return Number.isSafeInteger(ticks) ? ticks : undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Whether `/proc` shows our own process namespace (not so in a new one without its own /proc). */
function procIsOurs(): boolean {
  try {
    return readlinkSync('/proc/self') === String(process.pid);
  } catch {
    return false;
  }
}

const BOOT_ID = readText('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
const SELF_START = readStartTime('self');
const PROC_IS_OURS = procIsOurs();
