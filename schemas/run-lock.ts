import { z } from 'zod';

/** `run.lock` in a run folder: who holds the folder, so that no second writer mixes files in. */
export const RunLockHolder = z.strictObject({
  pid: z.number().int().positive(),
  /** The machine's host name: a process id only means something on its own machine. */
  host: z.string(),
  /** The machine's boot id (`/proc/sys/kernel/random/boot_id`), where there is one. */
  bootId: z.string().optional(),
  /** The process's start time in clock ticks since boot (`/proc/<pid>/stat`), where known. */
  startTime: z.number().int().nonnegative().optional(),
  /** When the lock was taken (ISO). */
  since: z.string(),
  /** What holds it, e.g. "brief run" or "brief review". */
  purpose: z.string(),
  /** Random, so a holder releases only its own lock, never one taken over after it. */
  token: z.string(),
});
export type RunLockHolder = z.infer<typeof RunLockHolder>;
