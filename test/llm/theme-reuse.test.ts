import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendDecisions } from '../../pipeline/review/review-log.js';
import { CleanRecord } from '../../schemas/clean-record.js';
import {
  llmFixture,
  readFindings,
  readManifest,
  runAgainst,
  useOpenAiStub,
} from '../helpers/llm-fixture.js';

const stub = useOpenAiStub();

/** Adds a note on the whole review: the themes stay as they are, but synthesis runs again. */
async function addNote(dir: string, revision: number, text: string): Promise<void> {
  const out = join(dir, 'out');
  const lines = (await readFile(join(out, 'clean.jsonl'), 'utf8')).trim().split('\n');
  const passageIds = lines
    .map((line) => CleanRecord.parse(JSON.parse(line)))
    .flatMap((r) => (r.status === 'kept' ? r.passages.map((p) => p.id) : []));
  await appendDecisions(out, {
    revision,
    reviewer: 'Ana',
    passageIds,
    actions: [{ kind: 'note', theme: null, text }],
  });
}

function themeRequests(): number {
  return stub.requests.filter((r) => r.task === 'theme_findings').length;
}

describe('per-theme reuse in LLM mode', () => {
  it('writes again the themes whose model requests fell back, and reuses those the model wrote', async () => {
    const dir = await llmFixture();
    stub.reset();
    // Replies that never fit the schema: the model's findings fall back to the offline ones.
    stub.fault({ reply: 'schema-break', task: 'theme_findings' }, 1000);
    expect((await runAgainst(stub, dir)).code).toBe(0);
    const fellBack = await readFindings(dir);
    expect(fellBack.themes.length).toBeGreaterThan(0);
    expect(fellBack.themes.every((t) => t.key === undefined)).toBe(true);

    stub.reset();
    await addNote(dir, 0, 'First pass.');
    expect((await runAgainst(stub, dir)).code).toBe(0);
    let counts = (await readManifest(dir)).stages.synthesise?.counts;
    expect(counts?.themesReused).toBe(0);
    expect(themeRequests()).toBeGreaterThan(0);
    const written = await readFindings(dir);
    expect(written.themes.every((t) => t.key !== undefined)).toBe(true);

    stub.reset();
    await addNote(dir, 1, 'Second pass.');
    expect((await runAgainst(stub, dir)).code).toBe(0);
    counts = (await readManifest(dir)).stages.synthesise?.counts;
    expect(counts?.themesSynthesised).toBe(0);
    expect(counts?.themesReused).toBe(written.themes.length);
    expect(themeRequests()).toBe(0);
    expect((await readFindings(dir)).themes).toEqual(written.themes);
  }, 120_000);
});
