import type { ThemeEvalReport, ThemeMethodResult } from '../../schemas/theme-eval.js';
import { maxOf } from '../arrays.js';

interface Row {
  label: string;
  value: (result: ThemeMethodResult) => number;
  target?: number;
}

/**
 * The report as a side-by-side table: ours (when there is a method of ours), the baseline and
 * the targets, with whether ours meets each; then the wall time of each method.
 */
export function formatThemeEvalTable(report: ThemeEvalReport): string {
  const ours = report.methods.find((method) => method.name === report.method);
  const baseline = report.methods.find((method) => method.name === report.baselineMethod);
  if (baseline === undefined) throw new Error('The report has no baseline figures');
  const { targets } = report;
  const rows: Row[] = [
    { label: 'emergent NMI', value: (m) => m.emergent.nmi, target: targets.emergentNmi },
    { label: 'emergent ARI', value: (m) => m.emergent.ari },
    { label: 'guided accuracy', value: (m) => m.guided.accuracy, target: targets.guidedAccuracy },
    { label: 'stability ARI', value: (m) => m.stability.ari, target: targets.stabilityAri },
  ];
  const columns = ours ? [ours, baseline] : [baseline];
  const header = [
    '',
    ...(ours ? [`ours (${ours.name})`] : []),
    `baseline (${baseline.name})`,
    'target',
  ];
  const body = rows.map((row) => [
    row.label,
    ...columns.map((m) =>
      m === ours ? withVerdict(row.value(m), row.target) : row.value(m).toFixed(3),
    ),
    row.target === undefined ? '' : `>= ${row.target.toFixed(2)}`,
  ]);
  const pad = ' '.repeat(' below'.length);
  const time = [
    'time',
    ...columns.map((m) => `${m.seconds.toFixed(1)} s${m === ours ? pad : ''}`),
    '',
  ];
  const title =
    `Theme quality on IBM ArgKP: ${report.groups} motion-stance groups, ` +
    `${report.arguments.toLocaleString('en')} labelled arguments`;
  const note = ours
    ? ''
    : '\nNo method of ours is registered yet (pipeline/eval/methods.ts): the baseline alone.\n';
  return `${title}\n\n${alignColumns([header, ...body, time])}${note}`;
}

/** The figure and whether it meets the target, padded so that the figures line up. */
function withVerdict(value: number, target: number | undefined): string {
  const verdict = target === undefined ? '' : value >= target ? 'met' : 'below';
  return `${value.toFixed(3)} ${verdict.padEnd('below'.length)}`;
}

/** Left-aligns the first column and right-aligns the others, two spaces apart. */
function alignColumns(table: readonly string[][]): string {
  const widths = table[0]?.map((_, c) => maxOf([...table.map((row) => row[c]?.length ?? 0)]));
  return table
    .map((row) =>
      row
        .map((cell, c) =>
          c === 0 ? cell.padEnd(widths?.[c] ?? 0) : cell.padStart(widths?.[c] ?? 0),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}
