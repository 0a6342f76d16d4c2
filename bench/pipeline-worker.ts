// Runs the pipeline in a process of its own, so its peak memory is measured alone, and prints
// one JSON line with the timings, counts and peak RSS (overall, and the high-water mark as each
// stage finished, so the stage that set the peak shows), and the size of the exported files.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCacheDir } from '../pipeline/cache-dir.js';
import { runPipeline } from '../pipeline/runner.js';
import type { StageName } from '../pipeline/stages/index.js';

const [configPath, outDir, to] = process.argv.slice(2);
if (!configPath || !outDir) throw new Error('usage: pipeline-worker CONFIG OUT [STAGE]');
const silent = { debug() {}, info() {}, warn() {} };
const peakMb = () => process.resourceUsage().maxRSS / 1024;
const peaks = new Map<string, number>();
const started = performance.now();
const summary = await runPipeline({
  configPath,
  outDir,
  to: to as StageName | undefined,
  logger: silent,
  cacheDir: defaultCacheDir(process.env),
  onStageDone: (name) => peaks.set(name, peakMb()),
});
const ms = performance.now() - started;
const exported = summary.exported
  ? [
      {
        name: 'export',
        status: summary.exported.status,
        ms: summary.exported.record.ms,
        counts: {},
      },
    ]
  : [];
process.stdout.write(
  `${JSON.stringify({
    ms,
    maxRssMb: peakMb(),
    stages: [
      ...summary.stages.map((s) => ({
        name: s.name,
        status: s.status,
        ms: s.record.ms,
        counts: s.record.counts,
      })),
      ...exported,
    ].map((s) => ({ ...s, maxRssMb: peaks.get(s.name) ?? 0 })),
    files: fileSizes(outDir),
  })}\n`,
);

/** The run folder's report, brief and sources files by name, in bytes. */
function fileSizes(dir: string): Record<string, number> {
  const wanted = /^(report\.html|brief\.(pdf|docx)|sources\.csv(\.gz)?)$/;
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => wanted.test(name))
      .map((name) => [name, statSync(join(dir, name)).size]),
  );
}
