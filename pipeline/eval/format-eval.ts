// Prints the theme eval report as tables: one per dev set with its targets, then seed stability.
import type {
  DevSetReport,
  SeedStabilityReport,
  SetRow,
  TargetCheck,
  ThemeEvalReport,
} from '../../schemas/theme-eval.js';
import { maxOf } from '../arrays.js';

/** The columns of a set's table: heading and how a row's figure is shown. */
const COLUMNS: { heading: string; cell: (row: SetRow) => string }[] = [
  { heading: 'guided acc', cell: (row) => figure(row.guidedAccuracy) },
  { heading: 'NMI', cell: (row) => figure(row.nmi) },
  { heading: 'ARI', cell: (row) => figure(row.ari) },
  { heading: 'themes/k', cell: (row) => figure(row.countRatio, 2) },
  { heading: 'other P', cell: (row) => figure(row.otherPrecision) },
  { heading: 'other R', cell: (row) => figure(row.otherRecall) },
  { heading: 'seed ARI', cell: (row) => figure(row.seedAri) },
  { heading: 'time', cell: (row) => `${row.seconds.toFixed(1)} s` },
];

const LEGEND = `guided acc: texts with one class that join its theme (to "other" = wrong). NMI, ARI: emergent
themes against the classes, at the tool's own count unless the row gives k ("other" is a cluster).
themes/k: emergent themes over true classes (median). other P, R: texts fitting no class against
texts the guided run sent to emergent themes or "other". seed ARI: seeds 1 and 2 compared.
`;

/** The report as readable text: every set's table of methods beside its targets. */
export function formatThemeEvalReport(report: ThemeEvalReport): string {
  const sets = [report.argkp, report.banking77, report.cyclingDe].filter(
    (set): set is DevSetReport => set !== null,
  );
  const parts = sets.map(formatDevSet);
  if (report.seedStability) parts.push(formatStability(report.seedStability));
  const mode = report.quick ? 'quick subset (--quick)' : 'full run';
  return `Theme quality, ${mode}: the tool with the default config beside the baselines\n\n${parts.join('\n')}\n${LEGEND}`;
}

function formatDevSet(set: DevSetReport): string {
  const header = ['method', ...COLUMNS.map((c) => c.heading)];
  const body = set.rows.map((row) => [row.name, ...COLUMNS.map((c) => c.cell(row))]);
  const themes =
    set.themes.length > 0
      ? `\nThe tool's emergent themes (default run): ${set.themes
          .map((t) => `${t.label} (${t.passages})`)
          .join('; ')}\n`
      : '';
  return `${titleOf(set)}\n\n${alignColumns([header, ...body])}${formatTargets(set.targets)}${themes}`;
}

function titleOf(set: DevSetReport): string {
  const count = (n: number) => n.toLocaleString('en');
  const groups = set.groups > 1 ? `${set.groups} groups, ` : '';
  const outside = set.outOfTaxonomy > 0 ? `, ${count(set.outOfTaxonomy)} fitting none` : '';
  return `${set.title}: ${groups}${count(set.texts)} texts with one class (${count(set.classes)} classes)${outside}`;
}

function formatStability(stability: SeedStabilityReport): string {
  const header = ['passages', 'ARI', 'themes', 'time'];
  const body = stability.runs.map((run) => [
    run.passages.toLocaleString('en'),
    run.ari.toFixed(3),
    `${run.themes[0]} / ${run.themes[1]}`,
    `${run.seconds.toFixed(1)} s`,
  ]);
  const title = `Seed stability of the default emergent themes (seeds 1 and 2), ${stability.corpus}`;
  return `${title}\n\n${alignColumns([header, ...body])}${formatTargets(stability.targets)}`;
}

function formatTargets(targets: readonly TargetCheck[]): string {
  if (targets.length === 0) return '';
  const rows = targets.map((t) => [
    `  ${t.figure}`,
    figure(t.value),
    t.target,
    // A target against another row shows the value that row sets.
    t.threshold === null || !/[a-z]/.test(t.target) ? '' : `(${t.threshold.toFixed(3)})`,
    t.met ? 'met' : 'below',
  ]);
  return `\nTargets:\n${alignColumns(rows, 2)}`;
}

/** A figure with `digits` decimals, or "-" for none. */
export function figure(value: number | null, digits = 3): string {
  return value === null ? '-' : value.toFixed(digits);
}

/**
 * Left-aligns the first column (and those from `leftFrom` on) and right-aligns the others, two
 * spaces apart.
 */
export function alignColumns(
  table: readonly string[][],
  leftFrom = Number.POSITIVE_INFINITY,
): string {
  const widths = table[0]?.map((_, c) => maxOf(table.map((row) => row[c]?.length ?? 0))) ?? [];
  return table
    .map((row) =>
      row
        .map((cell, c) =>
          c === 0 || c >= leftFrom ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
