import { accountFor, formatAccountingTable } from './clean/accounting.js';
import { formatUsd, type Usage, usedModel } from './llm/cost.js';
import type { RunSummary } from './runner.js';
import { formatFindingsSummary } from './synthesis/findings/findings-summary.js';
import { formatThemesTable } from './themes/themes-table.js';

/** The text the CLI prints after a run: what each stage did, the accounting, the themes and the files. */
export async function formatRunReport(summary: RunSummary, where: string): Promise<string> {
  const lines = [`${summary.config.config.title}`, ''];
  for (const stage of summary.stages) {
    const how = stage.status === 'cached' ? 'cached' : `ran in ${seconds(stage.record.ms)}`;
    const model =
      stage.status === 'ran' && stage.record.usage ? `; ${formatUsage(stage.record.usage)}` : '';
    lines.push(
      `  ${stage.name.padEnd(10)} ${how.padEnd(14)} ${formatCounts(stage.record.counts)}${model}`,
    );
  }
  const exported = summary.exported;
  if (exported) {
    const how = exported.status === 'cached' ? 'cached' : `ran in ${seconds(exported.record.ms)}`;
    const files = exported.record.files.map((file) => file.file).join(', ');
    lines.push(`  ${'export'.padEnd(10)} ${how.padEnd(14)} ${files}`);
  }
  if (summary.llm && usedModel(summary.llm.usage)) {
    const via = summary.llm.batch ? ' (the synthesis through the Batch API, at half price)' : '';
    lines.push('', `Language model, this run: ${formatUsage(summary.llm.usage)}${via}`);
    if (summary.llm.fallbacks > 0) {
      lines.push(
        `  ${summary.llm.fallbacks} part(s) kept the offline text: their replies did not match the schema`,
      );
    }
  }
  const cached = summary.stages.filter((stage) => stage.status === 'cached').length;
  if (cached === summary.stages.length && exported?.status !== 'ran') {
    lines.push('', `Nothing changed since the last run: all ${cached} stages came from cache.`);
  }
  if (summary.stages.some((stage) => stage.name === 'clean')) {
    lines.push('', formatAccountingTable(accountFor(await summary.load('clean'))).trimEnd());
  }
  if (summary.stages.some((stage) => stage.name === 'themes')) {
    lines.push('', await themesTable(summary));
  }
  if (summary.stages.some((stage) => stage.name === 'synthesise')) {
    lines.push('', formatFindingsSummary(await summary.load('findings')));
  }
  const files = [
    'manifest.json',
    ...summary.stages.map((stage) => stage.record.artifact.file),
    ...(exported?.record.files.map((file) => file.file) ?? []),
  ];
  lines.push('', `Run folder: ${where}`, `  ${files.join('  ')}`, '');
  return lines.join('\n');
}

/**
 * The themes as the brief uses them: the reviewed ones when the review stage ran on a review
 * log (so the facilitators' decisions show), else those the themes stage found.
 */
async function themesTable(summary: RunSummary): Promise<string> {
  if (summary.stages.some((stage) => stage.name === 'review')) {
    const reviewed = await summary.load('reviewed');
    if (reviewed.review.reviewed) return formatThemesTable(reviewed, 'Reviewed themes');
  }
  return formatThemesTable(await summary.load('themes'));
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

/** What a dry run found: per stage and in total, the requests, tokens and cost a run would take. */
export function formatDryRun(summary: RunSummary): string {
  const lines = [`${summary.config.config.title}: dry run, no model was called`, ''];
  for (const stage of summary.stages) {
    if (stage.record.usage)
      lines.push(`  ${stage.name.padEnd(10)} ${formatUsage(stage.record.usage)}`);
  }
  const usage = summary.llm?.usage;
  lines.push(
    '',
    usage
      ? `Estimated: ${formatUsage(usage)}. Completions are estimated from the offline results' length.${summary.llm?.batch ? ' The synthesis goes through the Batch API: its requests at half the live price.' : ''}`
      : 'The provider is offline: no model is called, and a run costs nothing.',
    '',
  );
  return lines.join('\n');
}

/** `12 requests (3 from cache), 45,678 tokens (40,000 prompt + 5,678 completion), $0.0123`. */
export function formatUsage(usage: Usage): string {
  const tokens = usage.promptTokens + usage.completionTokens;
  const cached =
    usage.cached > 0 ? ` (${usage.cached.toLocaleString('en')} answered from cache)` : '';
  return `${usage.requests.toLocaleString('en')} model requests${cached}, ${tokens.toLocaleString('en')} tokens (${usage.promptTokens.toLocaleString('en')} prompt + ${usage.completionTokens.toLocaleString('en')} completion), ${formatUsd(usage.cost)}`;
}
