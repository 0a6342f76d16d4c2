// `npm run bench -- [suite] [--n COUNT]`: runs the benchmarks and prints their figures
// (`review-effort --gold FILE.csv [--json] [--batch N]` runs on a labelled file, only when named).
import { parseArgs } from 'node:util';
import { defaultCacheDir } from '../pipeline/cache-dir.js';
import { benchBrief } from './brief.js';
import { benchClean } from './clean.js';
import { benchE2e } from './e2e.js';
import { benchLlm } from './llm.js';
import { benchReport } from './report.js';
import { benchReview } from './review.js';
import { benchReviewEffort } from './review-effort.js';
import { benchSuggestions } from './suggestions.js';
import { benchSurvey } from './survey.js';
import { benchSynthesise } from './synthesise.js';
import { benchThemes } from './themes.js';

const SUITES: Record<string, (count: number) => Promise<string>> = {
  clean: benchClean,
  themes: benchThemes,
  synthesise: benchSynthesise,
  brief: benchBrief,
  llm: benchLlm,
  e2e: benchE2e,
  report: benchReport,
  review: benchReview,
  suggestions: benchSuggestions,
  survey: benchSurvey,
};

const { values, positionals } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    gold: { type: 'string' },
    json: { type: 'boolean', default: false },
    batch: { type: 'string', default: '2' },
  },
  allowPositionals: true,
});
const count = Number(values.n);
const names = positionals.length > 0 ? positionals : Object.keys(SUITES);
for (const name of names) {
  if (name === 'review-effort') {
    if (!values.gold) throw new Error('review-effort needs --gold FILE.csv (columns text, theme)');
    const batch = Number(values.batch);
    if (!Number.isInteger(batch) || batch < 1)
      throw new Error(`--batch: expected a whole number >= 1, got ${values.batch}`);
    const options = {
      gold: values.gold,
      json: values.json,
      batch,
      cacheDir: defaultCacheDir(process.env),
    };
    process.stdout.write(`${await benchReviewEffort(options)}\n`);
    continue;
  }
  const suite = SUITES[name];
  if (!suite)
    throw new Error(
      `Unknown benchmark "${name}"; benchmarks are ${Object.keys(SUITES).join(', ')}, review-effort`,
    );
  process.stdout.write(`${await suite(count)}\n`);
}
