import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InputFile } from '../schemas/consultation.js';
import type { FileRecord } from '../schemas/manifest.js';
import type { LoadedConfig } from './config.js';
import { InputError } from './errors.js';
import type { InputSource } from './stage.js';

/** Opens the config's input files (paths relative to the config), failing clearly on a missing one. */
export async function openInputSources(loaded: LoadedConfig): Promise<InputSource[]> {
  return Promise.all(
    loaded.config.input.files.map((spec) => openSource(loaded, spec, 'input.files')),
  );
}

/** Opens the config's vote matrix (`input.votes`), read as a CSV; null when there is none. */
export async function openVotesSource(loaded: LoadedConfig): Promise<InputSource | null> {
  const votes = loaded.config.input.votes;
  return votes ? openSource(loaded, InputFile.parse({ path: votes.path }), 'input.votes') : null;
}

async function openSource(
  loaded: LoadedConfig,
  spec: InputFile,
  listedIn: string,
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
  return { spec, name: spec.path, size: info.size, open: () => createReadStream(path) };
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
