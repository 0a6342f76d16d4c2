import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../pipeline/cache-dir.js';
import { runPipeline } from '../pipeline/runner.js';
import { createCollectingLogger } from './helpers/context.js';

const CONFIG =
  'title: Renamed ids\ninput:\n  files: [posts.csv]\n  fields: { id: id, text: text }\n';

/** Each of `ids` ids twice, so the second of each is renamed. */
function postsCsv(ids: number): string {
  const rows = ['id,text'];
  for (let pass = 0; pass < 2; pass++)
    for (let i = 1; i <= ids; i++) rows.push(`r${i},Post ${pass} about item ${i}`);
  return `${rows.join('\n')}\n`;
}

async function ingest(dir: string) {
  const logger = createCollectingLogger();
  const summary = await runPipeline({
    configPath: join(dir, 'consultation.yaml'),
    outDir: join(dir, 'out'),
    to: 'ingest',
    cacheDir: defaultCacheDir(process.env),
    logger,
  });
  const status = summary.stages.find((s) => s.name === 'ingest')?.status;
  return { logger, status, summary };
}

async function detailLines(dir: string): Promise<Record<string, unknown>[]> {
  const text = await readFile(join(dir, 'out', 'ingest-warnings.jsonl'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('long warnings', () => {
  it('say 850 renamed ids in one short line, with every one in ingest-warnings.jsonl', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-warnings-'));
    await writeFile(join(dir, 'consultation.yaml'), CONFIG);
    await writeFile(join(dir, 'posts.csv'), postsCsv(850));
    const first = await ingest(dir);
    const warnings = first.logger.of('warn');
    expect(warnings).toHaveLength(1);
    const [line] = warnings;
    expect(line).toBe(
      '850 ids were repeated; 850 records renamed, none dropped, e.g. "r1" at posts.csv:852 -> "r1~2", "r2" at posts.csv:853 -> "r2~2"; all 850 in ingest-warnings.jsonl',
    );
    expect(line?.length).toBeLessThan(200);
    const details = await detailLines(dir);
    expect(details).toHaveLength(850);
    expect(details[849]).toEqual({
      warning: 'renamed id',
      id: 'r850',
      renamedTo: 'r850~2',
      at: 'posts.csv:1701',
      firstAt: 'posts.csv:851',
    });
    expect(first.summary.manifest.stages.ingest?.attachments?.map((a) => a.file)).toEqual([
      'ingest-warnings.jsonl',
    ]);

    // A cached ingest keeps its details; one whose details file is gone runs again.
    const cached = await ingest(dir);
    expect(cached.status).toBe('cached');
    expect(await detailLines(dir)).toHaveLength(850);
    await rm(join(dir, 'out', 'ingest-warnings.jsonl'));
    const again = await ingest(dir);
    expect(again.status).toBe('ran');
    expect(await detailLines(dir)).toHaveLength(850);

    // Input without repeats leaves no stale details behind.
    await writeFile(join(dir, 'posts.csv'), 'id,text\nr1,One post\n');
    const clean = await ingest(dir);
    expect(clean.logger.of('warn')).toEqual([]);
    await expect(readFile(join(dir, 'out', 'ingest-warnings.jsonl'))).rejects.toThrow(/ENOENT/);
    expect(clean.summary.manifest.stages.ingest?.attachments).toBeUndefined();
  });
});
