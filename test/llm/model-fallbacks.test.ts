import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  llmFixture,
  readFindings,
  readManifest,
  runAgainst,
  useOpenAiStub,
} from '../helpers/llm-fixture.js';

const stub = useOpenAiStub();
beforeEach(() => stub.reset());

const SYNTHESIS_TASKS = ['theme_findings', 'question_answer', 'week_digest', 'executive_summary'];

async function brief(dir: string): Promise<string> {
  return readFile(join(dir, 'out', 'brief.md'), 'utf8');
}

describe('model replies that fall back to the offline text', () => {
  it('are reported as the offline text, and asked again by the next run', async () => {
    const dir = await llmFixture();
    for (const task of SYNTHESIS_TASKS) stub.fault({ reply: 'schema-break', task }, 1000);
    const run = await runAgainst(stub, dir);
    expect(run.code).toBe(0);
    const findings = await readFindings(dir);
    const by = findings.grounding.byModel;
    expect(by?.themes.model).toBe(0);
    expect(by?.themes.malformed).toBe(findings.themes.filter((t) => t.parentId === null).length);
    expect(by?.questions).toEqual({ model: 0, failedChecks: 0, malformed: 2 });
    expect(by?.weeks).toEqual({ model: 0, failedChecks: 0, malformed: 2 });
    expect(by?.keyMessages).toEqual({ model: 0, failedChecks: 0, malformed: 1 });
    const text = await brief(dir);
    expect(text).not.toContain('written by a language model');
    expect(text).toContain('The language model wrote none of the findings: it was asked, but');
    expect(text).toContain("because the model's replies were malformed");
    expect((await readManifest(dir)).stages.synthesise?.counts.modelFallbacks).toBeGreaterThan(0);

    // The server works again: the same run, unchanged, asks for what fell back.
    stub.reset();
    const again = await runAgainst(stub, dir);
    expect(again.code).toBe(0);
    const asked = new Set(stub.requests.map((r) => r.task));
    for (const task of SYNTHESIS_TASKS) expect(asked).toContain(task);
    const written = await readFindings(dir);
    expect(written.grounding.byModel?.themes.malformed).toBe(0);
    expect(written.grounding.byModel?.themes.model).toBeGreaterThan(0);
    expect(await brief(dir)).toContain('were written by a language model from the passages');
    expect((await readManifest(dir)).stages.synthesise?.counts.modelFallbacks).toBeUndefined();
  }, 120_000);

  it('names the parts that fell back when only some did', async () => {
    // One try per request, so the one malformed reply is one question's fallback.
    const dir = await llmFixture('  maxSchemaRetries: 0\n');
    stub.fault({ reply: 'malformed-json', task: 'question_answer' });
    expect((await runAgainst(stub, dir)).code).toBe(0);
    const by = (await readFindings(dir)).grounding.byModel;
    expect(by?.questions).toEqual({ model: 1, failedChecks: 0, malformed: 1 });
    const text = await brief(dir);
    expect(text).toMatch(
      /A language model wrote the findings of \d+ of \d+ themes, the answers to 1 of 2 questions, the points of 2 of 2 weeks and the key messages, citing the passages; 1 question fell back to the offline synthesiser's text because the model's replies were malformed\./,
    );
  }, 120_000);
});
