import { parseArgs } from 'node:util';
import { createProgressReporter, type OutputStream } from '../cli-progress.js';
import { UsageError } from '../errors.js';
import { loadArgKp } from './argkp.js';
import { BASELINE_NAME } from './baseline.js';
import { formatThemeEvalTable } from './format-eval.js';
import { createThemeMethods } from './methods.js';
import { createThemeEvalReport, evaluateThemes, THEME_TARGETS } from './themes-eval.js';

/** The options of `brief eval`, beside the CLI's common ones. */
export const EVAL_OPTIONS = {
  json: { type: 'boolean', default: false },
  'limit-groups': { type: 'string' },
} as const;

const OPTIONS = {
  ...EVAL_OPTIONS,
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const EVAL_USAGE = `Usage: brief eval themes [--json] [--limit-groups N]

Scores the theme methods against human labels on IBM ArgKP (eval/argkp): arguments on 28
motions, grouped by motion and stance, each matched by annotators to one expert key point.

  emergent NMI, ARI   clusters against the key point labels, mean over groups
  guided accuracy     arguments assigned to their own key point, over all arguments
  stability ARI       agreement of the clusterings with seeds 1 and 2, mean over groups

Our method is compared with the baseline (TF-IDF + k-means with the true k, nearest key point
by TF-IDF cosine). Targets: emergent NMI >= ${THEME_TARGETS.emergentNmi}, guided accuracy >= ${THEME_TARGETS.guidedAccuracy}, stability ARI >= ${THEME_TARGETS.stabilityAri}.

Options:
  --json              print the report as JSON (per-group figures included)
  --limit-groups N    evaluate only the first N motion-stance groups
  --verbose           stack traces on errors
  --help, -h          show this help
`;

/** Where `brief eval` writes, and the signal that stops it between groups. */
export interface EvalEnvironment {
  stdout: OutputStream;
  stderr: OutputStream;
  signal?: AbortSignal | undefined;
  /** Where converted models are cached (see `defaultCacheDir`). */
  cacheDir: string;
}

/**
 * Runs `brief eval ...` (argv starts with "eval"): prints the report on stdout and progress on
 * stderr. Returns the exit code; throws a UsageError for a bad command line.
 */
export async function runEvalCommand(
  argv: readonly string[],
  environment: EvalEnvironment,
): Promise<number> {
  const { values, positionals } = parseEvalArgs(argv);
  if (values.help) {
    environment.stdout.write(EVAL_USAGE);
    return 0;
  }
  const [, target, ...extra] = positionals;
  if (target === undefined) throw new UsageError('`brief eval` needs what to evaluate: themes');
  if (target !== 'themes') throw new UsageError(`Unknown eval "${target}"; the only one is themes`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"`);
  const limit = parseLimit(values['limit-groups']);
  const groups = (await loadArgKp()).slice(0, limit);
  const progress = createProgressReporter(environment.stderr);
  const methods = await createThemeMethods(environment.cacheDir);
  const results = await evaluateThemes(methods, groups, {
    progress: progress.report,
    ...(environment.signal ? { signal: environment.signal } : {}),
  }).finally(() => progress.done());
  const report = createThemeEvalReport(results, { baseline: BASELINE_NAME });
  environment.stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : formatThemeEvalTable(report),
  );
  return 0;
}

function parseEvalArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new UsageError(`${(cause as Error).message}. See \`brief eval --help\`.`, { cause });
  }
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`Expected \`--limit-groups\` to be an integer >= 1, got \`${value}\``);
  }
  return limit;
}
