import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Contribution } from '../../schemas/contribution.js';
import { runCli } from '../helpers/cli.js';

const SURVEYS = 'test/fixtures/surveys';

/** Every export's name, with the invented personal data its system columns hold. */
const EXPORTS = [
  'google-forms.csv',
  'microsoft-forms.xlsx',
  'surveymonkey.csv',
  'qualtrics.csv',
  'kobotoolbox.csv',
  'limesurvey.csv',
];

/** Strings of the system columns' invented personal data: none may reach the brief. */
const PERSONAL = [/@example\.org/, /192\.0\.2\./, /Placeholder/, /Testperson/];

/** `brief run FILE` on a copy of a fixture, to the brief's Markdown. */
async function runExport(name: string) {
  const dir = await mkdtemp(join(tmpdir(), 'brief-survey-run-'));
  await copyFile(join(SURVEYS, name), join(dir, name));
  const out = join(dir, 'out');
  const run = await runCli(['run', join(dir, name), '--out', out, '--to', 'render', '--quiet']);
  const config = parse(await readFile(join(dir, 'consultation.yaml'), 'utf8')) as {
    questions: { id: string; text: string }[];
    input: { layout?: string; attributes?: unknown[] };
  };
  const contributions = (await readFile(join(out, 'contributions.jsonl'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => Contribution.parse(JSON.parse(line)));
  const brief = await readFile(join(out, 'brief.md'), 'utf8');
  return { run, config, contributions, brief };
}

describe('brief run FILE on each survey export', () => {
  it.each(EXPORTS)(
    '%s: one contribution per answer, by respondent, with attributes and no personal data',
    async (name) => {
      const { run, config, contributions, brief } = await runExport(name);
      expect(run.code, run.stderr).toBe(0);
      expect(config.input.layout).toBe('survey');
      const ids = new Set(config.questions.map((q) => q.id));
      expect(contributions.length).toBeGreaterThan(30);
      for (const c of contributions) {
        expect(ids.has(c.question ?? '')).toBe(true);
        expect(c.text.trim()).not.toBe('');
        expect(Object.keys(c.attributes).length).toBeGreaterThan(0);
      }
      // A respondent answering several questions is one participant.
      const respondents = new Set(contributions.map((c) => c.author));
      expect(respondents.size).toBeLessThan(contributions.length);
      expect(brief).toContain(`from ${respondents.size} participants`);
      for (const q of config.questions) expect(brief).toContain(q.text);
      expect(brief).toContain('## Who took part and what each group said');
      for (const pattern of PERSONAL) expect(brief).not.toMatch(pattern);
      for (const c of contributions) {
        for (const pattern of PERSONAL) expect(JSON.stringify(c)).not.toMatch(pattern);
      }
    },
    60_000,
  );
});
