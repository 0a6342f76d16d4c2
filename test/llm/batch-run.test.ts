// Batch mode end to end against the stub's Batch API: the same findings as live, resumed batches, failed items, progress, price.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Findings } from '../../schemas/findings.js';
import {
  llmFixture,
  readFindings,
  readManifest,
  runAgainst,
  useOpenAiStub,
} from '../helpers/llm-fixture.js';

const stub = useOpenAiStub();
beforeEach(() => {
  stub.reset();
  stub.failAll = false;
  stub.batchApi.polls = 2;
  stub.batchApi.hold = false;
});

/** Quick polling for tests. */
const POLL = '  batchPollSeconds: 0.02\n';

let liveRun: Promise<{ findings: Findings; synthesiseCost: number }> | undefined;

/** The findings (and the synthesis's cost) of a live run of the fixture, run once. */
function live(): Promise<{ findings: Findings; synthesiseCost: number }> {
  liveRun ??= (async () => {
    const dir = await llmFixture(POLL);
    expect((await runAgainst(stub, dir)).code).toBe(0);
    const cost = (await readManifest(dir)).stages.synthesise?.usage?.cost;
    stub.reset();
    return { findings: await readFindings(dir), synthesiseCost: cost ?? Number.NaN };
  })();
  return liveRun;
}

/** Tasks of the chat requests the stub answered live, outside any batch. */
const liveTasks = () =>
  new Set(
    stub.requests.filter((r) => r.body?.messages && r.batch === undefined).map((r) => r.task),
  );

/** Checks of a batch (`GET /v1/batches/{id}`) the stub answered. */
const checksOf = (id: string) => stub.requests.filter((r) => r.task === `/v1/batches/${id}`).length;

describe('batch mode (llm.batch, --batch)', () => {
  it('writes the same findings as live mode, at half the price, the synthesis in batches and theme labels live', async () => {
    const { findings, synthesiseCost } = await live();
    const dir = await llmFixture(POLL);
    const run = await runAgainst(stub, dir, ['--batch']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(the synthesis through the Batch API, at half price)');
    expect(await readFindings(dir)).toEqual(findings);
    const { batches } = stub.batchApi;
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.every((b) => b.status === 'completed')).toBe(true);
    expect(liveTasks()).toEqual(new Set(['theme_labels']));
    const cost = (await readManifest(dir)).stages.synthesise?.usage?.cost ?? Number.NaN;
    expect(cost).toBeCloseTo(synthesiseCost / 2, 5);
    // Every reply was taken in: no batch is left to resume.
    expect(await readdir(join(dir, 'out', 'batches'))).toEqual([]);
  }, 120_000);

  it('turns on with llm.batch in the config too', async () => {
    const dir = await llmFixture(`${POLL}  batch: true\n`);
    expect((await runAgainst(stub, dir)).code).toBe(0);
    expect(stub.batchApi.batches.length).toBeGreaterThan(0);
    expect(await readFindings(dir)).toEqual((await live()).findings);
  }, 120_000);

  it('sends one batch per model', async () => {
    const dir = await llmFixture(`${POLL}  models: { reading: gpt-4.1-nano }\n`);
    expect((await runAgainst(stub, dir, ['--batch'])).code).toBe(0);
    const modelsOf = (id: string) =>
      new Set(stub.requests.filter((r) => r.batch === id).map((r) => r.body.model));
    const models = stub.batchApi.batches.map((b) => [...modelsOf(b.id)]);
    expect(models.every((m) => m.length === 1)).toBe(true);
    expect(new Set(models.flat())).toEqual(new Set(['gpt-4.1-nano', 'gpt-4o-mini']));
  }, 120_000);

  it('stops with one line when a batch is cancelled on the server', async () => {
    const dir = await llmFixture(POLL);
    stub.batchApi.hold = true;
    const running = runAgainst(stub, dir, ['--batch']);
    while (stub.batchApi.batches.length === 0) await sleep(20);
    const id = stub.batchApi.batches[0]?.id;
    const cancel = await fetch(`${stub.url}/batches/${id}/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(200);
    const run = await running;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`left the request unanswered (batch ${id} cancelled)`);
  }, 120_000);

  it('reports the progress of a batch while it polls', async () => {
    stub.batchApi.polls = 3;
    const dir = await llmFixture(POLL);
    await live();
    const run = await runAgainst(stub, dir, ['--batch']);
    expect(run.code).toBe(0);
    // Quarter steps between the first check and the end, as the stub's counts grow.
    expect(run.stderr).toMatch(/synthesise:\s+(25|50|75)% \d+\/\d+ batch requests/);
    expect(run.stderr).toMatch(/synthesise:\s+100% \d+\/\d+ batch requests/);
  }, 120_000);

  it('resumes the batch a stopped run left in flight, and sends no request twice', async () => {
    const { findings } = await live();
    const dir = await llmFixture(POLL);
    stub.batchApi.hold = true;
    const stop = new AbortController();
    const stopped = runAgainst(stub, dir, ['--batch'], stop.signal);
    const records = join(dir, 'out', 'batches');
    while ((await readdir(records).catch(() => [])).length === 0) await sleep(20);
    const [first] = stub.batchApi.batches;
    if (!first) throw new Error('no batch was created');
    // Stopped while it polls the batch.
    while (checksOf(first.id) === 0) await sleep(20);
    stop.abort();
    const stoppedRun = await stopped;
    expect(stoppedRun.code).toBe(130);
    expect(stoppedRun.stderr).toContain(`batch ${first.id}: left running on the server`);
    expect(first.status).not.toBe('completed');
    const checked = checksOf(first.id);

    stub.batchApi.hold = false;
    const resumed = await runAgainst(stub, dir, ['--batch']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`batch ${first.id}: resuming it`);
    expect(checksOf(first.id)).toBeGreaterThan(checked);
    const sent = stub.batchApi.batches.flatMap((b) => b.customIds);
    expect(new Set(sent).size).toBe(sent.length);
    expect(await readFindings(dir)).toEqual(findings);
    expect(await readdir(records)).toEqual([]);
  }, 120_000);

  it('sends again, in a later batch, the items an expired batch, an error file and an invalid reply left unanswered', async () => {
    const { findings } = await live();
    const dir = await llmFixture(POLL);
    stub.batchApi.fault('expired');
    stub.fault({ status: 500, task: 'statement_kinds' });
    stub.fault({ reply: 'schema-break', task: 'executive_summary' });
    const run = await runAgainst(stub, dir, ['--batch']);
    expect(run.code).toBe(0);
    const [expired, ...rest] = stub.batchApi.batches;
    expect(expired?.status).toBe('expired');
    // Each request the expired batch did not do, or did with an error, went in a later batch.
    const answered = stub.requests.filter((r) => r.batch === expired?.id && r.status === 200);
    expect(answered.length).toBeLessThan(expired?.customIds.length ?? 0);
    const later = new Set(rest.flatMap((b) => b.customIds));
    expect(expired?.customIds.filter((id) => !later.has(id))).toHaveLength(answered.length);
    expect(stub.requests.some((r) => r.batch && r.status === 500)).toBe(true);
    // The invalid reply was asked again with the error fed back, in a batch as well.
    const retried = stub.requests.filter((r) =>
      JSON.stringify(r.body?.messages ?? '').includes('That reply cannot be used'),
    );
    expect(retried.map((r) => [r.task, Boolean(r.batch)])).toEqual([['executive_summary', true]]);
    expect(await readFindings(dir)).toEqual(findings);
  }, 120_000);

  it('stops with one line naming the batch when the Batch API refuses it', async () => {
    const dir = await llmFixture(POLL);
    stub.batchApi.fault('failed');
    const run = await runAgainst(stub, dir, ['--batch']);
    expect(run.code).toBe(1);
    const [refused] = stub.batchApi.batches;
    expect(run.stderr).toContain(`the Batch API refused batch ${refused?.id}`);
    expect(run.stderr).toContain('Scripted batch fault: failed.');
    // Nothing to resume: the record of a refused batch is gone.
    expect(await readdir(join(dir, 'out', 'batches'))).toEqual([]);
  }, 120_000);

  it('prices the dry run at the Batch API price', async () => {
    const prices = '  prices:\n    gpt-4o-mini: { input: 1000, output: 4000 }\n';
    const dir = await llmFixture(`${POLL}${prices}`);
    const livePrice = await runAgainst(stub, dir, ['--dry-run']);
    const batchPrice = await runAgainst(stub, dir, ['--dry-run', '--batch']);
    expect(stub.requests).toEqual([]);
    const synthesis = (text: string) =>
      Number(/^\s+synthesise .*\$([\d.]+)$/m.exec(text)?.[1] ?? Number.NaN);
    expect(synthesis(batchPrice.stdout)).toBeCloseTo(synthesis(livePrice.stdout) / 2, 1);
    expect(batchPrice.stdout).toContain('Batch API');
    expect(livePrice.stdout).not.toContain('Batch API');
  }, 120_000);
});
