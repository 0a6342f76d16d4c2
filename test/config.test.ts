import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConsultation } from '../pipeline/config.js';
import { ConfigError } from '../pipeline/errors.js';

async function configFile(yaml: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-config-'));
  const path = join(dir, 'consultation.yaml');
  await writeFile(path, yaml);
  return path;
}

async function loadError(yaml: string): Promise<string> {
  const error = await loadConsultation(await configFile(yaml)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

const MINIMAL = 'title: T\ninput:\n  files: [a.csv]\n';

describe('loadConsultation', () => {
  it('applies defaults and gives plain-string questions ids', async () => {
    const loaded = await loadConsultation(await configFile(`${MINIMAL}questions: [Why?, How?]\n`));
    expect(loaded.config.questions).toEqual([
      { id: 'q1', text: 'Why?' },
      { id: 'q2', text: 'How?' },
    ]);
    expect(loaded.config.input.files[0]).toMatchObject({
      path: 'a.csv',
      format: 'auto',
      headingLevel: 2,
    });
    expect(loaded.config.input.fields.text).toBe('text');
    expect(loaded.config.privacy.redact.emails).toBe(true);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the bundled example configs', async () => {
    for (const name of ['bowling-green', 'rule-of-law']) {
      const loaded = await loadConsultation(`examples/${name}/consultation.yaml`);
      expect(loaded.config.title.length).toBeGreaterThan(0);
    }
  });

  it('names a misspelt key with its line and a "did you mean"', async () => {
    const message = await loadError(`${MINIMAL}  feilds:\n    text: body\n`);
    expect(message).toContain(
      'consultation.yaml:4: input.feilds: unknown key (did you mean `fields`?)',
    );
  });

  it('names a misspelt nested key', async () => {
    const message = await loadError(`${MINIMAL}privacy:\n  redact:\n    email: false\n`);
    expect(message).toContain('privacy.redact.email: unknown key (did you mean `emails`?)');
  });

  it('says what was expected and what was found', async () => {
    const message = await loadError(`${MINIMAL}clean:\n  minLetters: ten\n`);
    expect(message).toMatch(
      /consultation\.yaml:5: clean\.minLetters: .*expected number.*found `"ten"`/,
    );
  });

  it('rejects a missing title and an empty file list', async () => {
    const message = await loadError('input:\n  files: []\n');
    expect(message).toContain('title');
    expect(message).toContain('input.files: List at least one input file');
  });

  it('rejects duplicate and empty theme labels', async () => {
    const themes =
      'themes:\n  - { id: a, label: Housing }\n  - { id: b, label: housing }\n  - { id: c, label: " " }\n';
    const message = await loadError(`${MINIMAL}${themes}`);
    expect(message).toContain('themes[1].label: Duplicate label "housing"');
    expect(message).toContain('themes[2].label: Theme labels must not be empty');
  });

  it('reads theme examples, and rejects empty or non-string ones', async () => {
    const good = 'themes:\n  - { id: a, label: Housing, examples: [" Rents are too high. "] }\n';
    const loaded = await loadConsultation(await configFile(`${MINIMAL}${good}`));
    expect(loaded.config.themes[0]?.examples).toEqual(['Rents are too high.']);
    const bad =
      'themes:\n  - { id: a, label: Housing, examples: ["  "] }\n  - { id: b, label: Parks, examples: Trees }\n';
    const message = await loadError(`${MINIMAL}${bad}`);
    expect(message).toContain('themes[0].examples[0]: Theme examples must not be empty');
    expect(message).toContain('themes[1].examples');
  });

  it("checks a file's question against the questions' ids and texts", async () => {
    const files =
      'title: T\nquestions: [What works?, What should change?]\ninput:\n  files:\n    - { path: a.csv, question: q2 }\n    - { path: b.csv, question: What works? }\n';
    const loaded = await loadConsultation(await configFile(files));
    expect(loaded.config.input.files.map((f) => f.question)).toEqual(['q2', 'What works?']);
    const message = await loadError(files.replace('question: q2', 'question: q9'));
    expect(message).toContain(
      'input.files[0].question: "q9" is not one of the questions\' ids or texts, even ignoring case and spacing (q1, q2)',
    );
  });

  it('rejects weeks out of order and impossible dates', async () => {
    const weeks =
      'weeks:\n  - { label: A, start: 2024-03-11, end: 2024-03-17 }\n  - { label: B, start: 2024-03-04, end: 2024-02-30 }\n';
    const message = await loadError(`${MINIMAL}${weeks}`);
    expect(message).toContain('weeks[1].end: Expected a real calendar date');
    expect(message).toContain('weeks[1].start: Weeks must be in order');
  });

  it("checks the survey layout's question columns: some, distinct, and only in that layout", async () => {
    const survey =
      'title: T\nquestions:\n  - { id: a, text: A?, column: Q1 }\n  - { id: b, text: B?, column: Q2 }\ninput:\n  layout: survey\n  files: [s.csv]\n';
    const loaded = await loadConsultation(await configFile(survey));
    expect(loaded.config.questions.map((q) => q.column)).toEqual(['Q1', 'Q2']);
    expect(await loadError(survey.replace('column: Q2', 'column: Q1'))).toContain(
      'questions[1].column: Column "Q1" is already another question\'s; each question reads its own column',
    );
    expect(await loadError(survey.replaceAll(/, column: Q\d/g, ''))).toContain(
      "input.layout: The survey layout reads answers from the questions' columns, but no question has a `column`",
    );
    expect(await loadError(survey.replace('  layout: survey\n', ''))).toContain(
      'questions[0].column: A question `column` is read only in the survey layout (one row per respondent, one column per question); set `input.layout: survey`',
    );
  });

  it("takes the consultation's country as an ISO 3166 alpha-2 code, and nothing else", async () => {
    const loaded = await loadConsultation(await configFile(`${MINIMAL}privacy: { country: GB }\n`));
    expect(loaded.config.privacy.country).toBe('GB');
    expect(await loadError(`${MINIMAL}privacy: { country: gb }\n`)).toMatch(/privacy\.country.*GB/);
    expect(await loadError(`${MINIMAL}privacy: { country: XX }\n`)).toMatch(
      /country code that exists/,
    );
    expect(await loadError(`${MINIMAL}privacy: { country: GBR }\n`)).toMatch(/privacy\.country/);
  });

  it('reports invalid YAML with its line', async () => {
    const message = await loadError('title: T\ninput: [unclosed\n');
    expect(message).toMatch(/^consultation\.yaml:\d+: not valid YAML/);
  });

  it('reports a missing config file plainly', async () => {
    const error = await loadConsultation('/nonexistent/consultation.yaml').catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      '/nonexistent/consultation.yaml: cannot read the config (no such file)',
    );
  });
});
