// `npm run bench -- [suite] [--size COUNT]`: runs the benchmarks and prints their figures
// (`e2e --size N --compare M` also runs size M and prints each stage's growth from M to N)
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

const SUITES: Record<string, (count: number, compare?: number) => Promise<string>> = {
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
    size: { type: 'string', default: '100000' },
    compare: { type: 'string' },
    gold: { type: 'string' },
    json: { type: 'boolean', default: false },
    batch: { type: 'string', default: '2' },
  },
  allowPositionals: true,
});
const count = wholeNumber('--size', values.size);
const compare = values.compare === undefined ? undefined : wholeNumber('--compare', values.compare);
const names = positionals.length > 0 ? positionals : Object.keys(SUITES);
for (const name of names) {
  if (name === 'review-effort') {
    if (!values.gold) throw new Error('review-effort needs --gold FILE.csv (columns text, theme)');
    const batch = wholeNumber('--batch', values.batch);
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
  process.stdout.write(`${await suite(count, compare)}\n`);
}

/** A whole number >= 1 given to option `name`. */
function wholeNumber(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`${name}: expected a whole number >= 1, got ${value}`);
  return n;
}
