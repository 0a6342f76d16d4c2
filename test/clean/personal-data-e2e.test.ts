// Personal data in contributions and in authors' names reaches no output and no model request.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { llmFixture, runAgainst, useOpenAiStub } from '../helpers/llm-fixture.js';
import { reportText } from '../helpers/report-list.js';
import { FIXED_DATE } from '../helpers/runs.js';

/** The examples of personal data that used to pass redaction. */
const PERSONAL = [
  '+44 7700 900123',
  '07700 900123',
  '+49 30 1234567',
  '030 1234567',
  '5551234567',
  '０７７００ ９００１２３',
  'jane dot smith at gmail dot com',
  'j.smith[at]example[dot]com',
  'john (at) example.org',
];

/** Pieces of them that must not be found anywhere, however they are written out. */
const TELL_TALES = [
  /7700\D?900123/,
  /1234567/,
  /5551234567/,
  /９００１２３/,
  /jane dot smith/i,
  /j\.smith/i,
  /john \(at\)/i,
  /gmail/i,
  /example\.org/i,
  /example\[dot\]/i,
];

function csvField(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Rows of the synthesis fixture's shape, each with personal data in its text and its author's name. */
function personalRows(): string {
  // Distinct texts, so that none is merged into another as a near-duplicate.
  const topics = [
    'We need more buses on the west side because the route runs only once an hour',
    'The buses should run every ten minutes at rush hour so people get to work on time',
    'Please add a night bus route so shift workers can get home safely after midnight',
    'Rents have gone up so much that young families are leaving the city for good',
    'The council should plant trees in the parks and keep them open on summer evenings',
    'Cycling on the ring road is dangerous because drivers pass far too close to bikes',
    'Social housing waiting lists are years long and the council must build more homes',
    'A fenced area for dogs in the big park would keep children and dogs apart',
    'Bus fares are too expensive for students who ride the bus to college every day',
  ];
  return PERSONAL.map((data, i) => {
    const text = `${topics[i]}. Call or write to me on ${data} about it.`;
    const name = `Pat Doe ${data}`;
    return [80 + i, `p${i}`, csvField(name), '2024-03-06', 'move', 5, 1, csvField(text)].join(',');
  }).join('\n');
}

function expectNoPersonalData(where: string, text: string) {
  for (const data of PERSONAL) expect(text.includes(data), `${data} in ${where}`).toBe(false);
  for (const tell of TELL_TALES) expect(text, where).not.toMatch(tell);
}

describe('personal data end to end', () => {
  const stub = useOpenAiStub();

  it('reaches neither brief.md, sources.csv nor report.html, in texts or credited names', async () => {
    const dir = await llmFixture();
    await writeFile(
      join(dir, 'consultation.yaml'),
      (await readFile(join(dir, 'consultation.yaml'), 'utf8'))
        .replace('credit: initials', 'credit: name')
        .replace(/\nllm:[\s\S]*$/, '\n'),
    );
    await appendFile(join(dir, 'contributions.csv'), `${personalRows()}\n`);
    const out = join(dir, 'out');
    const run = await runCli([
      'run',
      join(dir, 'consultation.yaml'),
      '--out',
      out,
      '--date',
      FIXED_DATE,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const sources = await readFile(join(out, 'sources.csv'), 'utf8');
    // The rows are there, credited by what is left of their names.
    expect(sources).toContain('Pat Doe [phone]');
    expect(sources).toContain('Pat Doe [email]');
    for (const file of ['brief.md', 'sources.csv', 'report.html', 'findings.json']) {
      // The report's list of every contribution is compressed: read it back as text.
      expectNoPersonalData(file, reportText(await readFile(join(out, file), 'utf8')));
    }
  }, 120_000);

  it('is in no request to the model, even in the config text put into prompts', async () => {
    const dir = await llmFixture();
    const config = join(dir, 'consultation.yaml');
    await writeFile(
      config,
      (await readFile(config, 'utf8')).replace(
        'title: Synthesis fixture',
        'title: Synthesis fixture (questions to john (at) example.org or +44 7700 900123)',
      ),
    );
    await appendFile(join(dir, 'contributions.csv'), `${personalRows()}\n`);
    const run = await runAgainst(stub, dir);
    expect(run.code, run.stderr).toBe(0);
    expect(stub.requests.length).toBeGreaterThan(0);
    for (const request of stub.requests) {
      expectNoPersonalData(`request ${request.task}`, JSON.stringify(request.body));
    }
  }, 120_000);
});
