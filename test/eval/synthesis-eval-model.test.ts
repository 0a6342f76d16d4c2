import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type LabelledStatement,
  StatementEvalReport,
  StatementPrediction,
} from '../../schemas/statement-eval.js';
import { runCli } from '../helpers/cli.js';
import { useOpenAiStub } from '../helpers/llm-fixture.js';

const YES_NO = 'Should the town ban cars from the centre?';
const IMPROVE = 'How could the park be improved?';

/** A line of my own, in English; its context is its text unless told. */
function line(id: string, over: Partial<LabelledStatement>): LabelledStatement {
  const text = over.text ?? `Sentence ${id}.`;
  return {
    id,
    source: 'town',
    language: 'en',
    question: IMPROVE,
    text,
    context: text,
    kinds: ['other'],
    stance: null,
    standsAlone: true,
    ...over,
  };
}

/**
 * Lines the stub reads otherwise than the rules: the stub reads "Staff were great, but there
 * should be more benches." as praise alone and "I am a nurse." as a self-description; it reads
 * "I am against it, and everyone knows why." as against.
 */
const LINES: LabelledStatement[] = [
  line('1', { text: 'The council should add more benches.', kinds: ['proposal'] }),
  line('2', { text: 'Staff were great, but there should be more benches.', kinds: ['praise'] }),
  line('3', { text: 'I am a nurse.', kinds: ['self_description'] }),
  line('4', { question: YES_NO, text: 'I oppose this, shops would close.', stance: 'against' }),
  line('5', { question: YES_NO, text: 'Yes, the air would be cleaner.', stance: 'favour' }),
  line('6', { source: 'dorp', language: 'nl', text: 'Er moeten meer fietspaden komen.' }),
];

async function writeSet(items: readonly LabelledStatement[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-statements-'));
  const path = join(dir, 'set.jsonl');
  await writeFile(path, items.map((item) => `${JSON.stringify(item)}\n`).join(''));
  return path;
}

describe('brief eval synthesis with a model', () => {
  const stub = useOpenAiStub();
  beforeEach(() => stub.reset());

  /** The eval against the stub with `--provider openai-compatible`, caching under `cache`. */
  const evaluate = (set: string, cache: string, args: string[] = []) =>
    runCli(
      ['eval', 'synthesis', '--statements', set, '--provider', 'openai-compatible', ...args],
      undefined,
      { OPENAI_BASE_URL: stub.url, OPENAI_API_KEY: 'test-key', BRIEF_CACHE_DIR: cache },
    );
  const reportOf = (stdout: string) => StatementEvalReport.parse(JSON.parse(stdout));
  const tasks = () => stub.requests.map((request) => request.task).sort();

  it('reads kinds and stance with the model, names it, and answers a re-run from the cache', async () => {
    const set = await writeSet(LINES);
    const cache = await mkdtemp(join(tmpdir(), 'brief-cache-'));
    const first = await evaluate(set, cache, ['--json']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^eval synthesis: 100% 3\/3 model calls$/m);
    expect(first.stderr).not.toContain('warning');
    // One question without a yes or a no (kinds), one with (kinds and positions).
    expect(tasks()).toEqual(['stances', 'statement_kinds', 'statement_kinds']);
    const report = reportOf(first.stdout);
    expect(report.reading).toMatchObject({
      reader: 'model gpt-4o-mini',
      model: { kinds: { model: 6, rules: 0 }, stance: { model: 2, rules: 0 } },
    });
    expect(report.reading.model?.usage.requests).toBe(3);
    const town = report.groups.find((g) => g.name === 'town');
    // The rules read line 2 as a proposal; the model, as praise alone.
    expect(town?.kinds.find((k) => k.kind === 'praise')?.tool).toMatchObject({ recall: 1 });
    expect(town?.stance.tool).toEqual({ decided: 1, accuracyDecided: 1 });
    // The Dutch line has no reader, but the model read its kinds: scored, not its standing alone.
    const dorp = report.groups.find((g) => g.name === 'dorp');
    expect([dorp?.unsupported, dorp?.standsAlone.tool]).toEqual([0, null]);

    stub.reset();
    const again = await evaluate(set, cache, ['--json']);
    expect(again.code).toBe(0);
    expect(stub.requests).toHaveLength(0);
    expect(reportOf(again.stdout).reading.model?.usage).toMatchObject({ requests: 0, cached: 3 });
    expect(reportOf(again.stdout).groups).toEqual(report.groups);
  });

  it('writes the model reading as the predictions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-predictions-'));
    const out = join(dir, 'predictions.jsonl');
    const run = await evaluate(await writeSet(LINES), dir, ['--predictions', out]);
    expect(run.code).toBe(0);
    const predictions = (await readFile(out, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((text) => StatementPrediction.parse(JSON.parse(text)));
    expect(predictions[1]?.kinds).toEqual(['praise']);
    expect(predictions[2]?.kinds).toEqual(['self_description']);
    // The Dutch line: no reader, so kinds only from the model, and no standing alone.
    expect(predictions[5]).toMatchObject({ kinds: ['other'], standsAlone: null });
  });

  it('counts the items a bad reply leaves to the rules, which read them', async () => {
    stub.fault({ reply: 'bad-values', task: 'statement_kinds' }, 10);
    stub.fault({ reply: 'bad-values', task: 'stances' }, 10);
    const cache = await mkdtemp(join(tmpdir(), 'brief-cache-'));
    const run = await evaluate(await writeSet(LINES), cache, ['--json']);
    expect(run.code).toBe(0);
    const report = reportOf(run.stdout);
    expect(report.reading.model).toMatchObject({
      kinds: { model: 0, rules: 6 },
      stance: { model: 0, rules: 2 },
    });
    // Read by the rules: the Dutch line is unread, line 2 a proposal, line 4 against ("I oppose").
    expect(report.groups.find((g) => g.name === 'dorp')?.unsupported).toBe(1);
    const town = report.groups.find((g) => g.name === 'town');
    expect(town?.kinds.find((k) => k.kind === 'proposal')?.tool?.predicted).toBe(2);
    expect(town?.stance.tool?.decided).toBe(1);
  });

  it('prints the reader, the fallbacks and the usage in the text report', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'brief-cache-'));
    const run = await evaluate(await writeSet(LINES), cache);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Read by: model gpt-4o-mini, the rules reading/m);
    expect(run.stdout).toContain(
      'kinds of lines: 6 by the model, 0 by the rules; stance of contributions on a yes/no question: 2 by the model, 0 by the rules',
    );
    expect(run.stdout).toMatch(/^ {2}3 model requests, [\d,]+ tokens/m);
  });
});

describe('brief eval synthesis: how the model is configured', () => {
  const stub = useOpenAiStub();
  beforeEach(() => stub.reset());

  it('takes the model from a config file, the server from its llm.baseUrl', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-config-'));
    const config = join(dir, 'consultation.yaml');
    await writeFile(
      config,
      `title: Town\ninput:\n  files: [contributions.csv]\nllm:\n  provider: openai-compatible\n  baseUrl: ${stub.url}\n  models: { reading: my-reader }\n`,
    );
    const run = await runCli(
      ['eval', 'synthesis', '--json', '--statements', await writeSet(LINES), '--config', config],
      undefined,
      { BRIEF_CACHE_DIR: dir },
    );
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('warning');
    expect(StatementEvalReport.parse(JSON.parse(run.stdout)).reading.reader).toBe(
      'model my-reader',
    );
    expect(stub.requests.map((r) => r.body.model)).toContain('my-reader');
  });

  it('reads by the rules without a model, and says so', async () => {
    const run = await runCli([
      'eval',
      'synthesis',
      '--json',
      '--statements',
      await writeSet(LINES),
    ]);
    expect(run.code).toBe(0);
    expect(StatementEvalReport.parse(JSON.parse(run.stdout)).reading).toEqual({
      reader: 'rules',
      model: null,
    });
    expect(stub.requests).toHaveLength(0);
  });

  it('says how to set the server when none is given', async () => {
    const run = await runCli(
      [
        'eval',
        'synthesis',
        '--statements',
        await writeSet(LINES),
        '--provider',
        'openai-compatible',
      ],
      undefined,
      { BRIEF_CACHE_DIR: await mkdtemp(join(tmpdir(), 'brief-cache-')) },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no server address is set');
  });
});
