// `brief eval themes`: runs the dev sets, prints the tables or JSON, and applies the quality gate;
// `brief eval synthesis`: scores the statement reading on labelled sentences, with its own gate.
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { QualityGate } from '../../schemas/quality-gate.js';
import type { LabelledStatement, StatementReaderReport } from '../../schemas/statement-eval.js';
import { EvalSetId } from '../../schemas/theme-eval.js';
import { writeFileAtomic } from '../atomic-write.js';
import { usableCacheDir } from '../cache-dir.js';
import { costOption, providerOption } from '../cli-options.js';
import { createProgressReporter, type OutputStream } from '../cli-progress.js';
import { BriefError, DiskError, UsageError } from '../errors.js';
import { loadWordVectors } from '../nlp/word-vectors.js';
import { PACKAGE_ROOT } from '../package-info.js';
import type { ArgKpSplit } from './datasets/argkp.js';
import { QUICK_SUBSET } from './eval-sets.js';
import { formatThemeEvalReport } from './format-eval.js';
import { formatStatementEvalReport } from './format-synthesis-eval.js';
import { createToolRunner } from './methods/tool.js';
import { createEvalModel, readWithModel } from './model-reading.js';
import {
  checkQualityGate,
  formatGateChecks,
  gateFailures,
  loadQualityGate,
  QUALITY_GATE_FILE,
} from './quality-gate.js';
import { runThemeEval } from './run-eval.js';
import { evaluateStance } from './stance-eval.js';
import { predictionOf, type ReadStatement, readStatements } from './statement-reading.js';
import { defaultStatementFiles, loadLabelledStatements } from './statement-set.js';
import { evaluateStatements } from './synthesis-eval.js';

/** The options of `brief eval`, beside the CLI's common ones. */
export const EVAL_OPTIONS = {
  json: { type: 'boolean', default: false },
  set: { type: 'string', multiple: true },
  quick: { type: 'boolean', default: false },
  gate: { type: 'string' },
  'limit-groups': { type: 'string' },
  'argkp-split': { type: 'string', default: 'dev' },
  statements: { type: 'string', multiple: true },
  predictions: { type: 'string' },
  config: { type: 'string' },
  provider: { type: 'string' },
  'max-cost': { type: 'string' },
} as const;

const OPTIONS = {
  ...EVAL_OPTIONS,
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export const EVAL_USAGE = `Usage: brief eval themes [--set SET] [--quick] [--gate FILE] [--json] [--limit-groups N]
       brief eval synthesis [--statements FILE.jsonl]... [--predictions OUT.jsonl] [--gate FILE] [--json]
                            [--config CONFIG] [--provider NAME] [--max-cost USD]

Scores the tool's themes, as the default config makes them, against human labels on the dev
sets, each beside its baselines (TF-IDF and SIF + k-means at the true k and at the tool's k,
the nearest taxonomy theme by the tool's vectors and by TF-IDF, always the largest theme):

  argkp        IBM ArgKP, per motion-stance group (eval/argkp): key points as the taxonomy,
               arguments matching none as the out-of-taxonomy class
  banking77    BANKING77 test queries (eval/banking77): 77 intents as the taxonomy
  cycling-de   German cycling consultation (eval/cycling-de): 8 categories, German names
  stability    the default emergent themes with seeds 1 and 2 on 3,000 and 10,000 queries

brief eval synthesis scores the statement reading against hand-labelled sentences (one JSON
object a line: id, source, language, question, text, context, kinds, stance, standsAlone; see
eval/statements/README.md), by default every eval/statements/*.jsonl. Per source, per language
and overall: precision and recall per kind, praise or nothing_to_change read as proposal or
concern, the contributions' stance on their question (share decided, accuracy among those) and
the precision of "stands alone", each beside a baseline (cue words; the opening yes or no; every
sentence stands alone) and the targets of issue 21. It also reads each ArgKP argument's stance
on its motion against ArgKP's pro/con labels, beside the majority side. With a model configured
(--config, --provider) the lines' kinds and stance are read by the model as a run reads them,
the rules reading whatever its replies leave out; answers are cached under the cache folder
(eval-synthesis/cache), so a re-run makes no requests. The ArgKP rows are always the rules'.

Options:
  --set SET           run only these sets (repeatable, or a comma list); default: all
  --quick             the CI subset: ${QUICK_SUBSET.argkpGroups} ArgKP groups, ${QUICK_SUBSET.banking77PerIntent} queries per BANKING77 intent,
                      cycling-de whole, stability at 3,000; checks eval/quality-gate.json
  --gate FILE         check the figures against this gate file (minimum per figure name);
                      exit code 1 naming each figure below its minimum (synthesis: the
                      statements.* and stance.* figures)
  --statements FILE   synthesis: score this labelled file instead (repeatable)
  --predictions FILE  synthesis: write the tool's reading of each line there, one JSON object
                      a line: id, kinds, stance, standsAlone
  --config CONFIG     synthesis: read with the model of this consultation config's llm: block
                      (provider, baseUrl, models.reading, readingBatchSize, prices, ...)
  --provider NAME     synthesis: offline (default), openai or openai-compatible, as for
                      \`brief run\` (the key from OPENAI_API_KEY, the server from llm.baseUrl or
                      OPENAI_BASE_URL, also read from .env)
  --max-cost USD      synthesis: stop before the model calls would cost more than this
  --json              print the report as JSON (per-group figures, every figure by name)
  --limit-groups N    evaluate only the first N ArgKP motion-stance groups
  --argkp-split S     ArgKP motions to read: dev (default), train or all
  --verbose           stack traces on errors
  --help, -h          show this help
`;

/** Where `brief eval` writes, and the signal that stops it between groups. */
export interface EvalEnvironment {
  stdout: OutputStream;
  stderr: OutputStream;
  signal?: AbortSignal | undefined;
  /** Where converted models and the eval's model answers are cached (see `defaultCacheDir`). */
  cacheDir: string;
  /** The environment with `.env` under it: `OPENAI_API_KEY`, `OPENAI_BASE_URL`. */
  env: Readonly<Record<string, string | undefined>>;
}

/**
 * Runs `brief eval ...` (argv starts with "eval"): prints the report on stdout and progress on
 * stderr. Returns the exit code: 1 when a figure is below its quality-gate minimum. Throws a
 * UsageError for a bad command line.
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
  if (target === undefined) {
    throw new UsageError('`brief eval` needs what to evaluate: themes or synthesis');
  }
  if (target !== 'themes' && target !== 'synthesis') {
    throw new UsageError(`Unknown eval "${target}"; the evals are themes and synthesis`);
  }
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"`);
  for (const option of ['statements', 'predictions', 'config', 'provider', 'max-cost'] as const) {
    if (target === 'themes' && values[option] !== undefined)
      throw new UsageError(`\`--${option}\` is an option of \`brief eval synthesis\``);
  }
  if (target === 'synthesis') return runSynthesisEval(values, environment);
  const sets = parseSets(values.set);
  const options = {
    sets,
    quick: values.quick,
    argkpSplit: parseSplit(values['argkp-split']),
    limitGroups: parseLimit(values['limit-groups']),
  };
  const gatePath = values.gate ?? (values.quick ? QUALITY_GATE_FILE : undefined);
  const gate = gatePath === undefined ? null : await loadQualityGate(gatePath);
  const progress = createProgressReporter(environment.stderr);
  const words = await loadWordVectors(environment.cacheDir);
  const kit = { tool: createToolRunner(words), words, seeds: [1, 2] as const };
  const report = await runThemeEval(kit, {
    ...options,
    progress: progress.report,
    signal: environment.signal,
  }).finally(() => progress.done());
  const { stdout, stderr } = environment;
  stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : formatThemeEvalReport(report),
  );
  if (gate === null || gatePath === undefined) return 0;
  return applyGate(gate, gatePath, report.figures, sets, {
    // JSON on stdout stays parseable: the gate's table goes to stderr then.
    table: values.json ? stderr : stdout,
    errors: stderr,
  });
}

/** The figure families `brief eval synthesis` makes, as the gate's first name part. */
const SYNTHESIS_FIGURES = ['statements', 'stance'] as const;

/**
 * `brief eval synthesis`: the statement reading on the labelled files and the stance rules on
 * ArgKP; writes the predictions when asked; exit code 1 when a gate figure is below its minimum.
 */
async function runSynthesisEval(
  values: SynthesisValues,
  environment: EvalEnvironment,
): Promise<number> {
  const gate = values.gate === undefined ? null : await loadQualityGate(values.gate);
  const files = values.statements ?? (await defaultStatementFiles());
  const items = (await loadLabelledStatements(files)).map((line) => line.item);
  const { read, reading } = await readLines(items, values, environment);
  if (values.predictions !== undefined) await writePredictions(values.predictions, read);
  // Files as given, the repo's own relative to the package.
  const shown = values.statements ?? files.map((file) => relative(PACKAGE_ROOT, file));
  const report = evaluateStatements(read, await evaluateStance(), shown, reading);
  const { stdout, stderr } = environment;
  stdout.write(
    values.json ? `${JSON.stringify(report, null, 2)}\n` : formatStatementEvalReport(report),
  );
  if (gate === null || values.gate === undefined) return 0;
  return applyGate(gate, values.gate, report.figures, SYNTHESIS_FIGURES, {
    table: values.json ? stderr : stdout,
    errors: stderr,
  });
}

interface SynthesisValues {
  json: boolean;
  statements?: string[];
  predictions?: string;
  gate?: string;
  config?: string;
  provider?: string;
  'max-cost'?: string;
}

/**
 * The lines read by the rules, or by the model `--config` and `--provider` configure (the rules
 * reading what its replies leave out); with who read them. Model warnings and progress go to
 * stderr.
 */
async function readLines(
  items: readonly LabelledStatement[],
  values: SynthesisValues,
  environment: EvalEnvironment,
): Promise<{ read: ReadStatement[]; reading: StatementReaderReport }> {
  const { stderr } = environment;
  const logger = {
    debug: () => {},
    info: () => {},
    warn: (m: string) => stderr.write(`warning: ${m}\n`),
  };
  const options = {
    configPath: values.config,
    provider: providerOption(values.provider),
    maxCost: costOption(values['max-cost']),
  };
  const progress = createProgressReporter(stderr);
  const configured = options.configPath !== undefined || options.provider !== undefined;
  const model = configured
    ? await createEvalModel(options, {
        env: environment.env,
        cacheDir: await usableCacheDir(environment.cacheDir, logger),
        logger,
        signal: environment.signal ?? new AbortController().signal,
        progress: progress.report,
      })
    : null;
  if (model === null)
    return { read: readStatements(items), reading: { reader: 'rules', model: null } };
  const { readings, reading } = await readWithModel(items, model).finally(() => progress.done());
  return { read: readStatements(items, readings), reading };
}

/** Writes the tool's reading of each line, one JSON object a line; a DiskError names the file. */
async function writePredictions(path: string, read: readonly ReadStatement[]): Promise<void> {
  const lines = read.map((line) => `${JSON.stringify(predictionOf(line))}\n`);
  await writeFileAtomic(path, lines).catch((cause: unknown) => {
    if (cause instanceof BriefError) throw cause;
    const why = (cause as NodeJS.ErrnoException).code ?? (cause as Error).message;
    throw new DiskError(`${path}: cannot write the predictions: ${why}`, path, { cause });
  });
}

/** Prints the gate's checks and one line per failure; returns the exit code (1 on a failure). */
function applyGate(
  gate: QualityGate,
  path: string,
  figures: Readonly<Record<string, number>>,
  sets: readonly string[],
  streams: { table: OutputStream; errors: OutputStream },
): number {
  const checks = checkQualityGate(gate, figures, sets);
  streams.table.write(`\n${formatGateChecks(checks, relative(PACKAGE_ROOT, path) || path)}`);
  const failures = gateFailures(checks);
  for (const failure of failures) streams.errors.write(`brief eval: quality gate: ${failure}\n`);
  return failures.length > 0 ? 1 : 0;
}

function parseEvalArgs(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new UsageError(`${(cause as Error).message}. See \`brief eval --help\`.`, { cause });
  }
}

/** The sets of `--set` values (each a comma list), in the canonical order; all when none. */
export function parseSets(values: readonly string[] | undefined): EvalSetId[] {
  if (values === undefined) return [...EvalSetId.options];
  const named = values.flatMap((value) => value.split(',')).map((name) => name.trim());
  for (const name of named) {
    if (!EvalSetId.safeParse(name).success) {
      throw new UsageError(
        `Unknown set "${name}" for \`--set\`; the sets are ${EvalSetId.options.join(', ')}`,
      );
    }
  }
  return EvalSetId.options.filter((set) => named.includes(set));
}

function parseSplit(value: string): ArgKpSplit {
  if (value === 'dev' || value === 'train' || value === 'all') return value;
  throw new UsageError(`Expected \`--argkp-split\` to be dev, train or all, got \`${value}\``);
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new UsageError(`Expected \`--limit-groups\` to be an integer >= 1, got \`${value}\``);
  }
  return limit;
}
