// What `brief eval themes --json` prints: the ArgKP summary fields, then one report per dev set.
import { z } from 'zod';

const Score = z.number();
const Count = z.number().int().min(0);

/** How well a method's clusters recover the human themes: means over motion-stance groups. */
export const EmergentScores = z.strictObject({ nmi: Score, ari: Score });
/** How often a method assigns an argument to its matching key point, over all arguments. */
export const GuidedScores = z.strictObject({ accuracy: Score });
/** How alike a method's clusterings with two seeds are: mean ARI over groups. */
export const StabilityScores = z.strictObject({ ari: Score });

/** One method's figures on one motion-stance group. */
export const ThemeEvalGroup = z.strictObject({
  topic: z.string(),
  stance: z.enum(['pro', 'con']),
  /** Labelled arguments (exactly one matching key point). */
  arguments: Count,
  /** Key points in the group's taxonomy, and how many of them label an argument (the true k). */
  keyPoints: Count,
  k: Count,
  /** Clusters the method returned with the first seed; -1 (unassigned) counts as one. */
  clusters: Count,
  /** Arguments left unassigned (-1) by the clustering and by the assignment. */
  unclustered: Count,
  unassigned: Count,
  nmi: Score,
  ari: Score,
  accuracy: Score,
  stabilityAri: Score,
});
export type ThemeEvalGroup = z.infer<typeof ThemeEvalGroup>;

/** One method's figures over all groups. */
export const ThemeMethodResult = z.strictObject({
  name: z.string(),
  emergent: EmergentScores,
  guided: GuidedScores,
  stability: StabilityScores,
  /** Wall time of all the method's calls, in seconds. */
  seconds: z.number().min(0),
  groups: z.array(ThemeEvalGroup),
});
export type ThemeMethodResult = z.infer<typeof ThemeMethodResult>;

/** The dev sets `brief eval themes` knows, and the seed-stability check. */
export const EvalSetId = z.enum(['argkp', 'banking77', 'cycling-de', 'stability']);
export type EvalSetId = z.infer<typeof EvalSetId>;

/**
 * A method's figures on a dev set; null where the method does not make them (k-means assigns
 * nothing to a taxonomy) or the set cannot tell (no text outside the taxonomy).
 */
export const SetFigures = z.strictObject({
  /** Singly-labelled texts assigned to their own class (taxonomy theme), over all of them. */
  guidedAccuracy: Score.nullable(),
  /** The clustering against the labels ("other" is a cluster): means over groups. */
  nmi: Score.nullable(),
  ari: Score.nullable(),
  /** Top-level emergent themes found over the true number of classes: median over groups. */
  countRatio: Score.nullable(),
  /**
   * Texts that fit no class (out of the taxonomy) against texts sent to emergent themes or
   * "other" by the guided run: the share of those sent that fit none, of those that fit none sent.
   */
  otherPrecision: Score.nullable(),
  otherRecall: Score.nullable(),
  /** ARI between the clusterings with the two seeds: mean over groups. */
  seedAri: Score.nullable(),
});
export type SetFigures = z.infer<typeof SetFigures>;

/** One row of a dev set's table: a method, with the k it was given, and its figures. */
export const SetRow = SetFigures.extend({
  /** Stable id, used in figure names such as `argkp.tool.nmi`. */
  id: z.string(),
  name: z.string(),
  /** Wall time of the method's calls, in seconds. */
  seconds: z.number().min(0),
});
export type SetRow = z.infer<typeof SetRow>;

/** A target and whether the run meets it. */
export const TargetCheck = z.strictObject({
  /** The figure's full name, e.g. `argkp.tool.guidedAccuracy`. */
  figure: z.string(),
  /** The target as shown, e.g. `>= 0.62` or `>= nearest-vectors + 0.05`. */
  target: z.string(),
  value: Score.nullable(),
  /** The value to reach (a fixed figure, or another row's figure plus the margin). */
  threshold: Score.nullable(),
  met: z.boolean(),
});
export type TargetCheck = z.infer<typeof TargetCheck>;

/** One group's size and each method's figures on it (the set's rows, by id). */
export const SetGroup = z.strictObject({
  name: z.string(),
  texts: Count,
  /** Classes with a singly-labelled text (the true k), and texts fitting no class. */
  classes: Count,
  outOfTaxonomy: Count,
  figures: z.record(z.string(), SetFigures.extend({ clusters: Count.nullable() })),
});
export type SetGroup = z.infer<typeof SetGroup>;

/** A theme the tool found, for inspection. */
export const FoundTheme = z.strictObject({ label: z.string(), passages: Count });

/** Every method's figures on one dev set, the targets, and the tool's theme labels. */
export const DevSetReport = z.strictObject({
  title: z.string(),
  /** Groups themed separately (ArgKP motion-stance groups; 1 for the other sets). */
  groups: Count,
  /** Texts with one class, classes (summed over groups), texts fitting no class. */
  texts: Count,
  classes: Count,
  outOfTaxonomy: Count,
  rows: z.array(SetRow),
  targets: z.array(TargetCheck),
  /** The top-level emergent themes of the tool's default run, largest first (when asked). */
  themes: z.array(FoundTheme),
  perGroup: z.array(SetGroup),
});
export type DevSetReport = z.infer<typeof DevSetReport>;

/** The tool's emergent themes with two seeds on one corpus, compared. */
export const StabilityRun = z.strictObject({
  passages: Count,
  ari: Score,
  /** Emergent themes found with each seed. */
  themes: z.tuple([Count, Count]),
  seconds: z.number().min(0),
});

/** Seed stability of the default emergent themes at several corpus sizes. */
export const SeedStabilityReport = z.strictObject({
  corpus: z.string(),
  runs: z.array(StabilityRun),
  targets: z.array(TargetCheck),
});
export type SeedStabilityReport = z.infer<typeof SeedStabilityReport>;

/**
 * What `brief eval themes --json` prints. `emergent`, `guided`, `stability` and `baseline` are a
 * contract: the tool with the default config ("ours") and TF-IDF + k-means, on ArgKP; they are
 * null (and `methods` empty) when the run leaves ArgKP out (`--set`). Then one report per set
 * (null when not run), and every figure by its full name.
 */
export const ThemeEvalReport = z.strictObject({
  emergent: EmergentScores.nullable(),
  guided: GuidedScores.nullable(),
  stability: StabilityScores.nullable(),
  baseline: z
    .strictObject({
      emergent: EmergentScores,
      guided: GuidedScores,
      stability: StabilityScores,
    })
    .nullable(),
  /** Motion-stance groups and labelled arguments evaluated. */
  groups: Count,
  arguments: Count,
  /** The name of the method reported as "ours", and of the baseline. */
  method: z.string().nullable(),
  baselineMethod: z.string(),
  /** The first seed's clustering is scored; the two together give stability. */
  seeds: z.tuple([z.number().int(), z.number().int()]),
  targets: z.strictObject({
    emergentNmi: Score,
    guidedAccuracy: Score,
    stabilityAri: Score,
  }),
  /** Every method's figures, per group, and its wall time. */
  methods: z.array(ThemeMethodResult),
  /** Whether this is the quick subset (`--quick`), and the ArgKP split read. */
  quick: z.boolean(),
  argkpSplit: z.enum(['train', 'dev', 'all']),
  argkp: DevSetReport.nullable(),
  banking77: DevSetReport.nullable(),
  cyclingDe: DevSetReport.nullable(),
  seedStability: SeedStabilityReport.nullable(),
  /** Every figure of the run by full name (`<set>.<row>.<figure>`), as the quality gate reads them. */
  figures: z.record(z.string(), Score),
});
export type ThemeEvalReport = z.infer<typeof ThemeEvalReport>;
