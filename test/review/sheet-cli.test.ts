import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import { REVIEW_FILE } from '../../pipeline/review/review-log.js';
import { LOCK_FILE } from '../../pipeline/run-lock.js';
import type { ReviewedThemes } from '../../schemas/review.js';
import { ReviewAgreement } from '../../schemas/review-summary.js';
import { copyFixture, runCli } from '../helpers/cli.js';

/** A copy of the review fixture, its config and run folder, and a `brief review` runner. */
async function setup() {
  const dir = await copyFixture('review');
  const config = join(dir, 'consultation.yaml');
  const out = join(dir, 'out');
  const review = (...args: string[]) =>
    runCli(['review', config, '--out', out, '--quiet', ...args]);
  return { dir, config, out, review };
}

type Rows = Record<string, string>[];

/** The edits every round trip makes: a rename, a move and an exclusion. */
function editRows(rows: Rows): Rows {
  return rows.map((row) => {
    if (row.passage === 'b5#1') return { ...row, theme: 'Housing' };
    if (row.passage === 'p5#1')
      return { ...row, theme: 'Parks', excluded: 'yes', reason: 'off-topic' };
    if (row.theme === 'Parks') return { ...row, theme: 'Green spaces' };
    return row;
  });
}

async function readCsvRows(file: string): Promise<Rows> {
  return parse(await readFile(file, 'utf8'), { bom: true, columns: true });
}

/** Runs the rest of the pipeline and checks the brief follows the sheet's edits. */
async function expectBriefReflectsEdits(config: string, out: string): Promise<void> {
  const run = await runCli(['run', config, '--out', out, '--quiet', '--date', '2024-06-01']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const reviewed: ReviewedThemes = JSON.parse(
    await readFile(join(out, 'reviewed-themes.json'), 'utf8'),
  );
  const byLabel = new Map(reviewed.themes.map((t) => [t.label, t]));
  expect([...byLabel.keys()].sort()).toEqual(['Buses', 'Green spaces', 'Housing']);
  expect(byLabel.get('Green spaces')?.passageIds.sort()).toEqual(['p1#1', 'p2#1', 'p3#1', 'p4#1']);
  expect(byLabel.get('Housing')?.passageIds).toContain('b5#1');
  expect(byLabel.get('Buses')?.passageIds).not.toContain('b5#1');
  expect(reviewed.review.excluded).toEqual([
    { target: { passage: 'p5#1' }, reason: 'off-topic', note: '', passageIds: ['p5#1'] },
  ]);
  expect(reviewed.review.reviewers).toEqual(['Ana']);
  const brief = await readFile(join(out, 'brief.md'), 'utf8');
  expect(brief).toContain('Green spaces');
  expect(brief).not.toMatch(/^#+ .*Parks/m);
  const summary = ReviewAgreement.parse(
    JSON.parse(await readFile(join(out, 'review-summary.json'), 'utf8')),
  );
  expect(summary.overall).toEqual({ passages: 15, kept: 13, moved: 1, excluded: 1 });
  expect(brief).toContain(
    "The review kept the tool's theme for 87% of the 15 passages; 7% were moved to another theme and 6% excluded.",
  );
}

describe('brief review --export / --import', () => {
  it('round-trips a CSV sheet: rename, move, exclude, then the brief follows', async () => {
    const { dir, config, out, review } = await setup();
    const sheet = join(dir, 'review.csv');
    const exported = await review('--export', sheet);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toBe(`wrote ${sheet} (15 passages)\n`);
    const bytes = await readFile(sheet);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split(/\r?\n/)[0]).toBe(
      '\uFEFFpassage,contribution,text,theme,subtheme,excluded,reason,alsoIn',
    );
    const rows = await readCsvRows(sheet);
    expect(rows).toHaveLength(15);
    expect(rows.find((r) => r.passage === 'b3#1')?.text).toContain('café');
    await writeFile(
      sheet,
      stringify(editRows(rows), { bom: true, header: true, columns: Object.keys(rows[0] ?? {}) }),
    );

    const imported = await review('--import', sheet, '--reviewer', 'Ana');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(
      `${sheet}: 1 rename, 1 move, 1 exclusion; run \`brief run\` to rebuild the brief\n`,
    );
    const again = await review('--import', sheet, '--reviewer', 'Ana');
    expect(again.stdout).toBe(`${sheet}: no changes to import\n`);
    const log = JSON.parse(await readFile(join(out, REVIEW_FILE), 'utf8'));
    expect(log.decisions.map((d: { action: { kind: string } }) => d.action.kind)).toEqual([
      'rename',
      'move',
      'exclude',
    ]);
    await expectBriefReflectsEdits(config, out);
  });

  it("imports a rename on all of a theme's rows with some of them moved in the same edit", async () => {
    const { dir, review } = await setup();
    const sheet = join(dir, 'review.csv');
    await review('--export', sheet);
    const rows = await readCsvRows(sheet);
    const edited = rows.map((row) => {
      if (row.passage === 'p4#1') return { ...row, theme: 'Housing', subtheme: '' };
      if (row.theme === 'Parks') return { ...row, theme: 'Green spaces' };
      return row;
    });
    await writeFile(
      sheet,
      stringify(edited, { bom: true, header: true, columns: Object.keys(rows[0] ?? {}) }),
    );
    const imported = await review('--import', sheet, '--reviewer', 'Ana');
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe(
      `${sheet}: 1 rename, 1 move; run \`brief run\` to rebuild the brief\n`,
    );
    const again = await review('--export', sheet);
    expect(again.code).toBe(0);
    const after = await readCsvRows(sheet);
    expect(after.find((r) => r.passage === 'p4#1')?.theme).toBe('Housing');
    expect(after.filter((r) => r.theme === 'Green spaces').map((r) => r.passage)).toEqual(
      edited.filter((r) => r.theme === 'Green spaces').map((r) => r.passage),
    );
  });

  it('round-trips an .xlsx sheet the same way', async () => {
    const { dir, config, out, review } = await setup();
    const sheet = join(dir, 'review.xlsx');
    expect((await review('--export', sheet)).code).toBe(0);
    const [header, ...data] = (await readSheet(await readFile(sheet), 1)).map((row) =>
      row.map((cell) => (cell === null ? '' : String(cell))),
    );
    expect(header).toEqual([
      'passage',
      'contribution',
      'text',
      'theme',
      'subtheme',
      'excluded',
      'reason',
      'alsoIn',
    ]);
    const columns = header ?? [];
    const rows = data.map((cells) =>
      Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])),
    );
    expect(rows.find((r) => r.passage === 'b3#1')?.text).toContain('café');
    const edited = editRows(rows).map((row) =>
      columns.map((c) => ({ value: row[c] ?? '', type: String })),
    );
    await writeXlsxFile([columns.map((value) => ({ value })), ...edited]).toFile(sheet);

    const imported = await review('--import', sheet, '--reviewer', 'Ana');
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe(
      `${sheet}: 1 rename, 1 move, 1 exclusion; run \`brief run\` to rebuild the brief\n`,
    );
    expect((await review('--import', sheet)).stdout).toBe(`${sheet}: no changes to import\n`);
    await expectBriefReflectsEdits(config, out);
  });

  it('names the row of an unknown passage, and a missing column, and writes nothing', async () => {
    const { dir, out, review } = await setup();
    const sheet = join(dir, 'review.csv');
    await review('--export', sheet);
    const rows = editRows(await readCsvRows(sheet));
    const broken = rows.map((row, i) => (i === 2 ? { ...row, passage: 'x9#1' } : row));
    await writeFile(
      sheet,
      stringify(broken, { header: true, columns: Object.keys(broken[0] ?? {}) }),
    );
    const unknown = await review('--import', sheet);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`${sheet}:4: unknown passage "x9#1" (nothing was imported)`);
    await expect(readFile(join(out, REVIEW_FILE))).rejects.toThrow('ENOENT');

    const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== 'excluded' && c !== 'reason');
    await writeFile(sheet, stringify(rows, { header: true, columns }));
    const missing = await review('--import', sheet);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${sheet}:1: missing columns excluded, reason`);
    await expect(readFile(join(out, REVIEW_FILE))).rejects.toThrow('ENOENT');
  });

  it('neutralises formulas: a leading apostrophe on export, stripped on import', async () => {
    const { dir, out, review } = await setup();
    const sheet = join(dir, 'review.csv');
    await review('--export', sheet);
    let text = await readFile(sheet, 'utf8');
    expect(text).toContain(`h5#1,h5,"'=HYPERLINK(""http://evil.example"";""click"")`);
    // A label starting like a formula, typed by a facilitator, is kept as typed...
    const rows = (await readCsvRows(sheet)).map((row) =>
      row.theme === 'Housing' ? { ...row, theme: '-Housing-' } : row,
    );
    await writeFile(
      sheet,
      stringify(rows, { bom: true, header: true, columns: Object.keys(rows[0] ?? {}) }),
    );
    expect((await review('--import', sheet)).stdout).toContain('1 rename;');
    const log = JSON.parse(await readFile(join(out, REVIEW_FILE), 'utf8'));
    expect(log.decisions[0].action.label).toBe('-Housing-');
    // ...exported guarded, and read back unguarded: nothing changed.
    await review('--export', sheet);
    text = await readFile(sheet, 'utf8');
    expect(text).toContain(",'-Housing-,");
    expect(text).not.toMatch(/,[-=+@][^,]*,/);
    expect((await review('--import', sheet)).stdout).toBe(`${sheet}: no changes to import\n`);
  });

  it('refuses to import while another process holds the run folder', async () => {
    const { dir, out, review } = await setup();
    const sheet = join(dir, 'review.csv');
    await review('--export', sheet);
    await mkdir(out, { recursive: true });
    const holder = {
      pid: process.ppid,
      host: hostname(),
      since: '2024-06-01T10:00:00.000Z',
      purpose: 'brief run',
      token: 'someone-else',
    };
    await writeFile(join(out, LOCK_FILE), JSON.stringify(holder));
    const refused = await review('--import', sheet);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${out} is in use by brief run (process ${process.ppid}, since 2024-06-01T10:00:00.000Z): pass --wait to wait for it`,
    );
    await expect(readFile(join(out, REVIEW_FILE))).rejects.toThrow('ENOENT');
  });
});
