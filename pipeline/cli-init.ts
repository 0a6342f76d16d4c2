// `brief init FILE` and `brief run FILE`: a config inferred from a data file, written for editing.
import { access, open, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { loadConsultation } from './config.js';
import { UsageError } from './errors.js';
import { describeInference, formatConfigYaml } from './infer/config-yaml.js';
import { inferConfig } from './infer/infer-config.js';

/** Extensions of the data files a config can be inferred from. */
const DATA_EXTENSIONS = new Set(['.csv', '.tsv', '.xlsx', '.json', '.jsonl', '.ndjson']);

/**
 * Whether `path` names a data file (by extension) rather than a config. A `.json` file holding an
 * object is a config, as it always was (YAML reads JSON); one holding an array is data.
 */
async function isDataFile(path: string): Promise<boolean> {
  const extension = extname(path).toLowerCase();
  if (!DATA_EXTENSIONS.has(extension)) return false;
  return extension !== '.json' || (await firstCharacter(path)) !== '{';
}

/** The first character of a file that is not a byte-order mark or white space; '' if none. */
async function firstCharacter(path: string): Promise<string> {
  const file = await open(path).catch(() => null);
  if (file === null) return '';
  try {
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(4096) });
    return /[^\s\uFEFF]/u.exec(buffer.subarray(0, bytesRead).toString('utf8'))?.[0] ?? '';
  } finally {
    await file.close();
  }
}

/** `brief init FILE [--out CONFIG]`, given the command line's positionals: what it prints. */
export async function initCommand(
  positionals: readonly string[],
  out: string | undefined,
): Promise<string> {
  const [, file, ...extra] = positionals;
  if (file === undefined) throw new UsageError('`brief init` needs a data file, e.g. export.csv');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}"`);
  const { lines } = await initConfig(file, out);
  return `${lines.join('\n')}\n`;
}

/**
 * The config `brief COMMAND PATH` reads: PATH itself, or for `run` with a data file the config
 * found or written beside it (see {@link configForDataFile}), after `info` is told what it took.
 */
export async function configForCommand(
  command: string,
  path: string,
  info: (line: string) => void,
): Promise<string> {
  if (!(await isDataFile(path))) return path;
  if (command !== 'run') {
    throw new UsageError(
      `\`brief ${command}\` needs a config, not the data file ${path}: \`brief run ${path}\` or \`brief init ${path}\` writes one`,
    );
  }
  const found = await configForDataFile(path);
  for (const line of found.lines) info(line);
  // Absolute, so that the default run folder is named after the data file's folder even from inside it.
  return resolve(found.configPath);
}

/** A config written (or found) for a data file, and the lines that say what it took for what. */
interface ConfigForData {
  configPath: string;
  lines: string[];
}

/**
 * `brief init FILE [--out CONFIG]`: infers a config from `dataPath` and writes it to `out`
 * (default: `consultation.yaml` beside the data file), never over an existing file.
 */
async function initConfig(dataPath: string, out?: string): Promise<ConfigForData> {
  const configPath = out ?? join(dirname(dataPath), 'consultation.yaml');
  if (await exists(configPath)) {
    throw new UsageError(
      `${configPath} exists; \`brief init\` does not overwrite it: delete it or name another file with --out`,
    );
  }
  return writeInferred(dataPath, configPath);
}

/**
 * The config `brief run FILE` runs: beside the data file, `consultation.yaml` (else
 * `<name>.consultation.yaml` when that name is taken by a config of other files). A config there
 * that already reads this file is used as it is, edits and all; else one is inferred and written.
 */
async function configForDataFile(dataPath: string): Promise<ConfigForData> {
  const stem = basename(dataPath, extname(dataPath));
  const candidates = ['consultation.yaml', `${stem}.consultation.yaml`].map((name) =>
    join(dirname(dataPath), name),
  );
  for (const configPath of candidates) {
    if (!(await exists(configPath))) return writeInferred(dataPath, configPath);
    if (await readsFile(configPath, dataPath)) {
      return {
        configPath,
        lines: [
          `using ${configPath}, which reads ${basename(dataPath)} (delete it to infer again)`,
        ],
      };
    }
  }
  throw new UsageError(
    `${candidates.join(' and ')} exist and read other files; write a config with \`brief init ${dataPath} --out FILE\` and run that`,
  );
}

async function writeInferred(dataPath: string, configPath: string): Promise<ConfigForData> {
  const inferred = await inferConfig(dataPath, dirname(resolve(configPath)));
  await writeFile(configPath, formatConfigYaml(inferred), { flag: 'wx' });
  return {
    configPath,
    lines: [...describeInference(inferred), `wrote ${configPath}: edit it to change any of this`],
  };
}

/**
 * Whether the config at `configPath` lists `dataPath` among its input files. A config that does
 * not load stops the run with its error: it may be the user's edit of the one written before.
 */
async function readsFile(configPath: string, dataPath: string): Promise<boolean> {
  const loaded = await loadConsultation(configPath);
  const target = resolve(dataPath);
  return loaded.config.input.files.some((file) => resolve(loaded.dir, file.path) === target);
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
