// What a run writes in its run folder, and the guard that keeps those paths off the user's inputs.
import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ARTIFACTS, REVIEW_SUMMARY_FILE } from './artifacts.js';
import { tempFileOwner } from './atomic-write.js';
import { ASSIGNMENTS_CSV } from './brief/assignments.js';
import { CHARTS_DIR } from './brief/charts.js';
import { SOURCES_CSV, SOURCES_CSV_GZ } from './brief/sources-csv.js';
import type { LoadedConfig } from './config.js';
import { diskError } from './disk-errors.js';
import { UsageError } from './errors.js';
import { type InputFileRef, listInputFiles } from './input-sources.js';
import { BATCHES_DIR } from './llm/batch-store.js';
import { RESPONSE_CACHE_DIR } from './llm/response-cache.js';
import { REVIEW_BASE_FILE, REVIEW_FILE } from './review/review-log.js';
import { EXPORT_FILES } from './run-export.js';
import { LOCK_FILE } from './run-lock.js';
import { STAGE_NAMES } from './stages/index.js';
import { warningsFile } from './warning-details.js';

/** The run folder's record of what produced it. */
export const MANIFEST_FILE = 'manifest.json';

const artifactFiles = Object.values(ARTIFACTS).map((artifact) => artifact.file);

/** Every file a run may write at the top of its run folder (edited copies of artifacts too). */
const RUN_FOLDER_FILES: readonly string[] = [
  MANIFEST_FILE,
  LOCK_FILE,
  REVIEW_FILE,
  REVIEW_BASE_FILE,
  ...artifactFiles,
  ...artifactFiles.map((file) => `${file}.edited`),
  ...Object.values(EXPORT_FILES),
  SOURCES_CSV,
  SOURCES_CSV_GZ,
  ASSIGNMENTS_CSV,
  REVIEW_SUMMARY_FILE,
  ...STAGE_NAMES.map(warningsFile),
];

/** Subfolders whose contents the run writes: the brief's charts, the model's answers and batches. */
const RUN_FOLDER_DIRS: readonly string[] = [CHARTS_DIR, RESPONSE_CACHE_DIR, BATCHES_DIR];

/** The run folder when `--out` is not given: `outputs/<config folder name>`, relative. */
export function defaultRunFolder(configPath: string): string {
  const file = basename(configPath).replace(/\.ya?ml$/i, '');
  return join('outputs', file === 'consultation' ? basename(dirname(configPath)) : file);
}

/**
 * Creates the run folder and its parents; a full or read-only disk or a refusal is a
 * `DiskError` ("cannot mkdir PATH: read-only file system").
 */
export async function makeRunFolder(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
  } catch (error) {
    // Node's recursive mkdir reports a read-only disk as ENOENT; a plain mkdir says what it is.
    const plain = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const real = plain
      ? await mkdir(outDir).then(
          () => null,
          (again: unknown) => again,
        )
      : error;
    if (real !== null) throw diskError(real) ?? real;
  }
}

/**
 * Throws, before anything is written, when a run of `config` into `outDir` would overwrite one
 * of its inputs (the config, `input.files`, `input.votes`, and `extra`) or read it as its own
 * file: an input that is (same file, by device and inode, so through links and on
 * case-insensitive disks too) a file the run writes, that lies in a subfolder the run writes, or
 * that is named like a temp file the run would clean away.
 */
export async function refuseInputsInRunFolder(
  outDir: string,
  config: LoadedConfig,
  extra: readonly InputFileRef[] = [],
): Promise<void> {
  const realOut = await realpath(outDir).catch(() => undefined);
  if (realOut === undefined) return;
  const written = new Map<string, string>();
  for (const file of RUN_FOLDER_FILES) {
    const id = await fileId(join(realOut, file));
    if (id !== undefined) written.set(id, file);
  }
  for (const input of [...listInputFiles(config), ...extra]) {
    const clash = await clashOf(input.path, realOut, written);
    if (clash === undefined) continue;
    const suggestion = defaultRunFolder(config.path);
    const other = resolve(suggestion) === resolve(outDir) ? `${suggestion}-run` : suggestion;
    throw new UsageError(
      `the run folder ${outDir} would overwrite the input ${input.name} (${input.path}, listed in ${input.listedIn}): ${clash}; choose another folder with --out, e.g. ${other}`,
    );
  }
}

/**
 * What the run would do to the file at `path` in the run folder `realOut` (whose own files are
 * `written`, by identity), or undefined when the file is safe.
 */
async function clashOf(
  path: string,
  realOut: string,
  written: ReadonlyMap<string, string>,
): Promise<string | undefined> {
  const id = await fileId(path);
  if (id === undefined) return undefined;
  const same = written.get(id);
  if (same !== undefined) return `the run writes its own ${same} there`;
  const inside = relative(realOut, await realpath(path));
  const [top = '', ...rest] = inside.split(sep);
  if (top === '..' || isAbsolute(inside)) return undefined;
  if (rest.length > 0 && RUN_FOLDER_DIRS.includes(top)) return `the run writes into ${top}${sep}`;
  if (tempFileOwner(basename(inside)) !== undefined)
    return 'the run removes files named like its interrupted temp files';
  return undefined;
}

/** A file's identity (device and inode), or undefined when it is not a file. */
async function fileId(path: string): Promise<string | undefined> {
  const info = await stat(path, { bigint: true }).catch(() => undefined);
  return info?.isFile() ? `${info.dev}:${info.ino}` : undefined;
}
