// One contributor's 2 MB post among 320 real contributions must not reshape the themes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { describeLongContributions } from '../../pipeline/brief/long-contributions.js';
import { adjustedRandIndex } from '../../pipeline/eval/metrics.js';
import { createRandom } from '../../pipeline/random.js';
import type { Theme } from '../../schemas/themes.js';
import { copyFixture } from '../helpers/cli.js';
import { runCopy } from '../helpers/runs.js';

const REAL = 320;
const CONFIG = `title: What could Bowling Green be?
questions:
  - What should change in Bowling Green to make it a better place to live, work and spend time?
input:
  files: [comments.csv]
  fields: { id: comment-id, text: comment-body, author: author-id, date: timestamp }
`;

/**
 * About `bytes` of one author's varied sentences on one topic (private military companies), in
 * paragraphs of a few sentences: a post that would make most of the consultation's passages.
 */
function onePost(bytes: number): string {
  const random = createRandom(7);
  const pick = (items: readonly string[]) => items[Math.floor(random() * items.length)] as string;
  const who = ['Private military companies', 'Mercenary firms', 'Private armies', 'Contractors'];
  const what = [
    'must be regulated by parliament',
    'operate without any oversight',
    'are paid with public money',
    'should be banned from combat',
    'escape every court',
    'guard prisons for profit',
  ];
  const why = ['in every country.', 'before more harm is done.', 'under international law.'];
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const sentences = Array.from({ length: 4 }, () => `${pick(who)} ${pick(what)} ${pick(why)}`);
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** A consultation of the first 320 Bowling Green comments, and the post by one more author. */
async function consultation(post: string | null): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-long-contribution-'));
  const rows = parse(await readFile('examples/bowling-green/comments.csv'), {
    columns: true,
  }) as Record<string, string>[];
  const real = rows.filter((row) => row.moderated !== '-1').slice(0, REAL);
  const last = real.at(-1) as Record<string, string>;
  const big = {
    ...last,
    'comment-id': 'post-2mb',
    'author-id': 'one-author',
    'comment-body': post,
  };
  await writeFile(
    join(dir, 'comments.csv'),
    stringify(post ? [...real, big] : real, { header: true }),
  );
  await writeFile(join(dir, 'consultation.yaml'), CONFIG);
  return dir;
}

async function themesOf(post: string | null) {
  const { summary } = await runCopy(await consultation(post), 'themes');
  const themes = await summary.load('themes');
  return { themes, records: await summary.load('clean') };
}

const top = (themes: readonly Theme[]) => themes.filter((t) => t.parentId === null);

/** Each of `ids`' top-level theme (its index), or -1 in "Other ideas". */
function placement(themes: readonly Theme[], ids: readonly string[]): Int32Array {
  const at = new Map<string, number>();
  top(themes).forEach((theme, i) => {
    for (const id of theme.passageIds) at.set(id, i);
  });
  return Int32Array.from(ids, (id) => at.get(id) ?? -1);
}

describe('one very long contribution', () => {
  it('leaves the themes of the others standing and their counts true', async () => {
    const post = onePost(2 * 1024 * 1024);
    const without = await themesOf(null);
    const withIt = await themesOf(post);
    const count = top(without.themes.themes).length;
    const ids = without.records.flatMap((r) => r.passages.map((p) => p.id));
    const ari = adjustedRandIndex(
      placement(without.themes.themes, ids),
      placement(withIt.themes.themes, ids),
    );
    // Counted in passages, the post's ~7,700 passages made 12 themes of its own topics, which took
    // in the other contributions ("Public money" drew 114 people, most of them not about it):
    // the others' passages were grouped unlike before (ARI 0.02; 0.49 now).
    expect(top(withIt.themes.themes).length).toBeGreaterThanOrEqual(Math.ceil(0.7 * count));
    expect(ari).toBeGreaterThan(0.3);
    const most = Math.max(...without.themes.themes.map((t) => t.participantCount));
    for (const theme of withIt.themes.themes) {
      expect(theme.participantCount, theme.label).toBeLessThanOrEqual(most + 1);
    }
    // Every passage of the post is still themed or in "Other ideas".
    const kept = withIt.records.find((r) => r.id === 'post-2mb');
    const placed = new Set([
      ...withIt.themes.themes.flatMap((t) => t.passageIds),
      ...withIt.themes.other.passageIds,
    ]);
    expect(kept?.passages.length).toBeGreaterThan(3000);
    expect(kept?.passages.every((p) => placed.has(p.id))).toBe(true);
    expect(describeLongContributions(withIt.records)).toMatch(
      /^One contribution \(post-2mb\) is 2\.0 MB, [\d,]+ passages, 9\d% of all passages; in finding and naming themes it weighed as much as 5 passages/,
    );
    expect(describeLongContributions(without.records)).toBe('');
  }, 60_000);

  it('is named in the methodology of the brief', async () => {
    const dir = await copyFixture('mini');
    const csv = await readFile(join(dir, 'contributions.csv'), 'utf8');
    const long = Array.from(
      { length: 12 },
      (_, i) => `Point ${i + 1}: the bus to the hospital should run every ten minutes, all day.`,
    ).join('\n\n');
    await writeFile(
      join(dir, 'contributions.csv'),
      `${csv.trimEnd()}\n99,a99,2024-03-05,ok,"${long}"\n`,
    );
    const { out } = await runCopy(dir, 'render');
    const brief = await readFile(join(out, 'brief.md'), 'utf8');
    expect(brief).toContain(
      'One contribution (99) is 877 bytes, 6 passages, 60% of all passages; in finding and naming themes it weighed as much as 5 passages',
    );
  }, 30_000);

  it('does not let the brief say no contribution was kept when no theme stands', async () => {
    // With a 50 MB post, 1% of its passages was more than any theme of the others had: no theme
    // was left, so no key message, and the brief said "no contribution was kept" of 81 kept.
    const dir = await copyFixture('mini');
    const config = await readFile(join(dir, 'consultation.yaml'), 'utf8');
    await writeFile(join(dir, 'consultation.yaml'), `${config}theming: { minParticipants: 50 }\n`);
    const { out } = await runCopy(dir, 'render');
    const brief = await readFile(join(out, 'brief.md'), 'utf8');
    expect(brief).toContain('Of 10 records read, 4 were kept');
    expect(brief).toContain(
      'No key messages: no theme drew enough participants, and no proposal or vote stood out.',
    );
    expect(brief).not.toContain('no contribution was kept');
  }, 30_000);
});
