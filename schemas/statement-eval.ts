// The labelled statements (eval/statements/statements.jsonl) and what `brief eval synthesis
// --json` prints about them.
import { z } from 'zod';

/** What a sentence does, as labelled: the three statement kinds or none. */
export const StatementLabel = z.enum(['proposal', 'concern', 'opportunity', 'none']);
export type StatementLabel = z.infer<typeof StatementLabel>;

/** A half of the labelled set: rules were tuned on `tune` and are reported on `test` too. */
export const StatementSplit = z.enum(['tune', 'test']);
export type StatementSplit = z.infer<typeof StatementSplit>;

/** A line of statements.jsonl: a sentence, the one before it in its text, and its labels. */
export const LabelledStatement = z.strictObject({
  /** `<source>:<id in the source>:<sentence number from 1>`. */
  id: z.string().min(1),
  source: z.enum(['bowling-green', 'rule-of-law', 'argkp']),
  split: StatementSplit,
  text: z.string().min(1),
  /** The sentence before it in the same contribution, or null for a first sentence. */
  previous: z.string().nullable(),
  kind: StatementLabel,
  /** Whether the sentence, quoted without the one before it, stands alone. */
  standsAlone: z.boolean(),
});
export type LabelledStatement = z.infer<typeof LabelledStatement>;

/** Precision, recall and F1 of one class (null when undefined: nothing predicted or labelled). */
export const ClassScores = z.strictObject({
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  f1: z.number().nullable(),
  /** Sentences labelled with the class, and predicted as it. */
  labelled: z.number().int().min(0),
  predicted: z.number().int().min(0),
});
export type ClassScores = z.infer<typeof ClassScores>;

/** One row of the report: a task and a method, scored on one half or on the whole set. */
export const StatementEvalRow = z.strictObject({
  /** `proposal`, `concern`, `opportunity`; `stands-alone` and `fragment` (the filter's two sides). */
  task: z.string(),
  method: z.enum(['structure', 'cue-baseline', 'filter']),
  split: z.enum(['tune', 'test', 'all']),
  scores: ClassScores,
});
export type StatementEvalRow = z.infer<typeof StatementEvalRow>;

/** The stance rules on one set of arguments with pro/con labels (ArgKP's motions). */
export const StanceEvalRow = z.strictObject({
  set: z.string(),
  motions: z.number().int().min(0),
  arguments: z.number().int().min(0),
  /** Share of arguments placed on a side (the rest are "unclear"). */
  decided: z.number().min(0).max(1),
  /** Accuracy on the arguments placed on a side. */
  accuracyDecided: z.number().min(0).max(1),
  /** Accuracy over all arguments, an unclear one counting as wrong. */
  accuracy: z.number().min(0).max(1),
  /** Always answering the set's larger side. */
  majority: z.number().min(0).max(1),
});
export type StanceEvalRow = z.infer<typeof StanceEvalRow>;

/** What `brief eval synthesis --json` prints. */
export const StatementEvalReport = z.strictObject({
  sentences: z.number().int().min(0),
  bySplit: z.record(StatementSplit, z.number().int().min(0)),
  rows: z.array(StatementEvalRow),
  stance: z.array(StanceEvalRow),
  /** Every figure by name (`test.structure.proposal.precision`), for gates. */
  figures: z.record(z.string(), z.number()),
});
export type StatementEvalReport = z.infer<typeof StatementEvalReport>;
