import { z } from 'zod';

/** A file the run read or wrote, identified by its content. */
export const FileRecord = z.strictObject({
  file: z.string(),
  hash: z.string(),
  bytes: z.number().int().min(0),
});
export type FileRecord = z.infer<typeof FileRecord>;

/** What one stage did the last time it ran. */
export const StageRecord = z.strictObject({
  /** The stage's code version; a new version invalidates cached output. */
  version: z.number().int(),
  /** Hash of everything the output depends on: version, config slice, input hashes, seed. */
  key: z.string(),
  artifact: FileRecord.extend({ records: z.number().int().min(0) }),
  counts: z.record(z.string(), z.number()),
  /** Wall-clock time of the stage's last real run, in milliseconds. */
  ms: z.number().min(0),
  finishedAt: z.string(),
});
export type StageRecord = z.infer<typeof StageRecord>;

/** `manifest.json`: what produced the run folder and what each stage did. */
export const Manifest = z.strictObject({
  tool: z.strictObject({ name: z.string(), version: z.string(), node: z.string() }),
  config: FileRecord,
  seed: z.number().int(),
  inputs: z.array(FileRecord),
  stages: z.record(z.string(), StageRecord),
  /** Share of kept contributions cited somewhere in the findings, once they are written. */
  coverage: z.number().min(0).max(1).optional(),
});
export type Manifest = z.infer<typeof Manifest>;
