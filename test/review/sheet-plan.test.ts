import { describe, expect, it } from 'vitest';
import { applyReview } from '../../pipeline/review/apply.js';
import type { ReadSheetRow } from '../../pipeline/review/sheet-file.js';
import { planSheetImport } from '../../pipeline/review/sheet-import.js';
import { reviewSheetRows } from '../../pipeline/review/sheet-rows.js';
import type { ReviewAction, ReviewedThemes, ReviewLog } from '../../schemas/review.js';
import type { ReviewSheetRow } from '../../schemas/review-sheet.js';
import { facts, foundThemes, logOf, PASSAGES } from './fixture.js';

const found = foundThemes();
const KNOWN = new Set(PASSAGES);

/** An in-memory review: the log so far, its state, and a sheet import that appends to it. */
function review(...initial: ReviewAction[]) {
  let log: ReviewLog = logOf(...initial);
  const preview = (actions: readonly ReviewAction[]): ReviewedThemes =>
    applyReview(found, logOf(...log.decisions.map((d) => d.action), ...actions), facts(), null);
  return {
    state: () => preview([]),
    rows: (): ReviewSheetRow[] =>
      reviewSheetRows({ state: preview([]), passageIds: PASSAGES, textOf: (id) => `text ${id}` }),
    import(rows: readonly ReviewSheetRow[]) {
      const read: ReadSheetRow[] = rows.map((values, i) => ({ row: i + 2, values }));
      const plan = planSheetImport('review.csv', read, KNOWN, preview);
      log = logOf(...log.decisions.map((d) => d.action), ...plan.actions);
      return plan;
    },
  };
}

function edit(
  rows: ReviewSheetRow[],
  passage: string,
  change: Partial<ReviewSheetRow>,
): ReviewSheetRow[] {
  return rows.map((row) => (row.passage === passage ? { ...row, ...change } : row));
}

/** The rows without `alsoIn`, which the import ignores (a move leaves every other theme). */
const placed = (rows: ReviewSheetRow[]) =>
  rows.map(({ passage, theme, subtheme, excluded, reason }) => ({
    passage,
    theme,
    subtheme,
    excluded,
    reason,
  }));

describe('the review sheet', () => {
  it('has one row per passage: top-level theme, sub-theme, other themes, other ideas', () => {
    const rows = review().rows();
    expect(rows.map((r) => r.passage)).toEqual(PASSAGES);
    expect(rows.find((r) => r.passage === 'c1#1')).toEqual({
      passage: 'c1#1',
      contribution: 'c1',
      text: 'text c1#1',
      theme: 'Transport',
      subtheme: 'Buses',
      excluded: '',
      reason: '',
      alsoIn: '',
    });
    expect(rows.find((r) => r.passage === 'c6#1')).toMatchObject({
      theme: 'Safety',
      subtheme: '',
      alsoIn: 'Housing',
    });
    expect(rows.find((r) => r.passage === 'c7#1')).toMatchObject({ theme: 'Other ideas' });
  });

  it('shows excluded passages with their reason, the note for "other"', () => {
    const rows = review(
      { kind: 'exclude', target: { passage: 'c1#1' }, reason: 'personal-data', note: '' },
      { kind: 'exclude', target: { contribution: 'c7' }, reason: 'other', note: 'a test post' },
    ).rows();
    expect(rows.find((r) => r.passage === 'c1#1')).toMatchObject({
      theme: '',
      excluded: 'yes',
      reason: 'personal data',
    });
    expect(rows.find((r) => r.passage === 'c7#2')).toMatchObject({
      excluded: 'yes',
      reason: 'a test post',
    });
  });

  it('imports nothing from an unchanged sheet', () => {
    const r = review();
    expect(r.import(r.rows()).actions).toEqual([]);
  });

  it('turns a label changed on every row of a theme into a rename, some rows into moves', () => {
    const r = review();
    let rows = r.rows().map((row) => (row.theme === 'Housing' ? { ...row, theme: 'Homes' } : row));
    rows = rows.map((row) => (row.subtheme === 'Cycling' ? { ...row, subtheme: 'Bikes' } : row));
    rows = edit(rows, 'c1#1', { subtheme: 'Bikes' });
    rows = edit(rows, 'c7#1', { theme: 'Safety' });
    rows = edit(rows, 'c4#1', { theme: 'Other ideas', subtheme: '' });
    const plan = r.import(rows);
    expect(plan).toMatchObject({ renames: 2, moves: 3, merges: 0, newThemes: 0 });
    expect(plan.actions.map((a) => a.kind)).toEqual(['rename', 'rename', 'move', 'move', 'move']);
    expect(placed(r.rows())).toEqual(placed(rows));
    expect(r.import(rows).actions).toEqual([]);
  });

  it('renames a theme whose rows take a new label while some of them move elsewhere', () => {
    const r = review();
    let rows = r
      .rows()
      .map((row) => (row.theme === 'Transport' ? { ...row, theme: 'Mobility' } : row));
    rows = edit(rows, 'c3#2', { theme: 'Housing', subtheme: 'Rents' });
    rows = edit(rows, 'c4#1', { theme: 'Other ideas', subtheme: '' });
    rows = rows.map((row) => (row.subtheme === 'Buses' ? { ...row, subtheme: 'Coaches' } : row));
    rows = edit(rows, 'c2#1', { theme: 'Safety', subtheme: '' });
    const plan = r.import(rows);
    expect(plan).toMatchObject({ renames: 2, moves: 3, merges: 0, newThemes: 0 });
    expect(r.state().themes.map((t) => t.label)).toEqual(
      expect.arrayContaining(['Mobility', 'Coaches']),
    );
    expect(placed(r.rows())).toEqual(placed(rows));
    expect(r.import(rows).actions).toEqual([]);
  });

  it('keeps the label when some rows keep it: the new label is a new theme', () => {
    const r = review();
    const rows = edit(r.rows(), 'c3#2', { theme: 'Walking', subtheme: '' });
    const plan = r.import(rows);
    expect(plan).toMatchObject({ renames: 0, newThemes: 1, moves: 1 });
    expect(r.state().themes.map((t) => t.label)).toContain('Transport');
  });

  it('merges a theme whose rows all take the label of another', () => {
    const r = review();
    const rows = r
      .rows()
      .map((row) => (row.subtheme === 'Social housing' ? { ...row, subtheme: 'Rents' } : row));
    const plan = r.import(rows);
    expect(plan).toMatchObject({ merges: 1, renames: 0, moves: 0 });
    expect(r.state().themes.map((t) => t.label)).not.toContain('Social housing');
    expect(placed(r.rows())).toEqual(placed(rows));
  });

  it('makes new themes and sub-themes by splitting, from "other" too', () => {
    const r = review();
    let rows = edit(r.rows(), 'c3#2', { subtheme: 'Bike lanes' });
    rows = edit(rows, 'c7#1', { theme: 'Parks', subtheme: '' });
    rows = edit(rows, 'c7#2', { theme: 'Parks', subtheme: '' });
    rows = edit(rows, 'c2#2', { theme: 'Parks', subtheme: '' });
    const plan = r.import(rows);
    expect(plan).toMatchObject({ newThemes: 2, moves: 4 });
    const state = r.state();
    const lanes = state.themes.find((t) => t.label === 'Bike lanes');
    expect(lanes?.parentId).toBe('t1');
    const parks = state.themes.find((t) => t.label === 'Parks');
    expect(parks?.parentId).toBeNull();
    expect([...(parks?.passageIds ?? [])].sort()).toEqual(['c2#2', 'c7#1', 'c7#2']);
    expect(placed(r.rows())).toEqual(placed(rows));
    expect(r.import(rows).actions).toEqual([]);
  });

  it('excludes, restores and changes reasons; a contribution excluded whole is handled per passage', () => {
    const r = review(
      { kind: 'exclude', target: { contribution: 'c3' }, reason: 'spam', note: '' },
      { kind: 'exclude', target: { passage: 'c5#2' }, reason: 'spam', note: '' },
    );
    let rows = edit(r.rows(), 'c1#1', { excluded: 'yes', reason: 'Off-topic' });
    rows = edit(rows, 'c7#1', { excluded: 'Yes', reason: 'posted twice' });
    rows = edit(rows, 'c3#1', { excluded: '', reason: '' });
    rows = edit(rows, 'c5#2', { reason: 'personal data' });
    const plan = r.import(rows);
    expect(plan).toMatchObject({ exclusions: 2, restorations: 1, reasons: 1 });
    const excluded = r.state().review.excluded;
    expect(excluded.map((e) => [e.target, e.reason, e.note])).toEqual(
      expect.arrayContaining([
        [{ passage: 'c1#1' }, 'off-topic', ''],
        [{ passage: 'c7#1' }, 'other', 'posted twice'],
        [{ passage: 'c3#2' }, 'spam', ''],
        [{ passage: 'c5#2' }, 'personal-data', ''],
      ]),
    );
    expect(excluded).toHaveLength(4);
    expect(r.state().themes.find((t) => t.id === 't1.2')?.passageIds).toEqual(['c3#1']);
    expect(r.import(r.rows()).actions).toEqual([]);
    // A restored row with an empty theme cell stays where the restore puts it.
    expect(JSON.stringify(r.import(rows).actions)).toEqual('[]');
  });

  it('names every row in error and plans nothing', () => {
    const r = review();
    let rows = edit(r.rows(), 'c1#1', { passage: 'c9#1' });
    rows = edit(rows, 'c2#1', { excluded: 'maybe' });
    expect(() => r.import(rows)).toThrow(
      '2 rows are in error, nothing was imported:\n  review.csv:2: unknown passage "c9#1"\n  review.csv:4: excluded is "maybe"; write yes, or leave it empty',
    );
    const twice = [...r.rows(), { ...(r.rows()[0] as ReviewSheetRow) }];
    expect(() => r.import(twice)).toThrow(
      `review.csv:${PASSAGES.length + 2}: passage "c1#1" is also on row 2 (nothing was imported)`,
    );
  });

  it('quotes at most 200 characters of a cell in error', () => {
    const r = review();
    const huge = 'P'.repeat(1_000_000);
    let rows = edit(r.rows(), 'c1#1', { passage: huge });
    rows = edit(rows, 'c2#1', { excluded: huge });
    expect(() => r.import(rows)).toThrow(
      `2 rows are in error, nothing was imported:\n  review.csv:2: unknown passage "${'P'.repeat(200)}…" (1,000,000 characters)\n  review.csv:4: excluded is "${'P'.repeat(200)}…" (1,000,000 characters); write yes, or leave it empty`,
    );
  });
});
