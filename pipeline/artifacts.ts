import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { CleanRecord } from '../schemas/clean-record.js';
import { Contribution } from '../schemas/contribution.js';
import { type WrittenFile, writeFileAtomic } from './atomic-write.js';
import { ArtifactError } from './errors.js';
import { sha256 } from './hash.js';
import { formatIssues } from './zod-issues.js';

/** An artifact stored as JSON Lines: one schema-valid record per line. */
interface JsonlArtifact<T> {
  kind: 'jsonl';
  file: string;
  schema: z.ZodType<T>;
}

function jsonl<T>(file: string, schema: z.ZodType<T>): JsonlArtifact<T> {
  return { kind: 'jsonl', file, schema };
}

/** Every typed artifact a stage can write, by name. */
export const ARTIFACTS = {
  contributions: jsonl('contributions.jsonl', Contribution),
  clean: jsonl('clean.jsonl', CleanRecord),
} as const;

export type ArtifactName = keyof typeof ARTIFACTS;
/** The in-memory value of an artifact. */
export type ArtifactData<K extends ArtifactName> =
  (typeof ARTIFACTS)[K] extends JsonlArtifact<infer T> ? T[] : never;

/** Validates `data` against the artifact's schema and writes it atomically into `dir`. */
export async function writeArtifact<K extends ArtifactName>(
  dir: string,
  name: K,
  data: ArtifactData<K>,
): Promise<WrittenFile & { records: number }> {
  const artifact = ARTIFACTS[name];
  const schema: z.ZodType = artifact.schema;
  function* lines() {
    for (const [index, record] of data.entries()) {
      const checked = schema.safeParse(record);
      if (!checked.success) {
        throw new ArtifactError(
          `${artifact.file}: record ${index + 1} fails its schema: ${formatIssues(checked.error)}`,
          artifact.file,
        );
      }
      yield `${JSON.stringify(checked.data)}\n`;
    }
  }
  const written = await writeFileAtomic(join(dir, artifact.file), lines());
  return { ...written, records: data.length };
}

/**
 * Reads and validates an artifact. With `expectedHash`, a file whose bytes changed since the
 * manifest recorded them is an error rather than silently used.
 */
export async function readArtifact<K extends ArtifactName>(
  dir: string,
  name: K,
  expectedHash?: string,
): Promise<ArtifactData<K>> {
  const artifact = ARTIFACTS[name];
  const path = join(dir, artifact.file);
  const bytes = await readFile(path).catch((cause: unknown) => {
    throw new ArtifactError(
      `${artifact.file}: cannot read it (${(cause as Error).message})`,
      artifact.file,
      {
        cause,
      },
    );
  });
  if (expectedHash && sha256(bytes) !== expectedHash) {
    throw new ArtifactError(
      `${artifact.file}: changed since the manifest recorded it`,
      artifact.file,
    );
  }
  return parseJsonl(artifact as JsonlArtifact<unknown>, bytes.toString('utf8')) as ArtifactData<K>;
}

function parseJsonl<T>(artifact: JsonlArtifact<T>, text: string): T[] {
  const records: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new ArtifactError(`${artifact.file}:${i + 1}: not valid JSON`, artifact.file, {
        cause,
      });
    }
    const checked = artifact.schema.safeParse(value);
    if (!checked.success) {
      throw new ArtifactError(
        `${artifact.file}:${i + 1}: fails its schema: ${formatIssues(checked.error)}`,
        artifact.file,
      );
    }
    records.push(checked.data);
  }
  return records;
}
