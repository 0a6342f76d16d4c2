import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { generateCorpus, loadSourceTexts } from '../bench/corpus.js';
import { defaultCacheDir } from '../pipeline/cache-dir.js';
import { PACKAGE_ROOT } from '../pipeline/package-info.js';
import { runPipeline } from '../pipeline/runner.js';
import type { ProgressEvent } from '../pipeline/stage.js';
import { createCollectingLogger } from './helpers/context.js';

/** Generated contributions: enough that every stage's long parts show, few enough for a test. */
const CONTRIBUTIONS = 4000;
/** No silence within a stage may exceed this share of the stage's time... */
const MAX_GAP_SHARE = 0.5;
/**
 * ...unless it is under 4 s, which needs no progress: fixed costs (loading the language detector,
 * the word vectors, pdfkit) weigh much in the short stages of a small run, up to 2 s on an idle
 * machine and twice that while other test files share its two cores (a CI run beside a benchmark
 * failed here at 2 s).
 */
const SHORT_GAP_MS = 4000;

/** What a run reported, in order, with the time of each (ms since it began). */
type Mark = { at: number } & (
  | { kind: 'start' | 'end'; stage: string }
  | { kind: 'progress'; stage: string; event: ProgressEvent }
);

/** Runs the whole pipeline, export included, on a generated corpus, noting every report. */
async function reportedRun(): Promise<Mark[]> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-progress-'));
  await writeFile(
    join(dir, 'corpus.csv'),
    generateCorpus(CONTRIBUTIONS, 1, loadSourceTexts(PACKAGE_ROOT)),
  );
  // Guided and emergent themes together, as the bench runs them.
  const example = join(PACKAGE_ROOT, 'examples', 'rule-of-law', 'consultation.yaml');
  const { themes } = parse(await readFile(example, 'utf8')) as { themes: unknown[] };
  const fields = { id: 'id', text: 'text', author: 'author', date: 'date' };
  const config = { title: 'Progress', input: { files: ['corpus.csv'], fields }, themes };
  await writeFile(join(dir, 'consultation.yaml'), stringify(config));
  const marks: Mark[] = [];
  const started = performance.now();
  const at = () => performance.now() - started;
  const logger = createCollectingLogger();
  await runPipeline({
    configPath: join(dir, 'consultation.yaml'),
    outDir: join(dir, 'out'),
    cacheDir: defaultCacheDir(process.env),
    logger: {
      ...logger,
      // The runner says "<stage>: running" as each stage (and the export) starts.
      debug(message) {
        const stage = /^(\w+): running$/.exec(message)?.[1];
        if (stage) marks.push({ at: at(), kind: 'start', stage });
      },
    },
    progress: (event) => marks.push({ at: at(), kind: 'progress', stage: event.stage, event }),
    onStageDone: (stage) => marks.push({ at: at(), kind: 'end', stage }),
    date: '2024-06-01',
  });
  return marks;
}

describe('progress of a whole run', () => {
  it('comes from every stage, each part counted to its end, with no long silence', async () => {
    const marks = await reportedRun();
    const stages = marks.filter((m) => m.kind === 'start').map((m) => m.stage);
    expect(stages).toEqual([
      ...['ingest', 'votes', 'clean', 'embed', 'themes', 'review', 'synthesise', 'render'],
      'export',
    ]);
    const silences: string[] = [];
    for (const stage of stages) {
      const from = marks.findIndex((m) => m.kind === 'start' && m.stage === stage);
      const to = marks.findIndex((m) => m.kind === 'end' && m.stage === stage);
      const own = marks.slice(from, to + 1);
      const events = own.flatMap((m) => (m.kind === 'progress' ? [m.event] : []));
      // The votes stage has nothing to read without a votes file.
      if (stage !== 'votes') expect(events.length, `${stage} reports progress`).toBeGreaterThan(0);
      expect(events.every((e) => e.stage === stage)).toBe(true);
      expectPartsCompleted(events);
      const ms = (own.at(-1) as Mark).at - (own[0] as Mark).at;
      for (let i = 1; i < own.length; i++) {
        const gap = (own[i] as Mark).at - (own[i - 1] as Mark).at;
        if (gap > Math.max(SHORT_GAP_MS, MAX_GAP_SHARE * ms))
          silences.push(
            `${stage}: ${Math.round(gap)} ms of ${Math.round(ms)} ms after ${markText(own[i - 1] as Mark)}`,
          );
      }
    }
    expect(silences).toEqual([]);
  }, 300_000);
});

/** Each part of a stage counts up, never past its total, and reaches it. */
function expectPartsCompleted(events: readonly ProgressEvent[]): void {
  const last = new Map<string, ProgressEvent>();
  for (const event of events) {
    const key = `${event.phase ?? ''}:${event.unit}`;
    const before = last.get(key);
    expect(event.done, key).toBeLessThanOrEqual(event.total);
    if (before) expect(event.done, key).toBeGreaterThanOrEqual(before.done);
    last.set(key, event);
  }
  for (const [key, event] of last) expect(event.done, `${event.stage} ${key}`).toBe(event.total);
}

function markText(mark: Mark): string {
  if (mark.kind !== 'progress') return `${mark.kind} of ${mark.stage}`;
  const { phase, unit, done, total } = mark.event;
  return `${phase ?? ''} ${done}/${total} ${unit}`;
}
