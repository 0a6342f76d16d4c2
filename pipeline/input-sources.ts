import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { InputFile } from '../schemas/consultation.js';
import type { FileRecord } from '../schemas/manifest.js';
import type { LoadedConfig } from './config.js';
import { InputError } from './errors.js';
import type { InputSource } from './stage.js';

/** How input paths are checked. */
export interface SourceOptions {
  /**
   * Refuse input files that lie outside the config's folder (after following symlinks), as the
   * review app's rebuild does. Default false: a CLI run by its owner may read any file it names.
   */
  strictPaths?: boolean | undefined;
}

/** Opens the config's input files (paths relative to the config), failing clearly on a missing one. */
export async function openInputSources(
  loaded: LoadedConfig,
  options: SourceOptions = {},
): Promise<InputSource[]> {
  return Promise.all(
    loaded.config.input.files.map((spec) => openSource(loaded, spec, 'input.files', options)),
  );
}

/** Opens the config's vote matrix (`input.votes`), read as a CSV; null when there is none. */
export async function openVotesSource(
  loaded: LoadedConfig,
  options: SourceOptions = {},
): Promise<InputSource | null> {
  const votes = loaded.config.input.votes;
  const spec = votes && InputFile.parse({ path: votes.path });
  return spec ? openSource(loaded, spec, 'input.votes', options) : null;
}

/** A file a run reads: its name as given, its resolved path and where it is named. */
export interface InputFileRef {
  name: string;
  path: string;
  listedIn: string;
}

/** Every file a run of `loaded` reads: the config itself, `input.files` and `input.votes`. */
export function listInputFiles(loaded: LoadedConfig): InputFileRef[] {
  const votes = loaded.config.input.votes;
  return [
    { name: basename(loaded.path), path: loaded.path, listedIn: 'the command line' },
    ...loaded.config.input.files.map((spec) => ({
      name: spec.path,
      path: resolve(loaded.dir, spec.path),
      listedIn: 'input.files',
    })),
    ...(votes
      ? [{ name: votes.path, path: resolve(loaded.dir, votes.path), listedIn: 'input.votes' }]
      : []),
  ];
}

async function openSource(
  loaded: LoadedConfig,
  spec: InputFile,
  listedIn: string,
  options: SourceOptions,
): Promise<InputSource> {
  const path = resolve(loaded.dir, spec.path);
  const info = await stat(path).catch((cause: NodeJS.ErrnoException) => {
    const why = cause.code === 'ENOENT' ? 'file not found' : cause.message;
    throw new InputError(
      `${spec.path}: ${why} (looked for ${path}, listed in ${listedIn})`,
      spec.path,
      undefined,
      { cause },
    );
  });
  if (!info.isFile()) throw new InputError(`${spec.path}: not a file (${path})`, spec.path);
  const real = await realpath(path);
  if (options.strictPaths) await refuseOutside(loaded.dir, real, spec.path, listedIn);
  return { spec, name: spec.path, path: real, size: info.size, open: () => createReadStream(path) };
}

/** Throws when `file` (a real path) is not inside the config's folder `dir`. */
async function refuseOutside(dir: string, file: string, name: string, listedIn: string) {
  const inside = relative(await realpath(dir), file);
  if (inside !== '' && inside.split(sep)[0] !== '..' && !isAbsolute(inside)) return;
  throw new InputError(
    `${name}: outside the config's folder ${dir} (it is ${file}, listed in ${listedIn}); --strict-paths refuses it`,
    name,
  );
}

/** Hashes each input file's bytes, streaming, for the manifest and the ingest cache key. */
export async function hashInputSources(sources: readonly InputSource[]): Promise<FileRecord[]> {
  return Promise.all(
    sources.map(async (source) => {
      const hash = createHash('sha256');
      for await (const chunk of source.open()) hash.update(chunk as Buffer);
      return { file: source.name, hash: hash.digest('hex'), bytes: source.size };
    }),
  );
}
