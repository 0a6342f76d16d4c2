import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldedWords } from '../../pipeline/synthesis/findings/support.js';
import type { Findings } from '../../schemas/findings.js';
import { runFixture } from '../helpers/runs.js';

// The votes fixture: 22 voted comments (agree and disagree counts per comment, no matrix; the
// most seen was seen by 1,000). Three are agreed by 97-99% of about 600 voters; "more parking
// downtown" is made twice in near-identical words but few voted on it; one comment says who its
// author is ("I am a renter ..."), one is a woman's self-description, one only praises.
const SELF_AND_PRAISE = [
  'I am a renter in the town centre.',
  'I identify as a woman.',
  'The parks are lovely and the staff are wonderful.',
];

/** The lines of a brief's section, from its heading to the next `## ` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** A CSV row's fields (the fixture has no quoted commas). */
async function fixtureComments(): Promise<{ text: string; agrees: number; disagrees: number }[]> {
  const csv = await readFile('test/fixtures/votes/comments.csv', 'utf8');
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => {
      const [, , agrees, disagrees, ...text] = row.split(',');
      return { text: text.join(','), agrees: Number(agrees), disagrees: Number(disagrees) };
    });
}

describe('votes first (the votes fixture)', () => {
  let markdown: string;
  let findings: Findings;
  let sourcesCsv: string;

  beforeAll(async () => {
    const run = await runFixture('votes', 'render');
    findings = await run.summary.load('findings');
    markdown = await readFile(join(run.out, 'brief.md'), 'utf8');
    sourcesCsv = await readFile(join(run.out, 'sources.csv'), 'utf8');
  }, 120_000);

  it('ranks the programming priorities by votes: the most agreed, widely voted proposal before two near-identical wordings', () => {
    const programming = section(markdown, 'What this means for programming');
    expect(programming).toContain('ranked by votes');
    const pool = programming.indexOf('The council should open a public swimming pool');
    const parking = programming.indexOf('We need more parking spaces downtown');
    expect(pool).toBeGreaterThan(0);
    expect(programming.slice(pool)).toMatch(/^[^\n]*support: 99% of 600 voters agreed/);
    expect(parking < 0 || pool < parking).toBe(true);
    expect(findings.priorities?.[0]?.text).toBe(
      'The council should open a public swimming pool for the whole town.',
    );
  });

  it("names as a priority's objection only a concern on its own subject", () => {
    const withConcern = (findings.priorities ?? []).filter((p) => p.objection?.basis === 'concern');
    for (const priority of withConcern) {
      const words = new Set(foldedWords(priority.text, 'en'));
      const concern = priority.objection?.finding?.text ?? '';
      const shared = new Set(foldedWords(concern, 'en').filter((w) => words.has(w)));
      expect(shared.size, `${priority.text} / ${concern}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives a priority the support its theme shows for the same proposal', () => {
    expect(findings.priorities?.length).toBeGreaterThan(3);
    for (const priority of findings.priorities ?? []) {
      const theme = findings.themes.find((t) => t.themeId === priority.themeId);
      const same = theme?.proposals.find((p) => p.text === priority.text);
      expect(same?.support).toEqual(priority.support);
    }
  });

  it('includes in the key messages the broadest agreement among statements a third of the voters voted on', async () => {
    const comments = await fixtureComments();
    const voters = Math.max(...comments.map((c) => c.agrees + c.disagrees));
    const broadest = comments
      .filter((c) => !SELF_AND_PRAISE.includes(c.text))
      .filter((c) => (c.agrees + c.disagrees) * 3 >= voters)
      .sort((a, b) => b.agrees / (b.agrees + b.disagrees) - a.agrees / (a.agrees + a.disagrees))
      .slice(0, 3);
    const messages = section(markdown, 'Key messages');
    for (const c of broadest) expect(messages).toContain(`“${c.text}”`);
    expect(messages).toContain('(99% of 600 voters agreed)');
  });

  it('keeps self-descriptions and praise out of the key messages, voted lists and programming, and says who took part', () => {
    const lists = [
      section(markdown, 'Key messages').split('**Who took part.**')[0] as string,
      section(markdown, 'What this means for programming'),
      ...[...markdown.matchAll(/\*\*(Broad agreement|Divided opinion)\*\*\n\n(- [^\n]*\n)+/g)].map(
        (m) => m[0],
      ),
    ];
    for (const list of lists) for (const text of SELF_AND_PRAISE) expect(list).not.toContain(text);
    for (const theme of findings.themes)
      for (const voted of [...theme.consensus, ...theme.divisive])
        expect(SELF_AND_PRAISE).not.toContain(voted.text);
    expect(markdown).toContain(
      '**Who took part.** 98% of the 600 voters who voted on it agreed with “I am a renter in the town centre.”',
    );
    expect(sourcesCsv).toMatch(/Who took part/);
    expect(sourcesCsv).toMatch(/What this means for programming/);
  });

  it('never frames a key message as "X drew N; its most typical statement", nor as following another', () => {
    const messages = section(markdown, 'Key messages');
    expect(messages).not.toMatch(/most typical statement/);
    expect(messages).not.toMatch(/ drew \d/);
    // Each reads on its own: none leans on the one before ("Next in support ...").
    expect(messages).not.toMatch(/^\d+\. (Next|Then|Also)\b/m);
    expect(messages.match(/^\d+\. /gm)?.length ?? 0).toBeLessThanOrEqual(7);
  });
});

describe('the share with nothing to change (the nothing fixture)', () => {
  it('is a key message', async () => {
    const run = await runFixture('nothing', 'render');
    const markdown = await readFile(join(run.out, 'brief.md'), 'utf8');
    expect(section(markdown, 'Key messages')).toContain(
      '1. Asked “How could we improve the library?”, 6 of 13 answers (46%) said nothing needs to change',
    );
  }, 120_000);
});
