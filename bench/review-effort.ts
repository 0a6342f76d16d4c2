// `npm run bench -- review-effort --gold FILE.csv [--json]`: a facilitator's effort to correct the themes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { stringify as csv } from 'csv-stringify/sync';
import { stringify as yaml } from 'yaml';
import { InputError } from '../pipeline/errors.js';
import { readCsvRows } from '../pipeline/eval/datasets/csv-rows.js';
import { createReviewApp } from '../pipeline/review/app.js';
import { REVIEW_BASE_FILE, REVIEW_FILE } from '../pipeline/review/review-log.js';
import { reviewSessionOf } from '../pipeline/review/session.js';
import { type RunOptions, type RunSummary, runPipeline } from '../pipeline/runner.js';
import { GoldRow, type ReviewEffortReport } from '../schemas/review-effort.js';
import { reviewClient } from './review-effort-client.js';
import {
  type SimulationOptions,
  type SimulationResult,
  simulateReview,
} from './review-effort-sim.js';

/** What the bench is run on. */
export interface ReviewEffortOptions {
  /** The gold CSV: columns `text` and `theme`, optional `id`. */
  gold: string;
  /** Print the `ReviewEffortReport` JSON only. */
  json: boolean;
  /** Where converted models are cached (see `defaultCacheDir`). */
  cacheDir: string;
  /**
   * Wrong passages of one theme the facilitator ticks before moving them and looking at the
   * suggestions that follow (default 2).
   */
  batch?: number;
}

/** The agreement the facilitator works to, and how many suggestions the app shows at a time. */
const TARGET = 0.9;
const SHOWN = 20;

const TOKEN = 'review-effort-bench-token-0123456789';
const silent = { debug() {}, info() {}, warn() {} };

/**
 * Builds a consultation from the gold file in a temp folder, runs the pipeline to the review
 * stage, and simulates a facilitator correcting the themes toward the gold labels through the
 * app's API, with suggestions and then (on a fresh review) without.
 */
export async function benchReviewEffort(options: ReviewEffortOptions): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-bench-effort-'));
  try {
    const { configPath, gold } = await writeConsultation(options.gold, dir);
    const runOptions: RunOptions = {
      configPath,
      outDir: join(dir, 'out'),
      cacheDir: options.cacheDir,
      logger: silent,
      date: '2026-01-01',
    };
    const started = performance.now();
    const run = await runPipeline({ ...runOptions, to: 'review' });
    const pipelineMs = performance.now() - started;
    const batch = options.batch ?? 2;
    const simulate = (withSuggestions: boolean) =>
      simulateOnRun(run, { ...runOptions, holdsLock: true }, gold, {
        withSuggestions,
        target: TARGET,
        batch,
        limit: SHOWN,
      });
    const withSuggestions = await simulate(true);
    const withoutSuggestions = await simulate(false);
    const report: ReviewEffortReport = {
      withSuggestions: figures(withSuggestions.result),
      withoutSuggestions: figures(withoutSuggestions.result),
    };
    if (options.json) return JSON.stringify(report);
    return [
      `review effort on ${options.gold}: ${gold.size.toLocaleString('en')} contributions, ` +
        `${new Set(gold.values()).size} gold themes (pipeline ${(pipelineMs / 1000).toFixed(1)} s); ` +
        `moves of ${batch} ticked passages, ${SHOWN} suggestions shown at a time`,
      describe('with suggestions', withSuggestions.result, withSuggestions.ms),
      describe('without suggestions', withoutSuggestions.result, withoutSuggestions.ms),
      describeMisfits(withSuggestions.result.misfits),
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes the gold file's texts as a consultation in `dir`; returns its config and the labels. */
async function writeConsultation(
  goldPath: string,
  dir: string,
): Promise<{ configPath: string; gold: Map<string, string> }> {
  const rows = await readCsvRows(dirname(goldPath), basename(goldPath), GoldRow);
  const gold = new Map<string, string>();
  const records = rows.map(({ row, line }) => {
    const id = row.id ?? `row-${line}`;
    if (gold.has(id))
      throw new InputError(`${basename(goldPath)}:${line}: id ${id} appears twice`, goldPath, line);
    gold.set(id, row.theme);
    return { id, text: row.text };
  });
  await writeFile(join(dir, 'contributions.csv'), csv(records, { header: true }));
  const configPath = join(dir, 'consultation.yaml');
  await writeFile(configPath, yaml(consultation(goldPath)));
  return { configPath, gold };
}

/** Opens the app on the run with no review yet and lets the facilitator work through it. */
async function simulateOnRun(
  run: RunSummary,
  runOptions: RunOptions,
  gold: ReadonlyMap<string, string>,
  settings: SimulationOptions,
): Promise<{ result: SimulationResult; ms: number }> {
  await rm(join(run.outDir, REVIEW_FILE), { force: true });
  await rm(join(run.outDir, REVIEW_BASE_FILE), { force: true });
  const session = await reviewSessionOf(run);
  const { app } = createReviewApp(session, {
    token: TOKEN,
    hosts: null,
    reviewer: 'bench',
    run: runOptions,
    assets: new Map(),
  });
  const client = await reviewClient(app, TOKEN);
  const started = performance.now();
  const result = await simulateReview(client, gold, settings);
  return { result, ms: performance.now() - started };
}

function consultation(gold: string) {
  return {
    title: `Review effort: ${basename(gold)}`,
    input: { files: ['contributions.csv'], fields: { id: 'id', text: 'text' } },
  };
}

function figures(result: SimulationResult): ReviewEffortReport['withSuggestions'] {
  const { mustMove, tickedByHand, decisions, agreement } = result;
  return { mustMove, tickedByHand, decisions, agreement: Math.round(agreement * 10000) / 10000 };
}

function describe(what: string, result: SimulationResult, ms: number): string {
  const share = result.mustMove === 0 ? 0 : result.tickedByHand / result.mustMove;
  const precision =
    result.shown === 0 ? '' : `, ${result.accepted} of ${result.shown} suggestions right`;
  return (
    `  ${what.padEnd(20)} ${result.tickedByHand} of ${result.mustMove} passages to move ticked by hand ` +
    `(${(share * 100).toFixed(1)}%), ${result.decisions} decisions, agreement ` +
    `${(result.agreement * 100).toFixed(1)}%${precision} (${(ms / 1000).toFixed(1)} s)`
  );
}

function describeMisfits({ flagged, wrong, wrongShare }: SimulationResult['misfits']): string {
  const share = flagged === 0 ? 0 : wrong / flagged;
  return (
    `  misfits once named   ${wrong} of ${flagged} flagged passages in the wrong theme ` +
    `(${(share * 100).toFixed(1)}%; ${(wrongShare * 100).toFixed(1)}% of all passages in themes are)`
  );
}
