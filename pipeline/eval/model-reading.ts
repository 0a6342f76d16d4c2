// `brief eval synthesis` with a model: the service a run would read statements with (a config's
// `llm:` block, `--provider`), its answers cached under the cache folder, and what it read.
import { join } from 'node:path';
import { LlmConfig, type LlmProvider, PrivacyConfig } from '../../schemas/consultation.js';
import type { LabelledStatement, StatementReaderReport } from '../../schemas/statement-eval.js';
import { loadConsultation } from '../config.js';
import { createLlmService } from '../llm/create-llm.js';
import type { LlmService } from '../llm/llm-service.js';
import { redactOptionsOf } from '../nlp/redact.js';
import type { Logger, ProgressEvent } from '../stage.js';
import { type LineReading, readLinesWithModel } from '../synthesis/model/read-lines.js';
import { asksYesOrNo } from '../synthesis/reading/answer-openings.js';
import { contributionKey } from './statement-set.js';

/** The folder under the cache folder whose `cache/` holds the eval's model answers. */
const EVAL_MODEL_DIR = 'eval-synthesis';

/** How the eval configures the model, as `brief run` does. */
export interface EvalModelOptions {
  /** A consultation config whose `llm:` and `privacy:` blocks are used; undefined: defaults. */
  configPath?: string | undefined;
  /** Overrides `llm.provider` (`--provider`). */
  provider?: LlmProvider | undefined;
  /** USD; overrides `llm.maxCost` (`--max-cost`). */
  maxCost?: number | undefined;
}

/** What the service needs from the command: the environment (with `.env`), where to cache. */
export interface EvalModelContext {
  env: Readonly<Record<string, string | undefined>>;
  /** A writable cache folder; answers go to `<cacheDir>/eval-synthesis/cache/`. */
  cacheDir: string;
  logger: Logger;
  signal: AbortSignal;
  progress?: ((event: ProgressEvent) => void) | undefined;
}

/** The model that reads the lines, and the settings it reads them with. */
export interface EvalModel {
  llm: LlmService;
  config: LlmConfig;
}

/**
 * The model a run with this config would read statements with; null when it would read them by
 * the rules (provider offline, the default, or `llm.readStatements` off). A ConfigError names a
 * bad config, a missing key or server address.
 */
export async function createEvalModel(
  options: EvalModelOptions,
  context: EvalModelContext,
): Promise<EvalModel | null> {
  const loaded =
    options.configPath === undefined ? null : await loadConsultation(options.configPath);
  const base = loaded?.config.llm ?? LlmConfig.parse({});
  const config = { ...base, provider: options.provider ?? base.provider };
  if (config.provider === 'offline' || !config.readStatements) return null;
  const llm = await createLlmService(
    { env: context.env, maxCost: options.maxCost },
    {
      config,
      configPath: loaded?.path ?? '--provider',
      outDir: join(context.cacheDir, EVAL_MODEL_DIR),
      logger: context.logger,
      signal: context.signal,
      progress: context.progress,
      redact: redactOptionsOf(loaded?.config.privacy ?? PrivacyConfig.parse({})),
    },
  );
  if (llm === null) return null;
  // Progress lines name what the calls are for.
  llm.stage = 'eval synthesis';
  return { llm, config };
}

/**
 * Reads the lines' kinds and their contributions' stance with the model (`readLinesWithModel`,
 * the run's batches, prompts and checks). Returns the readings by line id, for
 * `readStatements`, and the report: lines whose kinds, and contributions on a yes/no question
 * whose position, the model read or left to the rules (a missing or invalid reply), and usage.
 */
export async function readWithModel(
  items: readonly LabelledStatement[],
  { llm, config }: EvalModel,
): Promise<{ readings: Map<string, LineReading>; reading: StatementReaderReport }> {
  const readings = await readLinesWithModel(items, llm, {
    model: config.models.reading,
    batchSize: config.readingBatchSize,
    maxPromptTokens: config.maxPromptTokens,
  });
  const kindsRead = items.filter((item) => readings.get(item.id)?.kinds != null).length;
  const positions = new Map<string, boolean>();
  for (const item of items) {
    if (item.question === null || !asksYesOrNo(item.question)) continue;
    positions.set(contributionKey(item), readings.get(item.id)?.stance != null);
  }
  const stanceRead = [...positions.values()].filter(Boolean).length;
  return {
    readings,
    reading: {
      reader: `model ${config.models.reading}`,
      model: {
        kinds: { model: kindsRead, rules: items.length - kindsRead },
        stance: { model: stanceRead, rules: positions.size - stanceRead },
        usage: llm.usage(),
      },
    },
  };
}
