// Whether a process id on this machine is still running, for stale locks and temp files.

/**
 * True when a process with this id exists on this machine. A process owned by another user
 * (EPERM) counts as alive: it cannot be signalled, but it is there.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
