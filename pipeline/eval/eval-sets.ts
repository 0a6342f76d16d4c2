// The dev sets a run reads, in full or as the quick subset of `brief eval themes --quick`.
import { type ArgKpSplit, loadArgKp, type MotionStanceGroup } from './datasets/argkp.js';
import { BANKING77_DIR, loadBanking77 } from './datasets/banking77.js';
import { loadCyclingDe } from './datasets/cycling-de.js';
import { evalGroupOfArgKp } from './datasets/eval-group.js';
import type { DevSetSpec } from './dev-set.js';
import type { StabilitySpec } from './stability.js';

/** How much of each set a run reads. */
export interface SetOptions {
  /** The quick subset (the CI quality gate): see QUICK_SUBSET. */
  quick: boolean;
  /** ArgKP's split: dev by default, the motions the defaults were not tuned on. */
  argkpSplit: ArgKpSplit;
  /** Only the first this many ArgKP groups (after the quick subset). */
  limitGroups?: number | undefined;
}

/** What `--quick` reads: fixed subsets, so that its figures compare from run to run. */
export const QUICK_SUBSET = {
  /** The first ArgKP motion-stance groups of the split: all 8 of dev. */
  argkpGroups: 8,
  /** The first queries of each BANKING77 intent (all 77 intents). */
  banking77PerIntent: 20,
  stabilitySizes: [3000],
} as const;

/** The corpus sizes the full run compares seeds at. */
export const STABILITY_SIZES = [3000, 10000] as const;

/** ArgKP as a dev set, with its groups as read (the summary fields need their topics). */
export async function loadArgKpSet(
  options: SetOptions,
): Promise<{ spec: DevSetSpec; groups: MotionStanceGroup[] }> {
  const all = await loadArgKp(undefined, options.argkpSplit);
  const limit = Math.min(
    options.quick ? QUICK_SUBSET.argkpGroups : all.length,
    options.limitGroups ?? all.length,
  );
  const groups = all.slice(0, limit);
  const split = options.argkpSplit === 'all' ? 'train and dev' : options.argkpSplit;
  return {
    spec: { title: `IBM ArgKP (${split})`, groups: groups.map(evalGroupOfArgKp) },
    groups,
  };
}

/** BANKING77's test queries, or the first of each intent in a quick run. */
export async function loadBanking77Set(options: SetOptions): Promise<DevSetSpec> {
  const perIntent = options.quick ? QUICK_SUBSET.banking77PerIntent : undefined;
  const group = await loadBanking77(perIntent === undefined ? {} : { perIntent });
  const subset = perIntent === undefined ? 'test' : `test, first ${perIntent} of each intent`;
  return { title: `BANKING77 (${subset})`, groups: [group] };
}

/** The German cycling consultation, whole in either run; the tool's themes are listed. */
export async function loadCyclingDeSet(): Promise<DevSetSpec> {
  return {
    title: 'Cycling Dialogues Köln-Ehrenfeld and Moers (German)',
    groups: [await loadCyclingDe()],
    listThemes: true,
  };
}

/** BANKING77's train and test queries together, sampled at 3,000 (and 10,000 in a full run). */
export async function loadStabilitySpec(options: SetOptions): Promise<StabilitySpec> {
  const [train, test] = await Promise.all([
    loadBanking77({ dir: BANKING77_DIR, file: 'train.csv' }),
    loadBanking77({ dir: BANKING77_DIR, file: 'test.csv' }),
  ]);
  return {
    corpus: 'BANKING77 train and test queries',
    texts: [...train.texts, ...test.texts],
    language: 'en',
    sizes: options.quick ? QUICK_SUBSET.stabilitySizes : STABILITY_SIZES,
  };
}
