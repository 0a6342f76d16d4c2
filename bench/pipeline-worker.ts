// Runs the pipeline in a process of its own, so its peak memory is measured alone, and prints
// one JSON line with the timings, counts and peak RSS.
import { defaultCacheDir } from '../pipeline/cache-dir.js';
import { runPipeline } from '../pipeline/runner.js';
import type { StageName } from '../pipeline/stages/index.js';

const [configPath, outDir, to] = process.argv.slice(2);
if (!configPath || !outDir) throw new Error('usage: pipeline-worker CONFIG OUT [STAGE]');
const silent = { debug() {}, info() {}, warn() {} };
const started = performance.now();
const summary = await runPipeline({
  configPath,
  outDir,
  to: to as StageName | undefined,
  logger: silent,
  cacheDir: defaultCacheDir(process.env),
});
const ms = performance.now() - started;
process.stdout.write(
  `${JSON.stringify({
    ms,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    stages: summary.stages.map((s) => ({
      name: s.name,
      status: s.status,
      ms: s.record.ms,
      counts: s.record.counts,
    })),
  })}\n`,
);
