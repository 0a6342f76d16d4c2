import { performance } from 'node:perf_hooks';
import {
  type ThemeEvalGroup,
  ThemeEvalReport,
  type ThemeMethodResult,
} from '../../schemas/theme-eval.js';
import { AbortError, BriefError } from '../errors.js';
import type { ProgressEvent } from '../stage.js';
import type { MotionStanceGroup } from './argkp.js';
import { accuracy, adjustedRandIndex, normalisedMutualInfo } from './metrics.js';
import type { ThemeMethod } from './theme-method.js';

/** What the project's themes should reach on ArgKP. */
export const THEME_TARGETS = { emergentNmi: 0.35, guidedAccuracy: 0.6, stabilityAri: 0.8 };

/** Options of `evaluateThemes`. */
export interface EvaluateThemesOptions {
  /** The two clustering seeds: the first clustering is scored, the pair gives stability. Default [1, 2]. */
  seeds?: readonly [number, number];
  /** Milliseconds on a monotonic clock, for the wall time. Default: `performance.now`. */
  now?: () => number;
  /** Called after each group of each method. */
  progress?: (event: ProgressEvent) => void;
  /** Stops between groups with an AbortError. */
  signal?: AbortSignal;
}

/**
 * Runs every method on every motion-stance group: clustering with two seeds (emergent scores
 * and stability) and assignment to the group's key points (guided accuracy, -1 counting as
 * wrong). Emergent and stability figures are means over groups; accuracy is over all arguments.
 */
export async function evaluateThemes(
  methods: readonly ThemeMethod[],
  groups: readonly MotionStanceGroup[],
  options: EvaluateThemesOptions = {},
): Promise<ThemeMethodResult[]> {
  const results: ThemeMethodResult[] = [];
  for (const method of methods) {
    results.push(await evaluateMethod(method, groups, options));
  }
  return results;
}

async function evaluateMethod(
  method: ThemeMethod,
  groups: readonly MotionStanceGroup[],
  options: EvaluateThemesOptions,
): Promise<ThemeMethodResult> {
  const now = options.now ?? (() => performance.now());
  const figures: ThemeEvalGroup[] = [];
  let elapsed = 0;
  for (const group of groups) {
    if (options.signal?.aborted) throw new AbortError(`brief eval: interrupted in ${method.name}`);
    const start = now();
    const outputs = await runMethod(method, group, options.seeds ?? [1, 2]);
    elapsed += now() - start;
    figures.push(scoreGroup(group, outputs));
    options.progress?.({
      stage: method.name,
      unit: 'groups',
      done: figures.length,
      total: groups.length,
    });
  }
  const correct = figures.reduce((sum, g) => sum + g.accuracy * g.arguments, 0);
  const total = figures.reduce((sum, g) => sum + g.arguments, 0);
  return {
    name: method.name,
    emergent: { nmi: meanOf(figures, 'nmi'), ari: meanOf(figures, 'ari') },
    guided: { accuracy: total > 0 ? correct / total : 0 },
    stability: { ari: meanOf(figures, 'stabilityAri') },
    seconds: elapsed / 1000,
    groups: figures,
  };
}

/** A method's answers on one group: two clusterings and an assignment. */
interface MethodOutputs {
  clusters: Int32Array;
  reseeded: Int32Array;
  choices: Int32Array;
}

async function runMethod(
  method: ThemeMethod,
  group: MotionStanceGroup,
  seeds: readonly [number, number],
): Promise<MethodOutputs> {
  const k = new Set(group.labels).size;
  const taxonomy = group.keyPoints.map((keyPoint) => keyPoint.text);
  const where = `${method.name} on "${group.topic}" (${group.stance})`;
  const clusters = checked(await method.cluster(group.texts, k, seeds[0]), group, where);
  const reseeded = checked(await method.cluster(group.texts, k, seeds[1]), group, where);
  const choices = checked(await method.assign(group.texts, taxonomy), group, where);
  const outOfRange = choices.find((choice) => choice < -1 || choice >= taxonomy.length);
  if (outOfRange !== undefined) {
    throw new BriefError(
      `${where}: assigned taxonomy entry ${outOfRange}, expected -1 to ${taxonomy.length - 1}`,
    );
  }
  return { clusters, reseeded, choices };
}

function checked(labels: Int32Array, group: MotionStanceGroup, where: string): Int32Array {
  if (labels.length !== group.texts.length) {
    throw new BriefError(
      `${where}: returned ${labels.length} labels for ${group.texts.length} texts`,
    );
  }
  return labels;
}

function scoreGroup(group: MotionStanceGroup, outputs: MethodOutputs): ThemeEvalGroup {
  const { clusters, reseeded, choices } = outputs;
  return {
    topic: group.topic,
    stance: group.stance,
    arguments: group.texts.length,
    keyPoints: group.keyPoints.length,
    k: new Set(group.labels).size,
    clusters: new Set(clusters).size,
    unclustered: clusters.filter((label) => label === -1).length,
    unassigned: choices.filter((choice) => choice === -1).length,
    nmi: normalisedMutualInfo(group.labels, clusters),
    ari: adjustedRandIndex(group.labels, clusters),
    accuracy: accuracy(group.labels, choices),
    stabilityAri: adjustedRandIndex(clusters, reseeded),
  };
}

function meanOf(groups: readonly ThemeEvalGroup[], key: 'nmi' | 'ari' | 'stabilityAri') {
  return groups.length > 0 ? groups.reduce((sum, g) => sum + g[key], 0) / groups.length : 0;
}

/** Options of `createThemeEvalReport`. */
export interface ThemeEvalReportOptions {
  /** The baseline's method name. */
  baseline: string;
  seeds?: readonly [number, number];
}

/**
 * The report `brief eval themes` prints: the first method that is not the baseline is "ours"
 * (its figures null when there is none), beside the baseline's, with every method's details.
 */
export function createThemeEvalReport(
  results: readonly ThemeMethodResult[],
  options: ThemeEvalReportOptions,
): ThemeEvalReport {
  const baseline = results.find((result) => result.name === options.baseline);
  if (baseline === undefined) {
    throw new BriefError(`brief eval: the baseline "${options.baseline}" was not evaluated`);
  }
  const ours = results.find((result) => result !== baseline);
  const [seedA, seedB] = options.seeds ?? [1, 2];
  return ThemeEvalReport.parse({
    emergent: ours?.emergent ?? null,
    guided: ours?.guided ?? null,
    stability: ours?.stability ?? null,
    baseline: {
      emergent: baseline.emergent,
      guided: baseline.guided,
      stability: baseline.stability,
    },
    groups: baseline.groups.length,
    arguments: baseline.groups.reduce((sum, group) => sum + group.arguments, 0),
    method: ours?.name ?? null,
    baselineMethod: baseline.name,
    seeds: [seedA, seedB],
    targets: THEME_TARGETS,
    methods: results,
  });
}
