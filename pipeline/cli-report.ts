import { accountFor, formatAccountingTable } from './clean/accounting.js';
import type { RunSummary } from './runner.js';
import { formatFindingsSummary } from './synthesis/findings-summary.js';
import { formatThemesTable } from './themes/themes-table.js';

/** The text the CLI prints after a run: what each stage did, the accounting, the themes and the files. */
export async function formatRunReport(
  summary: RunSummary,
  where: string,
  exported: readonly string[] = [],
): Promise<string> {
  const lines = [`${summary.config.config.title}`, ''];
  for (const stage of summary.stages) {
    const how = stage.status === 'cached' ? 'cached' : `ran in ${seconds(stage.record.ms)}`;
    lines.push(`  ${stage.name.padEnd(10)} ${how.padEnd(14)} ${formatCounts(stage.record.counts)}`);
  }
  const cached = summary.stages.filter((stage) => stage.status === 'cached').length;
  if (cached === summary.stages.length) {
    lines.push('', `Nothing changed since the last run: all ${cached} stages came from cache.`);
  }
  if (summary.stages.some((stage) => stage.name === 'clean')) {
    lines.push('', formatAccountingTable(accountFor(await summary.load('clean'))).trimEnd());
  }
  if (summary.stages.some((stage) => stage.name === 'themes')) {
    lines.push('', formatThemesTable(await summary.load('themes')));
  }
  if (summary.stages.some((stage) => stage.name === 'synthesise')) {
    lines.push('', formatFindingsSummary(await summary.load('findings')));
  }
  const files = [
    'manifest.json',
    ...summary.stages.map((stage) => stage.record.artifact.file),
    ...exported,
  ];
  lines.push('', `Run folder: ${where}`, `  ${files.join('  ')}`, '');
  return lines.join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** `{ records: 896, renamedIds: 0, rejected: 289 }` as `896 records, 289 rejected`. */
function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, value]) => value !== 0)
    .map(
      ([name, value]) =>
        `${value.toLocaleString('en')} ${name.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`,
    )
    .join(', ');
}
