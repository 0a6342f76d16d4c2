import { appendFile, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineText } from '../../pipeline/brief/markdown-escape.js';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { formatRunReport } from '../../pipeline/cli-report.js';
import { appendDecisions } from '../../pipeline/review/review-log.js';
import { openReviewSession } from '../../pipeline/review/session.js';
import { runPipeline } from '../../pipeline/runner.js';
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Findings } from '../../schemas/findings.js';
import type { ReviewAction, ReviewedThemes, ThemeRef } from '../../schemas/review.js';
import type { Theme, Themes } from '../../schemas/themes.js';
import { createCollectingLogger } from '../helpers/context.js';
import { FIXED_DATE, runCopy } from '../helpers/runs.js';

/** A copy of a folder (a consultation with its run folder) in a fresh temp dir. */
async function copyDir(from: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-review-'));
  await cp(from, dir, { recursive: true });
  return dir;
}

/** A theme as the review app names it in a decision. */
function refOf(theme: Theme): ThemeRef {
  return { id: theme.id, label: theme.label, anchor: theme.passageIds.slice(0, 10) };
}

function keptPassageIds(records: readonly CleanRecord[]): string[] {
  return records.flatMap((r) => (r.status === 'kept' ? r.passages.map((p) => p.id) : []));
}

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

/** Runs the copy in `dir` again, with a logger the test can read. */
async function rerun(dir: string, to: 'synthesise' | 'render') {
  const logger = createCollectingLogger();
  const summary = await runPipeline({
    configPath: join(dir, 'consultation.yaml'),
    outDir: join(dir, 'out'),
    to,
    cacheDir: defaultCacheDir(process.env),
    logger,
    date: FIXED_DATE,
  });
  return { summary, logger };
}

/** The lines of the brief's section under a `### ` heading, up to the next heading of its level. */
function section(markdown: string, heading: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(`### ${heading}`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && /^#{1,3} /.test(line));
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('facilitator decisions on Bowling Green, through re-runs', () => {
  /** The example run once, to the brief: every test copies it. */
  let base: string;
  let themes: Themes;
  let records: CleanRecord[];
  let before: Findings;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'brief-review-base-'));
    await cp('examples/bowling-green', base, { recursive: true });
    const { summary } = await runCopy(base, 'render');
    themes = await summary.load('themes');
    records = await summary.load('clean');
    before = await summary.load('findings');
  }, 300_000);

  it('shows renames, a merge, moves, an exclusion, a pinned quote, notes and approvals in the brief, re-synthesising only changed themes', async () => {
    const dir = await copyDir(base);
    const out = join(dir, 'out');
    const top = themes.themes.filter((t) => t.parentId === null);
    const [roads, food, into, merged, movedTo, movedFrom, spammed] = top as Theme[] &
      [Theme, Theme, Theme, Theme, Theme, Theme, Theme];
    const moved = movedFrom.passageIds.slice(-10);
    const spamPassage = spammed.passageIds.at(-1) as string;
    const spamContribution = spamPassage.split('#')[0] as string;
    const textOf = new Map(records.flatMap((r) => r.passages.map((p) => [p.id, p.text])));
    const pinned = [...roads.passageIds]
      .reverse()
      .find((id) => (textOf.get(id)?.length ?? 0) < 200 && !moved.includes(id)) as string;
    const actions: ReviewAction[] = [
      {
        kind: 'rename',
        theme: refOf(roads),
        label: 'Roads and traffic',
        description: 'Congestion, road widening, parking and traffic lights.',
      },
      { kind: 'rename', theme: refOf(food), label: 'Food and farmers markets' },
      { kind: 'merge', themes: [refOf(merged)], into: refOf(into) },
      { kind: 'move', passages: moved, to: refOf(movedTo) },
      {
        kind: 'exclude',
        target: { contribution: spamContribution },
        reason: 'spam',
        note: 'Advertising.',
      },
      {
        kind: 'pin',
        theme: refOf(roads),
        passage: pinned,
        as: 'quote',
        pinned: true,
        text: textOf.get(pinned) ?? '',
      },
      { kind: 'note', theme: refOf(food), text: 'Check the market figures with the parks team.' },
      { kind: 'note', theme: null, text: 'Reviewed at the team meeting of 3 June.' },
    ];
    const passageIds = keptPassageIds(records);
    await appendDecisions(out, { revision: 0, reviewer: 'Ana', actions, passageIds });
    const remaining = top.filter((t) => t.id !== merged.id);
    await appendDecisions(out, {
      revision: actions.length,
      reviewer: 'Ben',
      actions: remaining.map((t) => ({ kind: 'approve', theme: refOf(t), approved: true })),
      passageIds,
    });

    const { summary } = await rerun(dir, 'render');

    // Only the stages after the themes ran again, and synthesis only for changed theme families.
    expect(Object.fromEntries(summary.stages.map((s) => [s.name, s.status]))).toEqual({
      ingest: 'cached',
      votes: 'cached',
      clean: 'cached',
      embed: 'cached',
      themes: 'cached',
      review: 'ran',
      synthesise: 'ran',
      render: 'ran',
    });
    const reviewed = await summary.load('reviewed');
    const changedFamilies = new Set(
      reviewed.themes
        .filter((t) => reviewed.review.themes[t.id]?.changed)
        .map((t) => t.parentId ?? t.id),
    );
    const inChanged = reviewed.themes.filter((t) => changedFamilies.has(t.parentId ?? t.id));
    const counts = summary.manifest.stages.synthesise?.counts ?? {};
    expect(counts.themesSynthesised).toBe(inChanged.length);
    expect(counts.themesReused).toBeGreaterThan(0);
    expect((counts.themesSynthesised ?? 0) + (counts.themesReused ?? 0)).toBe(
      reviewed.themes.length,
    );

    const findings = await summary.load('findings');
    const brief = await readFile(join(out, 'brief.md'), 'utf8');
    // Labels as renamed, in the sections, the theme table and the audit file.
    expect(brief).toContain(
      '### Roads and traffic\n\nCongestion, road widening, parking and traffic lights.\n',
    );
    expect(brief).toContain('### Food and farmers markets');
    expect(brief).toContain('| Roads and traffic |');
    expect(brief).not.toContain(`### ${roads.label}\n`);
    const csv = await readFile(join(out, 'assignments.csv'), 'utf8');
    expect(csv).toContain(',Roads and traffic,');
    // The merged theme is gone; its passages are in the theme it joined.
    expect(brief).not.toContain(`### ${merged.label}\n`);
    const joined = reviewed.themes.find((t) => t.id === into.id);
    expect(joined?.passageIds).toEqual(expect.arrayContaining(merged.passageIds));
    expect(reviewed.themes.find((t) => t.id === movedTo.id)?.passageIds).toEqual(
      expect.arrayContaining(moved),
    );
    // The pinned quote comes first.
    const roadsFindings = findings.themes.find((t) => t.themeId === roads.id);
    expect(roadsFindings?.quotes[0]?.passageId).toBe(pinned);
    const firstQuote = section(brief, 'Roads and traffic').find((line) => line.startsWith('> “'));
    expect(firstQuote).toContain(inlineText(textOf.get(pinned) ?? '').slice(0, 60));
    // The excluded contribution is in no finding and in no count, and the annex accounts for it.
    const excluded = reviewed.review.excluded[0]?.passageIds ?? [];
    expect(excluded.length).toBeGreaterThan(0);
    const json = JSON.stringify(findings);
    for (const id of excluded) expect(json).not.toContain(`"${id}"`);
    expect(findings.grounding.keptContributions).toBe(before.grounding.keptContributions - 1);
    expect(findings.totals.passages).toBe(before.totals.passages - excluded.length);
    const plural = excluded.length === 1 ? '' : 's';
    expect(brief).toContain(
      `Excluded by a reviewer: ${excluded.length} passage${plural} (spam ${excluded.length}), left out of every finding, count and chart above.`,
    );
    expect(brief).toContain(
      `- Contribution ${spamContribution} (${excluded.length} passage${plural}): spam. Advertising.`,
    );
    expect(csv).toContain(`,excluded-by-review,spam`);
    // Notes and the methodology.
    const notes = section(brief, 'Notes from the review').join('\n');
    expect(notes).toContain('**Food and farmers markets**\n\n- Check the market figures');
    expect(notes).toContain('**On the review as a whole**\n\n- Reviewed at the team meeting');
    expect(brief).toContain(
      `The themes were reviewed by Ana and Ben: ${8 + remaining.length} decisions in force (2 renames, 1 merge, 1 move of passages, 1 exclusion, 1 pinned quote or example, 2 notes, ${remaining.length} approvals). All ${remaining.length} top-level themes were approved. The review kept the tool's theme for `,
    );
    expect(brief).toContain(
      `Themes merged into another count as kept, not moved: ${merged.label} into ${into.label}.`,
    );
    expect(brief).toContain('### What the review changed');
    // The terminal shows the themes as reviewed, not as found.
    const report = await formatRunReport(summary, out);
    expect(report).toMatch(/Reviewed themes +passages +people +sub-themes/);
    expect(report).toContain('Roads and traffic');
    expect(report).not.toContain(`  ${merged.label} `);
  }, 300_000);

  it('keeps decisions whose passages remain after contributions are added, and reports the others as orphaned', async () => {
    const dir = await copyDir(base);
    const out = join(dir, 'out');
    const top = themes.themes.filter((t) => t.parentId === null);
    const [renamed, pinnedIn, excludedIn] = [top[0], top[8], top[9]] as [Theme, Theme, Theme];
    const pinned = pinnedIn.passageIds[0] as string;
    const gone = [pinned, excludedIn.passageIds[0] as string].map((id) => id.split('#')[0]);
    const textOf = new Map(records.flatMap((r) => r.passages.map((p) => [p.id, p.text])));
    await appendDecisions(out, {
      revision: 0,
      reviewer: 'Ana',
      passageIds: keptPassageIds(records),
      actions: [
        { kind: 'rename', theme: refOf(renamed), label: 'Getting around' },
        {
          kind: 'pin',
          theme: refOf(pinnedIn),
          passage: pinned,
          as: 'quote',
          pinned: true,
          text: textOf.get(pinned) ?? '',
        },
        {
          kind: 'exclude',
          target: { contribution: gone[1] as string },
          reason: 'off-topic',
          note: '',
        },
      ],
    });
    // The two contributions those decisions name leave the data; five new ones arrive.
    const csvPath = join(dir, 'comments.csv');
    const rows = (await readFile(csvPath, 'utf8')).split('\n');
    const kept = rows.filter((row) => !gone.some((id) => row.split(',')[2] === id));
    expect(kept.length).toBe(rows.length - 2);
    await writeFile(csvPath, kept.join('\n').replace(/\n*$/, '\n'));
    const added = [
      'The city should build a covered skate park next to the library so teenagers have somewhere to go after school.',
      'Please extend the greenway trail along the river all the way to the college farm.',
      'Our neighbourhood needs street lights on Old Morgantown Road; walking home at night is frightening.',
      'Offer free evening classes in welding and nursing at the technical college for adults changing careers.',
      'Hold a monthly open meeting where residents can question the county magistrates directly.',
    ];
    await appendFile(
      csvPath,
      added.map((text, i) => `1518400000000,,${9001 + i},${9001 + i},0,0,1,"${text}"\n`).join(''),
    );

    const { summary, logger } = await rerun(dir, 'synthesise');

    expect(summary.stages.find((s) => s.name === 'ingest')?.status).toBe('ran');
    const reviewed: ReviewedThemes = await summary.load('reviewed');
    expect(reviewed.review.decisions.map((d) => [d.kind, d.status])).toEqual([
      ['rename', 'applied'],
      ['pin', 'orphaned'],
      ['exclude', 'orphaned'],
    ]);
    expect(reviewed.themes.filter((t) => t.label === 'Getting around')).toHaveLength(1);
    const warnings = logger.of('warn');
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^review: 2 decisions no longer apply, e\.g\. decision 2 \(pin\): .+; decision 3 \(exclude\): .+; all 2 in review-warnings\.jsonl$/,
      ),
    );
    const details = (await readFile(join(out, 'review-warnings.jsonl'), 'utf8')).trim().split('\n');
    expect(details.map((line) => JSON.parse(line).decision)).toEqual([2, 3]);
    // Only the new contributions' passages are new since the review.
    const fresh = new Set(Object.values(reviewed.review.themes).flatMap((t) => t.newSinceReview));
    expect(fresh.size).toBeGreaterThan(0);
    for (const id of fresh) expect(Number(id.split('#')[0])).toBeGreaterThanOrEqual(9001);
    const onDisk = await readJson<ReviewedThemes>(join(out, 'reviewed-themes.json'));
    expect(onDisk.review.decisions.filter((d) => d.status === 'orphaned')).toHaveLength(2);
    const findings = await summary.load('findings');
    expect(findings.totals.contributions).toBe(before.totals.contributions - 2 + added.length);
  }, 300_000);
});

describe('re-parenting on Bowling Green, through a re-run', () => {
  it('gives the same tree in the review stage as in the app: a nest and a top-level split', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-review-nest-'));
    await cp('examples/bowling-green', dir, { recursive: true });
    const { summary } = await runCopy(dir, 'synthesise');
    const found = await summary.load('themes');
    const records = await summary.load('clean');
    const subs = (t: Theme) => found.themes.filter((s) => s.parentId === t.id);
    const parents = found.themes.filter((t) => t.parentId === null && subs(t).length >= 2);
    const [from, to] = parents as [Theme, Theme];
    const [nested, splitFrom] = subs(from) as [Theme, Theme];
    const actions: ReviewAction[] = [
      { kind: 'nest', theme: refOf(nested), under: refOf(to) },
      {
        kind: 'split',
        theme: refOf(splitFrom),
        passages: splitFrom.passageIds.slice(0, 3),
        label: 'Split off',
        topLevel: true,
      },
    ];
    const out = join(dir, 'out');
    await appendDecisions(out, {
      revision: 0,
      reviewer: 'Ana',
      actions,
      passageIds: keptPassageIds(records),
    });
    await rerun(dir, 'synthesise');
    const reviewed = await readJson<ReviewedThemes>(join(out, 'reviewed-themes.json'));
    expect(reviewed.review.decisions.map((d) => d.status)).toEqual(['applied', 'applied']);
    const byId = new Map(reviewed.themes.map((t) => [t.id, t]));
    expect(byId.get(nested.id)?.parentId).toBe(to.id);
    const split = reviewed.themes.find((t) => t.label === 'Split off');
    expect(split?.parentId).toBeNull();
    expect(split?.passageIds).toHaveLength(3);
    for (const id of split?.passageIds ?? [])
      expect(byId.get(from.id)?.passageIds).not.toContain(id);
    const app = await openReviewSession({
      configPath: join(dir, 'consultation.yaml'),
      outDir: out,
      cacheDir: defaultCacheDir(process.env),
      logger: createCollectingLogger(),
      date: FIXED_DATE,
      holdsLock: false,
    });
    const tree = (themes: readonly Theme[]) => themes.map((t) => [t.id, t.parentId, t.passageIds]);
    expect(tree(app.state().themes)).toEqual(tree(reviewed.themes));
  }, 300_000);
});
