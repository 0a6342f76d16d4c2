import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { costOf, priceTable } from '../../pipeline/llm/cost.js';
import type { Findings } from '../../schemas/findings.js';
import { Themes } from '../../schemas/themes.js';
import { runCli } from '../helpers/cli.js';
import {
  INJECTION,
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
});

/** Every statement and quote of the findings, as text. */
function allText(findings: Findings): string {
  return JSON.stringify(findings);
}

/** Every citation of every finding, flattened. */
function allCitations(findings: Findings): string[] {
  const cited: string[] = [];
  JSON.stringify(findings, (key, value: unknown) => {
    if (key === 'citations' && Array.isArray(value)) cited.push(...(value as string[]));
    if (key === 'passageId' && typeof value === 'string') cited.push(value);
    return value;
  });
  return cited;
}

function expectCostMatchesServer(manifestUsage: {
  promptTokens: number;
  completionTokens: number;
  cost: number | null;
}) {
  const server = stub.usage();
  expect(manifestUsage.promptTokens).toBe(server.prompt_tokens);
  expect(manifestUsage.completionTokens).toBe(server.completion_tokens);
  expect(manifestUsage.cost).toBeCloseTo(
    costOf(priceTable({}), 'gpt-4o-mini', server.prompt_tokens, server.completion_tokens) ?? -1,
    5,
  );
}

/**
 * The manifest's cost is what the server reported, and a re-run from the themes stage makes
 * no request and writes the same findings.
 */
async function expectPaidAndCached(dir: string) {
  const usage = (await readManifest(dir)).llm?.usage;
  if (!usage) throw new Error('no usage in the manifest');
  expectCostMatchesServer(usage);
  const before = await readFile(join(dir, 'out', 'findings.json'), 'utf8');
  stub.reset();
  const again = await runAgainst(stub, dir, ['--from', 'themes']);
  expect(again.code).toBe(0);
  expect(stub.requests).toHaveLength(0);
  expect(again.stdout).toMatch(/0 model requests \(\d+ answered from cache\)/);
  expect(await readFile(join(dir, 'out', 'findings.json'), 'utf8')).toBe(before);
}

describe('LLM mode against a local OpenAI-compatible server', () => {
  it('survives every scripted fault, keeps only grounded output, costs what the server reported, and re-runs from cache for free', async () => {
    const dir = await llmFixture();
    stub.fault({ status: 429, retryAfter: 1 });
    stub.fault({ status: 500, task: 'theme_findings' });
    stub.fault({ delayMs: 1500, task: 'week_digest' });
    stub.fault({ reply: 'malformed-json', task: 'question_answer' });
    stub.fault({ reply: 'schema-break', task: 'executive_summary' });
    stub.fault({ reply: 'unknown-refs', task: 'theme_findings' });
    stub.fault({ reply: 'paraphrased-quote', task: 'theme_findings' });
    stub.fault({ reply: 'omit-items', task: 'theme_labels' });
    const run = await runAgainst(stub, dir);
    expect(run.stderr).not.toContain('brief:');
    expect(run.code).toBe(0);
    const statuses = stub.requests.map((r) => r.status);
    expect(statuses).toContain(429);
    expect(statuses).toContain(500);
    // The slow reply was abandoned (the stub saw the client go) and asked again.
    expect(statuses).toContain(499);
    // The malformed and schema-breaking replies were asked again with the error fed back.
    const retried = stub.requests.filter((r) =>
      JSON.stringify(r.body.messages).includes('That reply cannot be used'),
    );
    expect(retried.map((r) => r.task).sort()).toEqual(['executive_summary', 'question_answer']);
    // The theme the labels reply left out was asked about on its own.
    const labelBatches = stub.requests
      .filter((r) => r.task === 'theme_labels' && r.status === 200)
      .map((r) => (JSON.stringify(r.body.messages).match(/\[T\d+\]/g) ?? []).length);
    expect(labelBatches).toContain(1);

    const findings = await readFindings(dir);
    expect(findings.synthesiser.kind).toBe('llm');
    // Bad citations and paraphrased quotes were dropped and counted, never written.
    expect(findings.grounding.dropped['unknown-passage']).toBeGreaterThan(0);
    expect(findings.grounding.dropped['quote-not-verbatim']).toBeGreaterThan(0);
    expect(allCitations(findings).some((id) => id.startsWith('unknown'))).toBe(false);
    expect(allText(findings)).not.toContain(' indeed');
    // Nothing is lost: the theme whose every citation was bad shows the offline findings, and
    // every kept passage is cited or listed as uncited.
    expect(findings.grounding.fromOffline).toBeGreaterThan(0);
    for (const theme of findings.themes.filter((t) => t.parentId === null)) {
      expect(theme.keyPoints.length).toBeGreaterThan(0);
    }
    // A citation counts only where its passage makes the statement's point, so a contribution
    // no statement speaks for is left uncited, and listed as such for the annex.
    expect(findings.grounding.coverage).toBeGreaterThan(0.8);
    const cited = new Set(allCitations(findings));
    const listed = new Set(Object.values(findings.grounding.uncited).flat());
    const kept = (await readFile(join(dir, 'out', 'clean.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .flatMap((line) => {
        const record = JSON.parse(line) as { status: string; passages?: { id: string }[] };
        return record.status === 'kept' ? (record.passages ?? []).map((p) => p.id) : [];
      });
    expect(kept.filter((id) => !cited.has(id) && !listed.has(id))).toEqual([]);

    const manifest = await readManifest(dir);
    expect(manifest.llm?.usage.requests).toBe(stub.requests.length);
    expect(Object.keys(manifest.llm?.prompts ?? {})).toContain('theme-findings');
    expect(run.stdout).toContain('Language model, this run:');
    await expectPaidAndCached(dir);
  }, 60_000);

  it('keeps a contribution that gives instructions inside the data, where it cannot steer the model', async () => {
    const dir = await llmFixture();
    const run = await runAgainst(stub, dir);
    expect(run.code).toBe(0);
    const carrying = stub.requests.filter((r) =>
      JSON.stringify(r.body.messages).includes('Ignore previous instructions'),
    );
    expect(carrying.length).toBeGreaterThan(0);
    // The stub obeys instructions outside the data block: it never found one.
    expect(stub.requests.some((r) => r.injected)).toBe(false);
    const findings = await readFindings(dir);
    const texts: string[] = [];
    JSON.stringify(findings, (key, value: unknown) => {
      if (key === 'text' && typeof value === 'string') texts.push(value);
      return value;
    });
    expect(texts.filter((text) => text === 'HACKED')).toEqual([]);
    // The contribution's fake closing tag did not end the block: it sits on its item's line.
    const body = JSON.stringify(carrying[0]?.body.messages);
    expect(body).toContain(`] ${INJECTION.slice(0, 20)}`);
    // Emergent themes were named by the model; the methodology says so.
    const themes = Themes.parse(
      JSON.parse(await readFile(join(dir, 'out', 'themes.json'), 'utf8')),
    );
    expect(themes.method.labelledBy).toBe('gpt-4o-mini');
    expect(themes.themes.every((t) => t.description.startsWith('Contributions about '))).toBe(true);
    // The methodology says so in words; the annex names the model.
    const written = await readFile(join(dir, 'out', 'brief.md'), 'utf8');
    expect(written).toContain('named by a language model');
    expect(written).toContain('Theme names: `gpt-4o-mini`.');
    await expectPaidAndCached(dir);
  }, 60_000);

  it('summarises a theme too large for one prompt by parts (map-reduce), with citations to passages', async () => {
    const dir = await llmFixture('  maxPromptTokens: 500\n');
    const run = await runAgainst(stub, dir);
    expect(run.code).toBe(0);
    expect(stub.requests.some((r) => r.task === 'theme_notes')).toBe(true);
    const findings = await readFindings(dir);
    const top = findings.themes.filter((t) => t.parentId === null);
    expect(top.some((t) => t.keyPoints.length > 0)).toBe(true);
    const ids = allCitations(findings);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => /#\d+$/.test(id))).toBe(true);
    // The executive summary's prompt is as small, yet it carries the lead of every theme.
    const summary = stub.requests.find((r) => r.task === 'executive_summary');
    const prompt = JSON.stringify(summary?.body.messages);
    for (const theme of top) expect(prompt).toContain(`] ${theme.label}: `);
    await expectPaidAndCached(dir);
  }, 60_000);

  it('translates passages in other languages when asked, and quotes the originals', async () => {
    const dir = await llmFixture('  translate: true\n');
    const run = await runAgainst(stub, dir);
    expect(run.code).toBe(0);
    const translations = stub.requests.filter((r) => r.task === 'translations');
    expect(translations.length).toBeGreaterThan(0);
    expect(JSON.stringify(translations[0]?.body.messages)).toContain('pistes cyclables');
    expect(run.stdout).toMatch(/synthesise .*1 translated/);
  }, 60_000);

  it('embeds passages with an embeddings model on the server when asked, cached by batch', async () => {
    const dir = await llmFixture('theming:\n  embeddings: model\n');
    const run = await runAgainst(stub, dir, ['--to', 'themes']);
    expect(run.stderr).not.toContain('brief:');
    expect(run.code).toBe(0);
    const embedding = stub.requests.filter((r) => r.task === 'embeddings');
    expect(embedding.length).toBeGreaterThan(0);
    expect(embedding[0]?.body.model).toBe('text-embedding-3-small');
    const manifest = await readManifest(dir);
    expect(manifest.stages.embed?.counts.dimensions).toBe(64);
    expect(manifest.stages.embed?.usage?.promptTokens).toBe(
      embedding.reduce((sum, r) => sum + (r.usage?.prompt_tokens ?? 0), 0),
    );
    stub.reset();
    const again = await runAgainst(stub, dir, ['--from', 'embed', '--to', 'themes']);
    expect(again.code).toBe(0);
    expect(stub.requests).toHaveLength(0);
  }, 60_000);

  it('estimates tokens and cost with --dry-run and calls nothing, close to what the run then takes', async () => {
    const dir = await llmFixture();
    const dry = await runAgainst(stub, dir, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(stub.requests).toHaveLength(0);
    expect(dry.stdout).toContain('dry run, no model was called');
    expect(await readdir(join(dir, 'out'))).not.toContain('findings.json');
    const estimated = Number(
      /Estimated: [\d,]+ model requests, ([\d,]+) tokens/
        .exec(dry.stdout)?.[1]
        ?.replaceAll(',', ''),
    );
    const real = await runAgainst(stub, dir);
    expect(real.code).toBe(0);
    const used = stub.usage();
    const actual = used.prompt_tokens + used.completion_tokens;
    expect(estimated / actual).toBeGreaterThan(0.5);
    expect(estimated / actual).toBeLessThan(2);
  }, 60_000);

  it('stops before exceeding --max-cost, having sent nothing it could not pay for', async () => {
    const dir = await llmFixture();
    const run = await runAgainst(stub, dir, ['--max-cost', '0.000001']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^brief: stopped before exceeding --max-cost/,
    );
    expect(stub.requests).toHaveLength(0);
    const unknown = await llmFixture('  models: { labels: my-local-model }\n');
    const refused = await runAgainst(stub, unknown, ['--max-cost', '5']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('add it under llm.prices');
  }, 60_000);

  it('fails with one line and a non-zero exit when the server fails every request', async () => {
    const dir = await llmFixture();
    stub.failAll = true;
    const run = await runAgainst(stub, dir);
    expect(run.code).toBe(1);
    const last = run.stderr.trim().split('\n').at(-1);
    expect(last).toMatch(
      /^brief: the model server \(http:\/\/127\.0\.0\.1:\d+\/v1\) answered HTTP 500 .* on 4 attempts$/,
    );
    expect(run.stderr).not.toContain('    at ');
  }, 60_000);

  it('says how to set the key or the server address when they are missing', async () => {
    const dir = await llmFixture();
    const config = join(dir, 'consultation.yaml');
    // Empty values, so that a developer's own .env cannot leak in.
    const unset = { OPENAI_API_KEY: '', OPENAI_BASE_URL: '' };
    const noKey = await runCli(
      ['run', config, '--out', join(dir, 'out'), '--provider', 'openai'],
      undefined,
      unset,
    );
    expect(noKey.code).toBe(1);
    expect(noKey.stderr.trim().split('\n').at(-1)).toMatch(
      /^brief: llm\.provider is openai but OPENAI_API_KEY is not set: .*\.env file/,
    );
    const noServer = await runCli(['run', config, '--out', join(dir, 'out')], undefined, unset);
    expect(noServer.code).toBe(1);
    expect(noServer.stderr).toContain('add llm.baseUrl to the config');
    expect(stub.requests).toHaveLength(0);
  }, 60_000);

  it('stops cleanly on Ctrl-C during a call, and the next run resumes without paying twice', async () => {
    const dir = await llmFixture();
    stub.fault({ delayMs: 800, task: 'theme_findings' }, 20);
    const controller = new AbortController();
    const watching = setInterval(() => {
      if (stub.requests.some((r) => r.task === 'theme_findings')) controller.abort();
    }, 20);
    const started = Date.now();
    const run = await runAgainst(stub, dir, [], controller.signal);
    clearInterval(watching);
    expect(run.code).toBe(130);
    expect(Date.now() - started).toBeLessThan(15_000);
    const cached = await readdir(join(dir, 'out', 'cache'));
    expect(cached.length).toBeGreaterThan(0);
    // The next run resumes: what was answered before the interrupt is not asked (or paid) again.
    const answered = new Set(
      stub.requests.filter((r) => r.status === 200).map((r) => JSON.stringify(r.body.messages)),
    );
    stub.reset();
    const resumed = await runAgainst(stub, dir);
    expect(resumed.code).toBe(0);
    expect(stub.requests.some((r) => answered.has(JSON.stringify(r.body.messages)))).toBe(false);
    expect(stub.requests.some((r) => r.task === 'theme_labels')).toBe(false);
  }, 60_000);
});
