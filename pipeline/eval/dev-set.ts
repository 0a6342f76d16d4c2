// Evaluates every method on a dev set's groups and sums the tallies into the set's figures.
import type { DevSetReport, SetFigures, SetGroup, SetRow } from '../../schemas/theme-eval.js';
import { AbortError } from '../errors.js';
import type { EvalGroup } from './datasets/eval-group.js';
import { singlyLabelled, trueCount } from './datasets/eval-group.js';
import {
  type EvalKit,
  type GuidedTally,
  type RowId,
  type RowTally,
  runGroup,
  SET_ROWS,
} from './group-runs.js';
import type { ToolCorpus } from './methods/tool.js';
import { meanOf, medianOf, shareOf } from './metrics.js';

/** A dev set to evaluate: its groups, and whether to list the tool's emergent themes. */
export interface DevSetSpec {
  title: string;
  groups: readonly EvalGroup[];
  /** List the labels of the tool's emergent themes on the first group (default false). */
  listThemes?: boolean;
}

/** A set's figures and the tallies they came from, per group (the legacy report reads these). */
export interface DevSetResult {
  report: Omit<DevSetReport, 'targets'>;
  tallies: Map<RowId, RowTally>[];
}

/**
 * Runs every method on every group of the set, one group at a time (stopping between groups
 * when `signal` is aborted), and sums up: accuracy and "other" precision and recall over all
 * texts, NMI, ARI and seed ARI as means over groups, the count ratio as their median.
 */
export async function evaluateDevSet(
  spec: DevSetSpec,
  kit: EvalKit,
  signal?: AbortSignal,
): Promise<DevSetResult> {
  const tallies: Map<RowId, RowTally>[] = [];
  for (const group of spec.groups) {
    if (signal?.aborted) throw new AbortError(`brief eval: interrupted in ${spec.title}`);
    tallies.push(await runGroup(group, kit));
  }
  const first = spec.groups[0];
  const themes =
    spec.listThemes && first
      ? await kit.tool.labels(
          {
            texts: singlyLabelled(first).texts,
            language: first.language,
            taxonomy: [],
          } satisfies ToolCorpus,
          kit.seeds[0],
        )
      : [];
  const rows = SET_ROWS.map(({ id, name }) => rowOf(id, name, tallies, spec.groups));
  return {
    report: {
      title: spec.title,
      groups: spec.groups.length,
      texts: sum(spec.groups.map((g) => g.labels.filter((label) => label >= 0).length)),
      classes: sum(spec.groups.map(trueCount)),
      outOfTaxonomy: sum(spec.groups.map((g) => g.labels.filter((label) => label === -1).length)),
      rows,
      themes,
      perGroup: spec.groups.map((group, i) => groupOf(group, tallies[i] as Map<RowId, RowTally>)),
    },
    tallies,
  };
}

function rowOf(
  id: RowId,
  name: string,
  tallies: readonly Map<RowId, RowTally>[],
  groups: readonly EvalGroup[],
): SetRow {
  const of = tallies.map((byRow) => byRow.get(id) as RowTally);
  const guided = of.flatMap((t) => (t.guided ? [t.guided] : []));
  const emergent = of.flatMap((t, g) =>
    t.emergent ? [{ ...t.emergent, k: trueCount(groups[g] as EvalGroup) }] : [],
  );
  return {
    id,
    name,
    ...guidedFigures(guided),
    nmi: meanOf(emergent.map((e) => e.nmi)),
    ari: meanOf(emergent.map((e) => e.ari)),
    countRatio: choosesCount(id)
      ? medianOf(emergent.map((e) => e.themes / Math.max(1, e.k)))
      : null,
    seedAri: meanOf(of.flatMap((t) => (t.seedAri === undefined ? [] : [t.seedAri]))),
    seconds: sum(of.map((t) => t.seconds)),
  };
}

/** Accuracy and "other" precision and recall, summed over the groups' texts. */
function guidedFigures(tallies: readonly GuidedTally[]) {
  const total = (key: keyof GuidedTally) => sum(tallies.map((t) => t[key]));
  const outside = total('outOfTaxonomy');
  return {
    guidedAccuracy: tallies.length > 0 ? shareOf(total('correct'), total('labelled')) : null,
    otherPrecision: outside > 0 ? (shareOf(total('sentOutOfTaxonomy'), total('sent')) ?? 0) : null,
    otherRecall: shareOf(total('sentOutOfTaxonomy'), outside),
  };
}

function groupOf(group: EvalGroup, tallies: Map<RowId, RowTally>): SetGroup {
  const figures: SetGroup['figures'] = {};
  for (const [id, tally] of tallies) {
    const guided = tally.guided ? guidedFigures([tally.guided]) : null;
    const emergent = tally.emergent;
    const k = trueCount(group);
    figures[id] = {
      guidedAccuracy: guided?.guidedAccuracy ?? null,
      nmi: emergent?.nmi ?? null,
      ari: emergent?.ari ?? null,
      countRatio: emergent && choosesCount(id) ? emergent.themes / Math.max(1, k) : null,
      otherPrecision: guided?.otherPrecision ?? null,
      otherRecall: guided?.otherRecall ?? null,
      seedAri: tally.seedAri ?? null,
      clusters: emergent?.themes ?? null,
    } satisfies SetFigures & { clusters: number | null };
  }
  return {
    name: group.name,
    texts: group.texts.length,
    classes: trueCount(group),
    outOfTaxonomy: group.labels.filter((label) => label === -1).length,
    figures,
  };
}

/** Rows whose theme count is the tool's own doing (k-means is given its k). */
function choosesCount(id: RowId): boolean {
  return id === 'tool' || id === 'tool-true-k';
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
