// `npm run bench -- survey [--size RESPONDENTS]`: a survey export (one row per respondent, 20
// columns, 5 open questions) end to end. Target at 20,000 respondents (100,000 answers, some
// blank): under 120 s and 2 GB.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { loadSourceTexts } from './corpus.js';
import { formatStages, runConfig } from './run-corpus.js';
import { generateSurvey, SURVEY_QUESTIONS } from './survey-corpus.js';

/** `--size` when not given: `npm run bench` runs every suite at 100,000, read here as answers. */
const DEFAULT_COUNT = 100_000;

/**
 * Runs the whole pipeline, export included, on a generated survey export of `count / 5`
 * respondents in a fresh process, and prints each stage's time and the peak memory.
 */
export async function benchSurvey(count: number): Promise<string> {
  const respondents = Math.max(1, Math.round((count || DEFAULT_COUNT) / SURVEY_QUESTIONS.length));
  const dir = await mkdtemp(join(tmpdir(), 'brief-survey-'));
  try {
    const csv = generateSurvey(respondents, 1, loadSourceTexts(PACKAGE_ROOT));
    await writeFile(join(dir, 'export.csv'), csv);
    const config = join(dir, 'consultation.yaml');
    await writeFile(config, surveyConfig());
    const report = runConfig(config, join(dir, 'out'));
    return [
      `survey export, ${respondents.toLocaleString('en')} respondents x 20 columns (${(csv.length / 1e6).toFixed(1)} MB)`,
      ...formatStages(report, true),
      `  total    ${(report.ms / 1000).toFixed(1)} s, peak RSS ${Math.round(report.maxRssMb).toLocaleString('en')} MB  (target at 20,000: < 120 s, < 2,048 MB)`,
    ].join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The config a programme team would write for the export: survey layout, attributes listed. */
function surveyConfig(): string {
  return stringify({
    title: 'Survey benchmark',
    questions: SURVEY_QUESTIONS.map((text, i) => ({ id: `q${i + 1}`, text, column: text })),
    input: {
      files: ['export.csv'],
      layout: 'survey',
      fields: { date: 'Timestamp' },
      attributes: ['Which best describes you?', 'Country', 'Age band', 'Region type'],
    },
  });
}
