import { z } from 'zod';

/** A file the run read or wrote, identified by its content. */
export const FileRecord = z.strictObject({
  file: z.string(),
  hash: z.string(),
  bytes: z.number().int().min(0),
});
export type FileRecord = z.infer<typeof FileRecord>;

/** Language model calls: requests sent, answers from the cache, tokens and cost (USD). */
export const UsageRecord = z.strictObject({
  requests: z.number().int().min(0),
  cached: z.number().int().min(0),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  /** Null when a model used has no price in the config's table. */
  cost: z.number().min(0).nullable(),
});
export type UsageRecord = z.infer<typeof UsageRecord>;

/** What one stage did the last time it ran. */
export const StageRecord = z.strictObject({
  /** The stage's code version; a new version invalidates cached output. */
  version: z.number().int(),
  /** Hash of everything the output depends on: version, config slice, input hashes, seed. */
  key: z.string(),
  artifact: FileRecord.extend({ records: z.number().int().min(0) }),
  /** Files written beside the artifact (the brief's charts, `sources.csv`), as written. */
  attachments: z.array(FileRecord).optional(),
  counts: z.record(z.string(), z.number()),
  /** Wall-clock time of the stage's last real run, in milliseconds. */
  ms: z.number().min(0),
  finishedAt: z.string(),
  /** The stage's language model calls when it last ran, if it made any. */
  usage: UsageRecord.optional(),
});
export type StageRecord = z.infer<typeof StageRecord>;

/** What the export of the brief (`brief.pdf`, `report.html`) did the last time it ran. */
export const ExportRecord = z.strictObject({
  /** Hash of what the files depend on: brief.md, its charts, the export options, the code. */
  key: z.string(),
  files: z.array(FileRecord),
  ms: z.number().min(0),
  finishedAt: z.string(),
});
export type ExportRecord = z.infer<typeof ExportRecord>;

/** `manifest.json`: what produced the run folder and what each stage did. */
export const Manifest = z.strictObject({
  tool: z.strictObject({ name: z.string(), version: z.string(), node: z.string() }),
  config: FileRecord,
  seed: z.number().int(),
  inputs: z.array(FileRecord),
  stages: z.record(z.string(), StageRecord),
  /** The brief's PDF and HTML, once exported. */
  export: ExportRecord.optional(),
  /** Share of kept contributions cited somewhere in the findings, once they are written. */
  coverage: z.number().min(0).max(1).optional(),
  /** The language model: provider, models, prompt hashes, and the usage of every stage summed. */
  llm: z
    .strictObject({
      provider: z.string(),
      models: z.record(z.string(), z.string()),
      prompts: z.record(z.string(), z.string()),
      usage: UsageRecord,
    })
    .optional(),
});
export type Manifest = z.infer<typeof Manifest>;
