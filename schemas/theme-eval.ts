import { z } from 'zod';

const Score = z.number();

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
  arguments: z.number().int().min(0),
  /** Key points in the group's taxonomy, and how many of them label an argument (the true k). */
  keyPoints: z.number().int().min(0),
  k: z.number().int().min(0),
  /** Clusters the method returned with the first seed; -1 (unassigned) counts as one. */
  clusters: z.number().int().min(0),
  /** Arguments left unassigned (-1) by the clustering and by the assignment. */
  unclustered: z.number().int().min(0),
  unassigned: z.number().int().min(0),
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

/**
 * What `brief eval themes --json` prints. `emergent`, `guided`, `stability` and `baseline` are a
 * contract: the project's method ("ours", null when there is none) and TF-IDF + k-means.
 */
export const ThemeEvalReport = z.strictObject({
  emergent: EmergentScores.nullable(),
  guided: GuidedScores.nullable(),
  stability: StabilityScores.nullable(),
  baseline: z.strictObject({
    emergent: EmergentScores,
    guided: GuidedScores,
    stability: StabilityScores,
  }),
  /** Motion-stance groups and labelled arguments evaluated. */
  groups: z.number().int().min(0),
  arguments: z.number().int().min(0),
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
});
export type ThemeEvalReport = z.infer<typeof ThemeEvalReport>;
