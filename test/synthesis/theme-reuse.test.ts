import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { appendDecisions } from '../../pipeline/review/review-log.js';
import { type RunSummary, runPipeline } from '../../pipeline/runner.js';
import type { StageName } from '../../pipeline/stages/index.js';
import { themeFamilyKeys } from '../../pipeline/synthesis/findings/theme-reuse.js';
import type { Theme, Themes } from '../../schemas/themes.js';
import { createCollectingLogger } from '../helpers/context.js';
import { corpusOf, FIXED_DATE, runFixture } from '../helpers/runs.js';

describe('per-theme reuse of findings', () => {
  let summary: RunSummary;
  let out: string;
  let notes = 0;

  beforeAll(async () => {
    ({ summary, out } = await runFixture('synthesis'));
  }, 120_000);

  /** Adds a note on the whole review, which makes synthesis run again on the same themes. */
  async function addNote(): Promise<void> {
    const records = await summary.load('clean');
    await appendDecisions(out, {
      revision: notes,
      reviewer: null,
      passageIds: records.flatMap((r) => (r.status === 'kept' ? r.passages.map((p) => p.id) : [])),
      actions: [{ kind: 'note', theme: null, text: `Note ${++notes}` }],
    });
  }

  async function rerun(from?: StageName) {
    const again = await runPipeline({
      configPath: summary.config.path,
      outDir: out,
      to: 'synthesise',
      from,
      cacheDir: defaultCacheDir(process.env),
      logger: createCollectingLogger(),
      date: FIXED_DATE,
    });
    return {
      counts: again.manifest.stages.synthesise?.counts ?? {},
      findings: await again.load('findings'),
    };
  }

  it('keys a theme by what it is written from: a rename changes only its own key', async () => {
    const themes = await summary.load('themes');
    const basis = { version: 1 };
    const corpus = await corpusOf(summary);
    const keys = themeFamilyKeys(corpus, {}, basis);
    expect(new Set(keys.values()).size).toBe(themes.themes.filter((t) => !t.parentId).length);
    expect(themeFamilyKeys({ ...corpus }, {}, basis)).toEqual(keys);
    const [first, ...rest] = themes.themes as [Theme, ...Theme[]];
    const renamed: Themes = { ...themes, themes: [{ ...first, label: 'Renamed' }, ...rest] };
    const after = themeFamilyKeys({ ...corpus, themes: renamed }, {}, basis);
    expect(after.get(first.id)).not.toBe(keys.get(first.id));
    for (const theme of rest) expect(after.get(theme.id)).toBe(keys.get(theme.id));
    const pins = { [first.id]: { quotes: [first.passageIds.at(-1) ?? ''] } };
    expect(themeFamilyKeys(corpus, pins, basis).get(first.id)).not.toBe(keys.get(first.id));
    expect(themeFamilyKeys(corpus, {}, { version: 2 })).not.toEqual(keys);
  });

  it('reuses every unchanged theme, unless asked to recompute or the findings were edited', async () => {
    const first = await summary.load('findings');
    expect(summary.manifest.stages.synthesise?.counts).toMatchObject({
      themesSynthesised: first.themes.length,
      themesReused: 0,
    });

    await addNote();
    const reused = await rerun();
    expect(reused.counts).toMatchObject({
      themesSynthesised: 0,
      themesReused: first.themes.length,
    });
    expect(reused.findings).toEqual(first);

    const recomputed = await rerun('synthesise');
    expect(recomputed.counts).toMatchObject({ themesReused: 0 });
    expect(recomputed.findings).toEqual(first);

    // Findings edited behind the tool's back are not taken as a previous run's.
    const file = join(out, 'findings.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/"label": "/, '"label": "X'));
    await addNote();
    expect((await rerun()).counts).toMatchObject({ themesReused: 0 });
  }, 120_000);
});
