// The run folder's `batches/`: one record per Batch API batch in flight, so a stopped run resumes it.
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BatchRecord } from '../../schemas/llm-batch.js';
import { writeFileAtomic } from '../atomic-write.js';

/** The run folder's subfolder of batches in flight. */
export const BATCHES_DIR = 'batches';

/**
 * The batches a run has sent and not yet taken in, one JSON file each under
 * `<run folder>/batches/`, written atomically as soon as the server has created the batch and
 * removed once every reply in it has been taken in. An unreadable record counts as absent.
 */
export class BatchStore {
  constructor(private readonly dir: string) {}

  /** Every readable record, oldest first. */
  async list(): Promise<BatchRecord[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const records: BatchRecord[] = [];
    for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
      const text = await readFile(join(this.dir, name), 'utf8').catch(() => undefined);
      const parsed = text === undefined ? undefined : BatchRecord.safeParse(safeJson(text));
      if (parsed?.success) records.push(parsed.data);
    }
    return records.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async save(record: BatchRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.path(record.id), [`${JSON.stringify(record)}\n`]);
  }

  async remove(id: string): Promise<void> {
    await rm(this.path(id), { force: true });
  }

  private path(id: string): string {
    return join(this.dir, `${id.replace(/[^\w-]/g, '_')}.json`);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
