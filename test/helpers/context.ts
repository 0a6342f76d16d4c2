import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { z } from 'zod';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { loadWordVectors, type WordVectors } from '../../pipeline/nlp/word-vectors.js';
import { createOfflineEmbeddings } from '../../pipeline/providers/offline-embeddings.js';
import type { InputSource, Logger, ProgressEvent, StageContext } from '../../pipeline/stage.js';
import { Consultation, type ConsultationInput, InputFile } from '../../schemas/consultation.js';

/** A logger that keeps every message, by level, for assertions. */
export interface CollectingLogger extends Logger {
  messages: { level: 'debug' | 'info' | 'warn'; message: string }[];
  /** Messages of one level. */
  of(level: 'debug' | 'info' | 'warn'): string[];
}

/** A stage context for tests: collecting logger, recorded progress, a live abort signal. */
export interface TestContext extends StageContext {
  logger: CollectingLogger;
  events: ProgressEvent[];
  controller: AbortController;
}

/** Creates a logger that records what it is told. */
export function createCollectingLogger(): CollectingLogger {
  const messages: CollectingLogger['messages'] = [];
  return {
    messages,
    debug: (message) => void messages.push({ level: 'debug', message }),
    info: (message) => void messages.push({ level: 'info', message }),
    warn: (message) => void messages.push({ level: 'warn', message }),
    of: (level) => messages.filter((m) => m.level === level).map((m) => m.message),
  };
}

let words: Promise<WordVectors> | undefined;
/** The bundled word vectors, loaded once per test file. */
function wordVectors(): Promise<WordVectors> {
  words ??= loadWordVectors(defaultCacheDir(process.env));
  return words;
}

/**
 * A stage context around a config built from `overrides` (title and one input file are
 * filled in when missing).
 */
export function createTestContext(overrides: Partial<ConsultationInput> = {}): TestContext {
  const config = Consultation.parse({
    title: 'Test consultation',
    input: { files: ['input.csv'] },
    ...overrides,
  });
  const events: ProgressEvent[] = [];
  const controller = new AbortController();
  return {
    config,
    embeddings: async () => createOfflineEmbeddings({ words: await wordVectors() }),
    llm: async () => null,
    wordVectors,
    logger: createCollectingLogger(),
    progress: (event) => void events.push(event),
    signal: controller.signal,
    seed: 1,
    threads: 1,
    today: '2024-06-01',
    events,
    controller,
  };
}

/** An input source reading a file on disk; `spec` fields override the defaults. */
export async function fileSource(
  path: string,
  spec: Partial<z.input<typeof InputFile>> = {},
  name = path.split('/').pop() ?? path,
): Promise<InputSource> {
  const { size } = await stat(path);
  return {
    spec: InputFile.parse({ path: name, ...spec }),
    name,
    path,
    size,
    open: () => createReadStream(path),
  };
}

/** An input source over bytes held in memory, streamed in chunks of `chunkSize`. */
export function memorySource(
  name: string,
  content: string | Uint8Array,
  spec: Partial<z.input<typeof InputFile>> = {},
  chunkSize = 65536,
): InputSource {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return {
    spec: InputFile.parse({ path: name, ...spec }),
    name,
    path: `/memory/${name}`,
    size: bytes.length,
    open: () => Readable.from(chunks(bytes, chunkSize), { objectMode: false }),
  };
}

function* chunks(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
