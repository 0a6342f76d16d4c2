import { beforeEach, describe, expect, it } from 'vitest';
import { costOf, priceTable } from '../../pipeline/llm/cost.js';
import {
  llmFixture,
  readFindings,
  readManifest,
  runAgainst,
  useOpenAiStub,
} from '../helpers/llm-fixture.js';

const stub = useOpenAiStub();
beforeEach(() => stub.reset());

/** What the server's reported usage costs at gpt-4o-mini's list price. */
function serverCost(): number {
  const used = stub.usage();
  return costOf(priceTable({}), 'gpt-4o-mini', used.prompt_tokens, used.completion_tokens) ?? -1;
}

describe('a model server that answers 200 without an answer', () => {
  it('names an empty, contentless or non-JSON reply, asks again, and falls back like any malformed reply', async () => {
    const dir = await llmFixture();
    stub.fault({ reply: 'not-json', task: 'question_answer' });
    stub.fault({ reply: 'no-content', task: 'week_digest' });
    // Every try of the executive summary comes back empty: it keeps the offline text.
    stub.fault({ reply: 'no-choices', task: 'executive_summary' }, 3);
    const run = await runAgainst(stub, dir);
    expect(run.stderr).not.toContain('brief:');
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toContain('Cannot read properties');
    expect(run.stdout + run.stderr).toContain(
      'executive-summary: 3 replies could not be used (the model server returned no choices)',
    );
    const asked = (task: string) => stub.requests.filter((r) => r.task === task).length;
    expect(asked('executive_summary')).toBe(3);
    const questions = stub.requests.filter((r) => r.task === 'question_answer');
    expect(questions.some((r) => r.fault?.reply === 'not-json')).toBe(true);
    expect(questions.filter((r) => r.fault === null).length).toBe(2);
    const findings = await readFindings(dir);
    expect(findings.executiveSummary.length).toBeGreaterThan(0);
  }, 60_000);
});

describe('--max-cost', () => {
  it('is never exceeded: each request in flight holds its prompt and the most its reply may cost', async () => {
    const full = await llmFixture();
    expect((await runAgainst(stub, full)).code).toBe(0);
    const whole = serverCost();
    stub.reset();
    // A verbose model: replies run far longer than the offline text the estimates go by.
    const dir = await llmFixture('  maxOutputTokens: 400\n');
    stub.fault({ reply: 'long' }, 1000);
    const limit = Math.round(whole * 1.5 * 1e6) / 1e6;
    const run = await runAgainst(stub, dir, ['--max-cost', String(limit)]);
    expect(serverCost()).toBeLessThanOrEqual(limit);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n').at(-1)).toMatch(
      /^brief: stopped before exceeding --max-cost \$[\d.]+: \$[\d.]+ spent.*, the next request could cost up to \$[\d.]+ \(a prompt of [\d,]+ tokens and at most 400 tokens of reply\)/,
    );
    expect((await readManifest(dir)).llm?.usage.cost ?? 0).toBeLessThanOrEqual(limit);
  }, 90_000);
});
