// The labelled statements of `brief eval synthesis` (eval/statements/*.jsonl, or any file in the
// same schema), the tool's reading of each (`--predictions`), and the report it prints (`--json`).
import { z } from 'zod';
import { STATEMENT_KINDS } from '../pipeline/synthesis/reading/reader.js';
import { ItemsRead } from './findings.js';
import { UsageRecord } from './manifest.js';

/** What a sentence does (see `STATEMENT_KINDS`). */
export const StatementKindLabel = z.enum(STATEMENT_KINDS);

/** A contribution's position on its yes/no question. */
export const StanceLabel = z.enum(['favour', 'against', 'unclear']);

/** Several kinds, each once; `other` only alone. */
const Kinds = z
  .array(StatementKindLabel)
  .refine((kinds) => new Set(kinds).size === kinds.length, 'a kind is listed twice')
  .refine((kinds) => !kinds.includes('other') || kinds.length === 1, '"other" goes alone');

/** A line of a labelled file: a sentence, its whole contribution, and what it does. */
export const LabelledStatement = z.strictObject({
  /** Unique over every file read, e.g. `<source>:<id in the source>:<sentence number>`. */
  id: z.string().min(1),
  /** Where it comes from; figures are reported per source (`all` is the whole set's name). */
  source: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'expected lower-case letters, digits and hyphens')
    .refine((source) => source !== 'all', '"all" names the whole set'),
  /** ISO 639-1 code of the sentence's language. */
  language: z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code such as "en"'),
  /** The question the contribution answers, or null when none. */
  question: z.string().min(1).nullable(),
  text: z.string().min(1),
  /** The whole contribution the sentence is part of. */
  context: z.string().min(1),
  kinds: Kinds.min(1),
  /** The contribution's position on the question; null when there is no yes/no question. */
  stance: StanceLabel.nullable(),
  /** Whether the sentence, quoted alone in a brief, is understood. */
  standsAlone: z.boolean(),
});
export type LabelledStatement = z.infer<typeof LabelledStatement>;

/**
 * A line of `--predictions`: the tool's reading of a labelled line. Kinds are empty and
 * standsAlone null for a language without a reader; stance is null when the line has no question.
 */
export const StatementPrediction = z.strictObject({
  id: z.string().min(1),
  kinds: Kinds,
  stance: StanceLabel.nullable(),
  standsAlone: z.boolean().nullable(),
});
export type StatementPrediction = z.infer<typeof StatementPrediction>;

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

/** Stance on decided contributions: the share decided and the accuracy among those. */
export const StanceScores = z.strictObject({
  decided: z.number().nullable(),
  accuracyDecided: z.number().nullable(),
});
export type StanceScores = z.infer<typeof StanceScores>;

/** The tool and its baseline on one task. */
const Versus = <T extends z.ZodType>(scores: T) =>
  z.strictObject({ tool: scores.nullable(), baseline: scores });

/** Every figure of one part of the set: a source, a language, or the whole set (`all`). */
export const StatementGroupReport = z.strictObject({
  /** The source's name, `language-<code>`, or `all`. */
  name: z.string(),
  sentences: z.number().int().min(0),
  /** Sentences in a language without a reader: not scored for kinds or standing alone. */
  unsupported: z.number().int().min(0),
  languages: z.array(z.string()),
  kinds: z.array(Versus(ClassScores).extend({ kind: StatementKindLabel })),
  /** Sentences labelled praise or nothing_to_change but not proposal or concern, and the share read as either. */
  misread: Versus(z.number().nullable()).extend({ sentences: z.number().int().min(0) }),
  /** Contributions with a stance label. */
  stance: Versus(StanceScores).extend({ contributions: z.number().int().min(0) }),
  standsAlone: Versus(ClassScores),
});
export type StatementGroupReport = z.infer<typeof StatementGroupReport>;

/** One target of issue 21 against a group's figure; met is null when the figure is undefined. */
export const StatementTargetCheck = z.strictObject({
  figure: z.string(),
  target: z.string(),
  value: z.number().nullable(),
  met: z.boolean().nullable(),
});
export type StatementTargetCheck = z.infer<typeof StatementTargetCheck>;

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

/** Who read the lines' kinds and stance: the rules, or a model with the rules as its fallback. */
export const StatementReaderReport = z.strictObject({
  /** `rules`, or `model <name>`. */
  reader: z.string(),
  /** With a model: what it read and what fell back to the rules, and what it took; else null. */
  model: z
    .strictObject({
      /** Lines whose kinds the model read; `rules`: its reply for them was missing or invalid. */
      kinds: ItemsRead,
      /** Contributions on a yes/no question whose position the model read, and fallbacks. */
      stance: ItemsRead,
      /** Requests, tokens and cost; a re-run answers from the cache and makes no requests. */
      usage: UsageRecord,
    })
    .nullable(),
});
export type StatementReaderReport = z.infer<typeof StatementReaderReport>;

/** What `brief eval synthesis --json` prints. */
export const StatementEvalReport = z.strictObject({
  /** The labelled files read. */
  files: z.array(z.string()),
  /** Who read the lines (the ArgKP stance rows are always the rules'). */
  reading: StatementReaderReport,
  /** Each source, each language when there are several, then the whole set. */
  groups: z.array(StatementGroupReport),
  targets: z.array(StatementTargetCheck),
  stance: z.array(StanceEvalRow),
  /** Every figure by name (`statements.argkp.proposal.precision`), for gates. */
  figures: z.record(z.string(), z.number()),
});
export type StatementEvalReport = z.infer<typeof StatementEvalReport>;
