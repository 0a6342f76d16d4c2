import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../atomic-write.js';

/** The run folder's subfolder of model answers. */
export const RESPONSE_CACHE_DIR = 'cache';

/** A model's answer as stored in the run folder's `cache/`, keyed by the request's hash. */
export const CachedReply = z.strictObject({
  task: z.string(),
  model: z.string(),
  content: z.string(),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
});
export type CachedReply = z.infer<typeof CachedReply>;

/**
 * The on-disk response cache: one JSON file per request hash under `<run folder>/cache/`, written
 * atomically as soon as an answer is accepted, so an interrupted run resumes without paying
 * twice. An unreadable entry counts as absent.
 */
export class ResponseCache {
  constructor(private readonly dir: string) {}

  async get(key: string): Promise<CachedReply | undefined> {
    const text = await readFile(this.path(key), 'utf8').catch(() => undefined);
    if (text === undefined) return undefined;
    try {
      return CachedReply.parse(JSON.parse(text));
    } catch {
      return undefined;
    }
  }

  async set(key: string, reply: CachedReply): Promise<void> {
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    await writeFileAtomic(this.path(key), [`${JSON.stringify(reply)}\n`]);
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}
