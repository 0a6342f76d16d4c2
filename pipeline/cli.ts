import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ExportThreads, exportBrief } from './brief/export.js';
import { defaultCacheDir } from './cache-dir.js';
import { configForCommand, initCommand } from './cli-init.js';
import { costOption, providerOption, threadsOption } from './cli-options.js';
import { createProgressReporter, type OutputStream } from './cli-progress.js';
import { formatDryRun, formatRunReport } from './cli-report.js';
import { diskError } from './disk-errors.js';
import { withDotEnv } from './dot-env.js';
import { BriefError, UsageError } from './errors.js';
import { EVAL_OPTIONS, runEvalCommand } from './eval/cli-eval.js';
import { PACKAGE } from './package-info.js';
import { reviewCommand } from './review/cli-review.js';
import { defaultRunFolder } from './run-folder.js';
import { runPipeline } from './runner.js';
import type { Logger } from './stage.js';
import { STAGE_NAMES, STAGES, type StageName } from './stages/index.js';
import { defaultThreads } from './workers/pool.js';

/** The signal of a command that cannot be interrupted. */
const NEVER = new AbortController().signal;

/** The process-facing parts the CLI uses, passed in so tests run it in-process. */
export interface CliEnvironment {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: OutputStream;
  stderr: OutputStream;
  cwd?: string;
  /** Aborted on Ctrl-C by the binary; stages stop at the next safe point. */
  signal?: AbortSignal;
}

const USAGE = `Usage: brief <command> [options]

Commands:
  run CONFIG        run the pipeline on a consultation config (consultation.yaml)
  run FILE          the same from a data file (.csv .tsv .xlsx .json .jsonl): infers a
                    config, says what it took for what, writes it beside the file for
                    editing (consultation.yaml) and runs it; a config there that already
                    reads FILE is used as it is
  init FILE         only write the inferred config (--out CONFIG, default
                    consultation.yaml beside FILE; never over an existing file)
${STAGES.filter((s) => s.name !== 'review')
  .map((s) => `  ${s.name.padEnd(16)}  ${s.summary} (runs what it needs first)`)
  .join('\n')}
  review CONFIG     open the review app on the run folder, to rename, merge, split and
                    move themes, exclude passages, pin quotes and approve themes:
                    --port, --host, --no-open, --reviewer NAME; or without a browser:
                    --export FILE (.csv or .xlsx, one row per passage), --import FILE
  export FILE       turn a brief into PDF, HTML and/or Word: FILE is its Markdown
                    (brief.md, edited or not) or a brief.docx edited in Word;
                    --pdf, --html, --docx, --out FILE (with one format), --page-size
  eval themes       score the tool's themes against human labels on the dev sets
                    (ArgKP, BANKING77, cycling-de, seed stability) beside baselines;
                    options --set, --quick, --gate, --json (see \`brief eval --help\`)
  eval synthesis    score the statement reading (kinds, stance, standing alone) on labelled
                    sentences beside baselines; --statements FILE, --predictions FILE,
                    --gate FILE, --json; with a model: --config CONFIG, --provider NAME
  help              show this help

Options:
  --out DIR         run folder (default: outputs/<config folder name>)
  --from STAGE      re-run from this stage even if cached (${STAGE_NAMES.join(', ')})
  --to STAGE        stop after this stage
  --verbose         more detail, and stack traces on errors
  --quiet           print only errors and the run folder
  --provider NAME   language model: offline (default), openai or openai-compatible
                    (overrides llm.provider; the key comes from OPENAI_API_KEY, the
                    server from llm.baseUrl or OPENAI_BASE_URL, also read from .env)
  --dry-run         print the tokens and cost a run would take, and call no model
  --max-cost USD    stop before the model calls would cost more than this
  --batch           send the synthesis's model requests through the OpenAI Batch API:
                    half the price, answers within 24 hours (llm.batch)
  --wait            when another run holds the run folder, wait for it (default: fail)
  --wait-timeout T  give up waiting after T: minutes, or a duration such as 90s, 30m
                    or 2h (default 30m; implies --wait)
  --strict-paths    refuse input files outside the config's folder
  --page-size SIZE  PDF and Word paper: a4 (default) or letter
  --date DATE       the production date the brief shows (YYYY-MM-DD; default today)
  --threads N       worker threads for cleaning and the PDF and Word export (default:
                    the machine's cores; 1 runs all in one thread); outputs are the same
  --help, -h        show this help
  --version         show the version

Example:
  brief run examples/bowling-green/consultation.yaml --out outputs/bg
`;

const OPTIONS = {
  out: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  verbose: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  pdf: { type: 'boolean', default: false },
  html: { type: 'boolean', default: false },
  docx: { type: 'boolean', default: false },
  'page-size': { type: 'string', default: 'a4' },
  date: { type: 'string' },
  threads: { type: 'string' },
  provider: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  'max-cost': { type: 'string' },
  batch: { type: 'boolean', default: false },
  wait: { type: 'boolean', default: false },
  'wait-timeout': { type: 'string' },
  'strict-paths': { type: 'boolean', default: false },
  version: { type: 'boolean', default: false },
  port: { type: 'string' },
  host: { type: 'string' },
  'no-open': { type: 'boolean', default: false },
  reviewer: { type: 'string' },
  export: { type: 'string' },
  import: { type: 'string' },
} as const;

/** Runs the CLI and returns the exit code: 0 ok, 1 failed, 2 usage error, 130 interrupted. */
export async function main(environment: CliEnvironment): Promise<number> {
  const { stdout, stderr } = environment;
  let verbose = environment.argv.includes('--verbose');
  try {
    if (commandOf(environment.argv) === 'eval')
      return await runEvalCommand(environment.argv, {
        ...environment,
        env: withDotEnv(environment.env, environment.cwd ?? process.cwd()),
        cacheDir: defaultCacheDir(environment.env),
      });
    const { values, positionals } = parseCommandLine(environment.argv);
    verbose = values.verbose;
    if (values.version) return print(stdout, `${PACKAGE.name} ${PACKAGE.version}\n`);
    const [command, given, ...extra] = positionals;
    if (values.help || command === undefined || command === 'help') return print(stdout, USAGE);
    const exportOptions = {
      pageSize: pageSizeOption(values['page-size']),
      date: dateOption(values.date),
    };
    const threads = threadsOption(values.threads);
    if (command === 'init') return print(stdout, await initCommand(positionals, values.out));
    let configPath = given;
    if (command === 'export') {
      if (configPath === undefined)
        throw new UsageError('`brief export` needs a brief, e.g. brief.md or brief.docx');
      if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"`);
      const warn = (message: string) => stderr.write(`warning: ${message}\n`);
      const parallel = {
        threads: threads ?? defaultThreads(),
        signal: environment.signal ?? NEVER,
      };
      return print(stdout, await exportCommand(configPath, values, exportOptions, warn, parallel));
    }
    if (command !== 'run' && !isStageName(command)) {
      throw new UsageError(
        `Unknown command "${command}"; commands are run, init, ${STAGE_NAMES.join(', ')}, export, eval, help`,
      );
    }
    if (configPath === undefined)
      throw new UsageError(`\`brief ${command}\` needs a config file, e.g. consultation.yaml`);
    if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"`);
    const logger = createLogger(stderr, { verbose: values.verbose, quiet: values.quiet });
    configPath = await configForCommand(command, configPath, logger.info);
    const from = command === 'run' ? stageOption(values.from, '--from') : command;
    const to = command === 'run' ? stageOption(values.to, '--to') : command;
    const progress = values.quiet ? undefined : createProgressReporter(stderr);
    const common = {
      configPath,
      // The same model in the review app as in `brief run`, so its themes and rebuilt brief match.
      provider: providerOption(values.provider),
      cacheDir: defaultCacheDir(environment.env),
      logger,
      progress: progress?.report,
      signal: environment.signal,
      date: exportOptions.date,
      pageSize: exportOptions.pageSize,
      wait: values.wait || values['wait-timeout'] !== undefined,
      waitTimeoutMs: waitTimeoutOption(values['wait-timeout']),
      strictPaths: values['strict-paths'],
      threads,
    };
    const llm = {
      maxCost: costOption(values['max-cost']),
      env: withDotEnv(environment.env, environment.cwd ?? process.cwd()),
    };
    if (command === 'review') {
      return await reviewCommand(
        { ...common, llm, outDir: values.out ?? defaultRunFolder(configPath) },
        {
          export: values.export,
          import: values.import,
          host: values.host,
          port: values.port,
          open: !values['no-open'],
          reviewer: values.reviewer,
        },
        stdout,
      ).finally(() => progress?.done());
    }
    const summary = await runPipeline({
      ...common,
      llm: { ...llm, dryRun: values['dry-run'], ...(values.batch ? { batch: true } : {}) },
      outDir: values.out,
      from,
      to,
    }).finally(() => progress?.done());
    if (values['dry-run']) return print(stdout, formatDryRun(summary));
    const where = displayPath(summary.outDir, environment.cwd ?? process.cwd());
    stdout.write(values.quiet ? `${where}\n` : await formatRunReport(summary, where));
    return 0;
  } catch (error) {
    return reportError(error, stderr, verbose);
  }
}

/** A path relative to the working directory when it lies inside it, else absolute. */
function displayPath(path: string, cwd: string): string {
  const inside = relative(cwd, path);
  return inside === '' ? '.' : inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (cause) {
    throw new UsageError(`${(cause as Error).message}. See \`brief --help\`.`, { cause });
  }
}

/** The first positional argument, read leniently so that `eval` may bring its own options. */
function commandOf(argv: readonly string[]): string | undefined {
  const options = { ...OPTIONS, ...EVAL_OPTIONS };
  return parseArgs({ args: [...argv], options, allowPositionals: true, strict: false })
    .positionals[0];
}

/**
 * `brief export FILE [--pdf] [--html] [--docx] [--out FILE]`: the formats asked for, else PDF and
 * HTML; FILE is brief Markdown or a .docx edited in Word.
 */
async function exportCommand(
  input: string,
  values: { pdf: boolean; html: boolean; docx: boolean; out?: string | undefined },
  options: { pageSize: 'A4' | 'LETTER'; date: string },
  warn: (message: string) => void,
  threads: ExportThreads,
): Promise<string> {
  const asked = [values.pdf, values.html, values.docx].filter(Boolean).length;
  const [pdf, html] = asked === 0 ? [true, true] : [values.pdf, values.html];
  if (values.out && asked !== 1) {
    throw new UsageError('`--out` names one file: use it with one of --pdf, --html and --docx');
  }
  const stem = input.replace(/\.(md|markdown|docx)$/i, '');
  const docx = values.docx ? (values.out ?? `${stem}.docx`) : undefined;
  if (docx !== undefined && resolve(docx) === resolve(input)) {
    throw new UsageError(`--docx would write over ${input}: give another file with --out`);
  }
  const written = await exportBrief(
    input,
    {
      pdf: pdf ? (values.out ?? `${stem}.pdf`) : undefined,
      html: html ? (values.out ?? `${stem}.html`) : undefined,
      docx,
    },
    options,
    warn,
    threads,
  );
  return `${written.map((file) => `wrote ${file.path}`).join('\n')}\n`;
}

function pageSizeOption(value: string): 'A4' | 'LETTER' {
  const size = value.toUpperCase();
  if (size === 'A4' || size === 'LETTER') return size;
  throw new UsageError(`--page-size "${value}": use a4 or letter`);
}

function dateOption(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().slice(0, 10);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  throw new UsageError(`--date "${value}": use YYYY-MM-DD`);
}

const DURATION_UNITS_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `--wait-timeout`: a number of minutes, or a number with a unit (s, m, h). */
function waitTimeoutOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*$/i.exec(value);
  const unit = DURATION_UNITS_MS[match?.[2]?.toLowerCase() || 'm'] ?? 0;
  const ms = Math.round(Number(match?.[1]) * unit);
  if (match && ms > 0) return ms;
  throw new UsageError(
    `--wait-timeout "${value}": give minutes, or a duration such as 90s, 30m or 2h`,
  );
}

function isStageName(name: string): name is StageName {
  return (STAGE_NAMES as readonly string[]).includes(name);
}

function stageOption(value: string | undefined, flag: string): StageName | undefined {
  if (value === undefined || isStageName(value)) return value;
  throw new UsageError(`${flag} "${value}" is not a stage; stages are ${STAGE_NAMES.join(', ')}`);
}

function createLogger(stderr: OutputStream, mode: { verbose: boolean; quiet: boolean }): Logger {
  return {
    debug: (message) => mode.verbose && stderr.write(`${message}\n`),
    info: (message) => !mode.quiet && stderr.write(`${message}\n`),
    warn: (message) => stderr.write(`warning: ${message}\n`),
  };
}

function print(stream: OutputStream, text: string): number {
  stream.write(text);
  return 0;
}

function reportError(thrown: unknown, stderr: OutputStream, verbose: boolean): number {
  // A full disk or a refused write met outside the writers (a folder, the lock) is one clear line too.
  const error = thrown instanceof BriefError ? thrown : (diskError(thrown) ?? thrown);
  if (error instanceof BriefError && error.name === 'AbortError') {
    stderr.write(
      'brief: interrupted; finished stages are kept and the next run resumes after them\n',
    );
    return 130;
  }
  const message =
    error instanceof BriefError ? error.message : `unexpected error: ${String(error)}`;
  stderr.write(`brief: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  else if (!(error instanceof BriefError))
    stderr.write('(run with --verbose for the stack trace)\n');
  return error instanceof UsageError ? 2 : 1;
}
