// Runs the chosen dev sets and assembles the report `brief eval themes` prints.

import type { EvalSetId, SeedStabilityReport } from '../../schemas/theme-eval.js';
import { ThemeEvalReport } from '../../schemas/theme-eval.js';
import type { ProgressEvent } from '../stage.js';
import type { MotionStanceGroup } from './datasets/argkp.js';
import { type DevSetResult, type DevSetSpec, evaluateDevSet } from './dev-set.js';
import {
  loadArgKpSet,
  loadBanking77Set,
  loadCyclingDeSet,
  loadStabilitySpec,
  type SetOptions,
} from './eval-sets.js';
import { type EvalKit, RUNS_PER_GROUP } from './group-runs.js';
import { legacyFields } from './legacy-report.js';
import { evaluateSeedStability } from './stability.js';
import { checkTargets, figuresOf } from './targets.js';

/** Options of `runThemeEval`. */
export interface RunEvalOptions extends SetOptions {
  /** The sets to run, in any order; they run in the order of `EvalSetId`. */
  sets: readonly EvalSetId[];
  /** Called after each method run. */
  progress?: (event: ProgressEvent) => void;
  /** Stops between groups with an AbortError. */
  signal?: AbortSignal | undefined;
}

/**
 * Runs each chosen set with every method and checks the targets; returns the report, with
 * every figure by its full name for the quality gate.
 */
export async function runThemeEval(
  kit: EvalKit,
  options: RunEvalOptions,
): Promise<ThemeEvalReport> {
  const run = (set: EvalSetId) => options.sets.includes(set);
  const figures: Record<string, number> = {};
  const devSet = async (set: EvalSetId, spec: DevSetSpec): Promise<DevSetResult> => {
    const total = spec.groups.length * RUNS_PER_GROUP;
    const result = await evaluateDevSet(
      spec,
      withProgress(kit, set, total, options),
      options.signal,
    );
    Object.assign(figures, figuresOf(set, result.report.rows));
    return result;
  };
  let argkp: { result: DevSetResult; groups: MotionStanceGroup[] } | null = null;
  if (run('argkp')) {
    const { spec, groups } = await loadArgKpSet(options);
    argkp = { result: await devSet('argkp', spec), groups };
  }
  const banking77 = run('banking77')
    ? await devSet('banking77', await loadBanking77Set(options))
    : null;
  const cyclingDe = run('cycling-de') ? await devSet('cycling-de', await loadCyclingDeSet()) : null;
  const seedStability = run('stability') ? await stability(kit, options, figures) : null;
  const withTargets = (set: EvalSetId, result: DevSetResult | null) =>
    result && { ...result.report, targets: checkTargets(set, figures) };
  return ThemeEvalReport.parse({
    ...legacyFields(argkp?.groups ?? [], argkp?.result.tallies ?? null, kit.seeds),
    quick: options.quick,
    argkpSplit: options.argkpSplit,
    argkp: withTargets('argkp', argkp?.result ?? null),
    banking77: withTargets('banking77', banking77),
    cyclingDe: withTargets('cycling-de', cyclingDe),
    seedStability,
    figures,
  });
}

/** The seed-stability check, its figures added to `figures`. */
async function stability(
  kit: EvalKit,
  options: RunEvalOptions,
  figures: Record<string, number>,
): Promise<SeedStabilityReport> {
  const spec = await loadStabilitySpec(options);
  const stabilityKit = withProgress(kit, 'stability', spec.sizes.length, options);
  const result = await evaluateSeedStability(spec, stabilityKit, options.signal);
  for (const { passages, ari } of result.runs) figures[`stability.${passages}.ari`] = ari;
  return { ...result, targets: checkTargets('stability', figures) };
}

function withProgress(
  kit: EvalKit,
  stage: EvalSetId,
  total: number,
  options: Pick<RunEvalOptions, 'progress'>,
): EvalKit {
  let done = 0;
  return {
    ...kit,
    step: () => options.progress?.({ stage, unit: 'runs', done: ++done, total }),
  };
}
