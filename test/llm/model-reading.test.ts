import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { StubRequest } from '../../bench/openai-stub.js';
import type { Findings } from '../../schemas/findings.js';
import {
  llmFixture,
  readFindings,
  readManifest,
  runAgainst,
  useOpenAiStub,
} from '../helpers/llm-fixture.js';

const stub = useOpenAiStub();
beforeEach(() => stub.reset());

const YES_NO = 'Should bus fares be free for students?';
/** The rules read it as a proposal ("should keep"); the stub's model reads it as praise. */
const PRAISE = 'The park rangers are great and the council should keep every one of them.';
const ROWS = [
  `40,a40,Al One,2024-03-05,free,1,1,"No, free fares would cost too much and the buses are already full."`,
  `41,a41,Bo Two,2024-03-05,free,1,1,"No. The money is better spent on more frequent buses."`,
  `42,a42,Cy Three,2024-03-06,free,1,1,"Yes, students have little money and would ride more."`,
  `43,a43,Di Four,2024-03-06,free,1,1,"Absolutely, free fares would get young people onto the buses."`,
  `44,a44,Ed Five,2024-03-06,free,1,1,"I am a student at the college and I take the bus every day."`,
  ...['a45', 'a46', 'a47'].map(
    (a) => `${a.slice(1)},${a},Park ${a},2024-03-07,live,5,1,"${PRAISE}"`,
  ),
];

/** The fixture with a yes/no question and the rows above, `extra` YAML under `llm:`. */
async function readingFixture(extra: string): Promise<string> {
  const dir = await llmFixture(extra, ROWS);
  const file = join(dir, 'consultation.yaml');
  const yaml = await readFile(file, 'utf8');
  await writeFile(
    file,
    yaml.replace('questions:\n', `questions:\n  - { id: free, text: ${YES_NO} }\n`),
  );
  return dir;
}

/** The items of a request's data block (`[S1] text` lines). */
function itemsOf(request: StubRequest): string[] {
  const user = request.body.messages.find((m: { role: string }) => m.role === 'user');
  return [...String(user.content).matchAll(/^\[[A-Z]+\d+\] (.*)$/gm)].map((m) => m[1] as string);
}

const readingRequests = () =>
  stub.requests.filter((r) => r.task === 'statement_kinds' || r.task === 'stances');

/** Every proposal's text in the findings (themes, sub-themes, questions). */
function proposals(findings: Findings): string[] {
  return [...findings.themes, ...findings.questions].flatMap((part) =>
    part.proposals.map((p) => p.text),
  );
}

describe('statements read by the model', () => {
  it('reads kinds and positions in batches of the configured size, and a re-run asks nothing', async () => {
    const dir = await readingFixture('  readingBatchSize: 4\n');
    expect((await runAgainst(stub, dir)).code).toBe(0);
    const kinds = stub.requests.filter((r) => r.task === 'statement_kinds');
    const stances = stub.requests.filter((r) => r.task === 'stances');
    for (const request of [...kinds, ...stances]) {
      expect(itemsOf(request).length).toBeGreaterThan(0);
      expect(itemsOf(request).length).toBeLessThanOrEqual(4);
      // Contributions' text is data: an injected instruction in one never reaches the prompt.
      expect(request.injected).toBe(false);
    }
    expect(Math.max(...kinds.map((r) => itemsOf(r).length))).toBe(4);
    const sent = kinds.flatMap(itemsOf);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent).toContain(PRAISE);
    expect(stances.flatMap(itemsOf).sort()).toEqual(
      ROWS.slice(0, 5)
        .map((row) => /"(.*)"$/.exec(row)?.[1])
        .sort(),
    );
    const findings = await readFindings(dir);
    expect(findings.reading).toEqual({
      model: 'gpt-4o-mini',
      sentences: { model: sent.length, rules: 0 },
      positions: { model: 5, rules: 0 },
    });
    // The split is the model's: two open with "No", two with "Yes"/"Absolutely".
    const split = findings.questions.find((q) => q.questionId === 'free')?.stance;
    expect(split?.favour.support.contributions).toBe(2);
    expect(split?.against.support.contributions).toBe(2);
    expect(split?.unclear.contributions).toBe(1);
    const brief = await readFile(join(dir, 'out', 'brief.md'), 'utf8');
    expect(brief).toContain(
      `A language model read what each of ${sent.length} distinct sentences does (a proposal, a concern, praise, nothing to change, who the speaker is), and where each of 5 contributions stands on its yes/no question, in batches.`,
    );
    expect(brief).toContain('Statement reading: `gpt-4o-mini`.');

    stub.reset();
    expect((await runAgainst(stub, dir, ['--from', 'synthesise'])).code).toBe(0);
    expect(stub.requests).toEqual([]);
    expect((await readFindings(dir)).reading).toEqual(findings.reading);
  }, 120_000);

  it('reads by the rules the items whose reply is malformed, invalid or missing', async () => {
    const dir = await readingFixture('  readingBatchSize: 4\n  maxSchemaRetries: 0\n');
    stub.fault({ reply: 'malformed-json', task: 'statement_kinds' });
    stub.fault({ reply: 'omit-items', task: 'statement_kinds' });
    stub.fault({ reply: 'bad-values', task: 'stances' });
    expect((await runAgainst(stub, dir)).code).toBe(0);
    const faulted = (reply: string) => {
      const request = stub.requests.find((r) => r.fault?.reply === reply);
      if (!request) throw new Error(`no request took the ${reply} fault`);
      return itemsOf(request);
    };
    const malformed = faulted('malformed-json');
    const badValues = faulted('bad-values');
    // The item the reply left out is asked about alone, and read by the model then.
    const omitted = faulted('omit-items').at(-1);
    const alone = stub.requests.filter(
      (r) => r.task === 'statement_kinds' && itemsOf(r).length === 1,
    );
    expect(alone.map((r) => itemsOf(r)[0])).toContain(omitted);
    const findings = await readFindings(dir);
    expect(findings.reading?.sentences.rules).toBe(malformed.length);
    expect(findings.reading?.positions).toEqual({
      model: 5 - badValues.length,
      rules: badValues.length,
    });
    const brief = await readFile(join(dir, 'out', 'brief.md'), 'utf8');
    expect(brief).toContain(
      `; for ${malformed.length} sentences and ${badValues.length} position${badValues.length === 1 ? '' : 's'} its replies were missing or invalid, and the statement rules read those instead.`,
    );
    // The batch with no usable reply is a model fallback: the next run asks again.
    expect((await readManifest(dir)).stages.synthesise?.counts.modelFallbacks).toBe(1);
  }, 120_000);

  it('counts the reading batches in the dry run', async () => {
    const reading = await readingFixture('  readingBatchSize: 4\n');
    const rules = await readingFixture('  readingBatchSize: 4\n  readStatements: false\n');
    const requests = async (dir: string) => {
      const dry = await runAgainst(stub, dir, ['--dry-run']);
      expect(dry.code).toBe(0);
      const line = /synthesise\s+([\d,]+) model requests/.exec(dry.stdout);
      return Number(line?.[1]?.replaceAll(',', ''));
    };
    const withReading = await requests(reading);
    const withoutReading = await requests(rules);
    expect(stub.requests).toEqual([]);
    expect((await runAgainst(stub, reading)).code).toBe(0);
    expect(withReading - withoutReading).toBe(readingRequests().length);
    expect(readingRequests().length).toBeGreaterThan(2);
  }, 120_000);

  it('builds the findings from the kinds the model read', async () => {
    // The model writes no finding here (its replies break), so the findings are built offline.
    const broken = ['theme_findings', 'theme_notes', 'question_answer'];
    const run = async (extra: string) => {
      const dir = await readingFixture(extra);
      for (const task of broken) stub.fault({ reply: 'schema-break', task }, 1000);
      expect((await runAgainst(stub, dir)).code).toBe(0);
      stub.reset();
      return readFindings(dir);
    };
    expect(proposals(await run('  readStatements: false\n'))).toContain(PRAISE);
    const read = await run('');
    expect(read.reading?.sentences.rules).toBe(0);
    expect(proposals(read)).not.toContain(PRAISE);
  }, 180_000);
});
