import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { CleanRecord } from '../schemas/clean-record.js';
import { Contribution } from '../schemas/contribution.js';
import { Findings } from '../schemas/findings.js';
import type { FileRecord } from '../schemas/manifest.js';
import { ReviewedThemes } from '../schemas/review.js';
import { ReviewAgreement } from '../schemas/review-summary.js';
import { Themes } from '../schemas/themes.js';
import { Ballots } from '../schemas/votes.js';
import { type WrittenFile, writeFileAtomic } from './atomic-write.js';
import { ArtifactError } from './errors.js';
import { sha256 } from './hash.js';
import { countPhase, type PhaseProgress } from './progress-counter.js';
import { decodeVectors, encodeVectors, type Vectors } from './vectors-file.js';
import { formatIssues } from './zod-issues.js';

/** How an artifact is stored: its file, how to write it and how to read it back (validated). */
interface Artifact<T> {
  file: string;
  encode(data: T): Iterable<string | Uint8Array>;
  decode(bytes: Buffer): T;
  /** Records or rows, for the manifest. */
  count(data: T): number;
  /** Files written beside the artifact (paths relative to the run folder), derived from it. */
  attachments?(data: T): readonly Attachment[];
}

/** A file written beside an artifact, such as a chart of the brief. */
export interface Attachment {
  file: string;
  content: string | Uint8Array;
  /** A file this one stands in for (`sources.csv` for `sources.csv.gz`), removed once it is written. */
  replaces?: string;
}

/** The brief: its Markdown (the artifact, `brief.md`) and the files it refers to. */
export interface Brief {
  markdown: string;
  /** Charts (`charts/*.svg`) and `assignments.csv`; empty when read back. */
  attachments: Attachment[];
}

/** JSON Lines: one schema-valid record per line. */
function jsonl<T>(file: string, schema: z.ZodType<T>): Artifact<T[]> {
  return {
    file,
    *encode(records) {
      for (const [index, record] of records.entries())
        yield `${JSON.stringify(check(schema, record, `${file}: record ${index + 1}`))}\n`;
    },
    decode(bytes) {
      return bytes
        .toString('utf8')
        .split('\n')
        .flatMap((line, i) =>
          line ? [check(schema, parseJson(line, `${file}:${i + 1}`), `${file}:${i + 1}`)] : [],
        );
    },
    count: (records) => records.length,
  };
}

/** One schema-valid JSON document, pretty-printed so that diffs of it are readable. */
function json<T>(file: string, schema: z.ZodType<T>, count: (data: T) => number): Artifact<T> {
  return {
    file,
    encode: (data) => [`${JSON.stringify(check(schema, data, file), null, 2)}\n`],
    decode: (bytes) => check(schema, parseJson(bytes.toString('utf8'), file), file),
    count,
  };
}

/** How much of the tool's assignment the review kept, beside `reviewed-themes.json`. */
export const REVIEW_SUMMARY_FILE = 'review-summary.json';

/** Every typed artifact a stage can write, by name. */
export const ARTIFACTS = {
  contributions: jsonl('contributions.jsonl', Contribution),
  clean: jsonl('clean.jsonl', CleanRecord),
  vectors: {
    file: 'vectors.bin',
    encode: encodeVectors,
    decode: decodeVectors,
    count: (v) => v.matrix.rows,
  } satisfies Artifact<Vectors>,
  themes: json('themes.json', Themes, (themes) => themes.themes.length),
  reviewed: {
    ...json('reviewed-themes.json', ReviewedThemes, (reviewed) => reviewed.themes.length),
    attachments: (reviewed) => {
      const { agreement } = reviewed.review;
      if (!agreement) return [];
      const content = `${JSON.stringify(check(ReviewAgreement, agreement, REVIEW_SUMMARY_FILE), null, 2)}\n`;
      return [{ file: REVIEW_SUMMARY_FILE, content }];
    },
  } satisfies Artifact<ReviewedThemes>,
  findings: json('findings.json', Findings, (findings) => findings.themes.length),
  votes: json('votes.json', Ballots, (ballots) => ballots.votes.length),
  brief: {
    file: 'brief.md',
    encode: (brief) => [brief.markdown],
    decode: (bytes) => ({ markdown: bytes.toString('utf8'), attachments: [] }),
    count: (brief) => brief.markdown.split('\n').length,
    attachments: (brief) => brief.attachments,
  } satisfies Artifact<Brief>,
} as const;

export type ArtifactName = keyof typeof ARTIFACTS;
/** The in-memory value of an artifact. */
export type ArtifactData<K extends ArtifactName> =
  (typeof ARTIFACTS)[K] extends Artifact<infer T> ? T : never;

/** What `writeArtifact` wrote: the artifact's bytes and records, and its attachments. */
export interface WrittenArtifact extends WrittenFile {
  records: number;
  attachments: FileRecord[];
}

/**
 * Validates `data` and writes it atomically into `dir`, attachments first, returning the hashes
 * of the bytes written for the manifest. `progress` hears the records written (of a JSON Lines
 * artifact, one by one).
 */
export async function writeArtifact<K extends ArtifactName>(
  dir: string,
  name: K,
  data: ArtifactData<K>,
  progress?: PhaseProgress,
): Promise<WrittenArtifact> {
  const artifact = ARTIFACTS[name] as unknown as Artifact<ArtifactData<K>>;
  const records = artifact.count(data);
  // Started before the attachments, so a large `sources.csv` shows as writing too.
  const saving = countPhase(progress, 'writing', 'records', records);
  const attachments: FileRecord[] = [];
  for (const attachment of artifact.attachments?.(data) ?? []) {
    await mkdir(dirname(join(dir, attachment.file)), { recursive: true });
    const written = await writeFileAtomic(join(dir, attachment.file), [attachment.content]);
    if (attachment.replaces) await rm(join(dir, attachment.replaces), { force: true });
    attachments.push({ file: attachment.file, ...written });
  }
  const chunks = counted(artifact.encode(data), () => saving.add());
  const written = await writeFileAtomic(join(dir, artifact.file), chunks);
  saving.finish();
  return { ...written, records, attachments };
}

/** The chunks, `onChunk` hearing each as it is taken. */
function* counted<T>(chunks: Iterable<T>, onChunk: () => void): Iterable<T> {
  for (const chunk of chunks) {
    onChunk();
    yield chunk;
  }
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
  const artifact = ARTIFACTS[name] as unknown as Artifact<ArtifactData<K>>;
  const bytes = await readFile(join(dir, artifact.file)).catch((cause: unknown) => {
    throw new ArtifactError(
      `${artifact.file}: cannot read it (${(cause as Error).message})`,
      artifact.file,
      { cause },
    );
  });
  if (expectedHash && sha256(bytes) !== expectedHash) {
    throw new ArtifactError(
      `${artifact.file}: changed since the manifest recorded it`,
      artifact.file,
    );
  }
  return artifact.decode(bytes);
}

function check<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const checked = schema.safeParse(value);
  if (!checked.success)
    throw new ArtifactError(`${where}: fails its schema: ${formatIssues(checked.error)}`, where);
  return checked.data;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ArtifactError(`${where}: not valid JSON`, where, { cause });
  }
}
