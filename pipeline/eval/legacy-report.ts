// The report's first fields, as before the dev sets: the tool and TF-IDF + k-means on ArgKP.
import type {
  ThemeEvalGroup,
  ThemeEvalReport,
  ThemeMethodResult,
} from '../../schemas/theme-eval.js';
import type { MotionStanceGroup } from './datasets/argkp.js';
import type { RowId, RowTally } from './group-runs.js';
import { BASELINE_NAME } from './methods/baselines.js';
import { meanOf } from './metrics.js';

/** What the tool should reach on ArgKP (issue 12); the sets' targets are in `targets.ts`. */
export const THEME_TARGETS = { emergentNmi: 0.35, guidedAccuracy: 0.62, stabilityAri: 0.8 };

/** The name the report gives the tool. */
export const TOOL_NAME =
  'tool (default config: offline vectors, modularity cut, guided outlier rule)';

/** The ArgKP summary fields of the JSON report. */
export type LegacyFields = Pick<
  ThemeEvalReport,
  | 'emergent'
  | 'guided'
  | 'stability'
  | 'baseline'
  | 'groups'
  | 'arguments'
  | 'method'
  | 'baselineMethod'
  | 'seeds'
  | 'targets'
  | 'methods'
>;

/** Which rows of the set's table make up each method of the summary. */
const METHOD_ROWS = {
  tool: { emergent: 'tool', guided: 'tool', rows: ['tool'] },
  baseline: {
    emergent: 'tfidf-kmeans-true-k',
    guided: 'nearest-tfidf',
    rows: ['tfidf-kmeans-true-k', 'nearest-tfidf'],
  },
} as const satisfies Record<string, { emergent: RowId; guided: RowId; rows: readonly RowId[] }>;

/**
 * The summary fields from the ArgKP set's tallies (null figures and no methods without them):
 * ours is the tool's default run, the baseline TF-IDF + k-means with the true k and the nearest
 * key point by TF-IDF cosine.
 */
export function legacyFields(
  groups: readonly MotionStanceGroup[],
  tallies: readonly Map<RowId, RowTally>[] | null,
  seeds: readonly [number, number],
): LegacyFields {
  const common = {
    baselineMethod: BASELINE_NAME,
    seeds: [seeds[0], seeds[1]] as [number, number],
    targets: THEME_TARGETS,
  };
  if (tallies === null) {
    const none = { emergent: null, guided: null, stability: null, baseline: null };
    return { ...none, ...common, groups: 0, arguments: 0, method: null, methods: [] };
  }
  const baseline = methodResult(BASELINE_NAME, METHOD_ROWS.baseline, groups, tallies);
  const tool = methodResult(TOOL_NAME, METHOD_ROWS.tool, groups, tallies);
  const scores = ({ emergent, guided, stability }: ThemeMethodResult) => ({
    emergent,
    guided,
    stability,
  });
  return {
    ...scores(tool),
    baseline: scores(baseline),
    ...common,
    groups: groups.length,
    arguments: groups.reduce((sum, group) => sum + group.texts.length, 0),
    method: TOOL_NAME,
    methods: [baseline, tool],
  };
}

function methodResult(
  name: string,
  rows: (typeof METHOD_ROWS)[keyof typeof METHOD_ROWS],
  groups: readonly MotionStanceGroup[],
  tallies: readonly Map<RowId, RowTally>[],
): ThemeMethodResult {
  const figures = groups.map((group, g) => {
    const byRow = tallies[g] as Map<RowId, RowTally>;
    return groupFigures(group, byRow.get(rows.emergent), byRow.get(rows.guided));
  });
  const correct = figures.reduce((sum, g) => sum + g.accuracy * g.arguments, 0);
  const total = figures.reduce((sum, g) => sum + g.arguments, 0);
  const mean = (key: 'nmi' | 'ari' | 'stabilityAri') => meanOf(figures.map((g) => g[key])) ?? 0;
  const seconds = tallies.reduce(
    (sum, byRow) => sum + rows.rows.reduce((s, id) => s + (byRow.get(id)?.seconds ?? 0), 0),
    0,
  );
  return {
    name,
    emergent: { nmi: mean('nmi'), ari: mean('ari') },
    guided: { accuracy: total > 0 ? correct / total : 0 },
    stability: { ari: mean('stabilityAri') },
    seconds,
    groups: figures,
  };
}

function groupFigures(
  group: MotionStanceGroup,
  emergent: RowTally | undefined,
  guided: RowTally | undefined,
): ThemeEvalGroup {
  const clustering = emergent?.emergent;
  const assignment = guided?.guided;
  return {
    topic: group.topic,
    stance: group.stance,
    arguments: group.texts.length,
    keyPoints: group.keyPoints.length,
    k: new Set(group.labels).size,
    clusters: clustering?.distinct ?? 0,
    unclustered: clustering?.unclustered ?? 0,
    unassigned: assignment?.unassigned ?? 0,
    nmi: clustering?.nmi ?? 0,
    ari: clustering?.ari ?? 0,
    accuracy: assignment && assignment.labelled > 0 ? assignment.correct / assignment.labelled : 0,
    stabilityAri: emergent?.seedAri ?? 0,
  };
}
