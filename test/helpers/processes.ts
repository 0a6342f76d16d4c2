// A fake process table, so lock and temp-file owner checks are tested without real processes.
import type { ProcessIdentity, ProcessTable } from '../../pipeline/process-alive.js';

/** A process table holding `self` and the processes in `running` (pid to start time). */
export function fakeProcesses(
  self: ProcessIdentity,
  running: Record<number, number | undefined> = {},
): ProcessTable {
  return {
    self: () => self,
    isAlive: (pid) => pid === self.pid || pid in running,
    startTime: (pid) => running[pid],
  };
}

/** Process 1 of a container, as every run in a fresh container is. */
export const CONTAINER_RUN: ProcessIdentity = { pid: 1, bootId: 'boot-a', startTime: 5_000 };
