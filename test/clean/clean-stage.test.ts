import { describe, expect, it } from 'vitest';
import { accountFor, formatAccountingTable } from '../../pipeline/clean/accounting.js';
import { AbortError } from '../../pipeline/errors.js';
import { cleanContributions } from '../../pipeline/stages/clean.js';
import { CleanRecord } from '../../schemas/clean-record.js';
import { contribution } from '../helpers/arbitraries.js';
import { createTestContext } from '../helpers/context.js';

const LONG =
  'The city should build protected bike lanes on Main Street so that children can ride to school safely';

describe('cleanContributions', () => {
  it('excludes empty, emoji-only, number-only, link-only, short and rejected records with the right reason', async () => {
    const inputs = [
      contribution('ws', '   \n\t '),
      contribution('emoji', '👍👍 🎉!!'),
      contribution('numbers', '2018 — 42%'),
      contribution('link', 'https://example.org/plan.pdf'),
      contribution('profile', 'https://twitter.com/ana'),
      contribution('short', 'More parks'),
      contribution('rejected', LONG, { rejected: true }),
      contribution('skipped', 'Did not answer'),
      contribution('na', 'N/A'),
      contribution('none', 'None of the buses run after ten at night.'),
      contribution('script', '<script>alert(1)</script>', { markup: 'html' }),
      contribution('ok', LONG),
    ];
    const { output } = await cleanContributions(inputs, createTestContext());
    const reasons = output.map((r) => (r.status === 'excluded' ? r.reason : r.status));
    expect(reasons).toEqual([
      'empty',
      'no-words',
      'no-words',
      'link-only',
      'link-only',
      'too-short',
      'rejected-by-moderator',
      'no-answer',
      'no-answer',
      'kept',
      'empty',
      'kept',
    ]);
    expect(output[6]?.text).toBe(LONG);
    expect(output[4]?.text).toBe('[link]');
  });

  it('returns one valid record per contribution, in input order', async () => {
    const inputs = [contribution('b', LONG), contribution('a', `${LONG}!`), contribution('c', 'x')];
    const { output, counts } = await cleanContributions(inputs, createTestContext());
    expect(output.map((r) => r.id)).toEqual(['b', 'a', 'c']);
    for (const record of output) CleanRecord.parse(record);
    expect(counts).toEqual({
      read: 3,
      kept: 1,
      duplicates: 1,
      nothingToChange: 0,
      excluded: 1,
      passages: 1,
    });
  });

  it('merges duplicates into the earliest record, which lists them as extra voices', async () => {
    const inputs = [
      contribution('late', LONG, { date: '2018-02-20T10:00:00Z' }),
      contribution('early', `${LONG.toUpperCase()}!!`, { date: '2018-02-01T10:00:00Z' }),
      contribution('typo', LONG.replace('children', 'chidlren'), { date: '2018-02-02T10:00:00Z' }),
      contribution(
        'other',
        'Parking downtown is far too expensive for people who work in the shops',
      ),
    ];
    const { output } = await cleanContributions(inputs, createTestContext());
    const [late, early, typo, other] = output;
    expect(early).toMatchObject({ status: 'kept', duplicates: ['late', 'typo'] });
    expect(late).toMatchObject({
      status: 'duplicate',
      duplicateOf: 'early',
      match: 'exact',
      passages: [],
    });
    expect(typo).toMatchObject({ status: 'duplicate', duplicateOf: 'early', match: 'near' });
    expect(other?.status).toBe('kept');
  });

  it('strips boilerplate, redacts and detects the language', async () => {
    const text =
      'Hi all,\n\nPlease call me on +44 20 7946 0958 about the bike lanes on Main Street.\n\nBest regards,\nAna';
    const { output } = await cleanContributions(
      [contribution('c1', text)],
      createTestContext({ language: 'fr' }),
    );
    const record = output[0];
    expect(record?.text).toBe('Please call me on [phone] about the bike lanes on Main Street.');
    expect(record?.removed.map((r) => r.kind)).toEqual(['greeting', 'sign-off']);
    expect(record?.redactions).toEqual([{ kind: 'phone', start: 18, end: 25 }]);
    expect(record?.language).toBe('en');
  });

  it('reports progress in characters at a modest rate, ending at the total, and stops when aborted', async () => {
    const inputs = Array.from({ length: 4500 }, (_, i) =>
      contribution(`c${i}`, `${LONG} number ${i}`),
    );
    const total = inputs.reduce((sum, c) => sum + c.text.length, 0);
    const ctx = createTestContext();
    await cleanContributions(inputs, ctx);
    expect(ctx.events.every((e) => e.stage === 'clean')).toBe(true);
    const characters = ctx.events.filter((e) => e.phase === undefined);
    expect(characters.length).toBeGreaterThan(2);
    expect(characters.length).toBeLessThanOrEqual(101);
    expect(characters.every((e) => e.unit === 'characters' && e.total === total)).toBe(true);
    const done = characters.map((e) => e.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(total);

    const aborted = createTestContext();
    aborted.controller.abort();
    await expect(cleanContributions(inputs, aborted)).rejects.toBeInstanceOf(AbortError);
  });

  it('reports the duplicate search and language detection as parts of their own, each to its end', async () => {
    // Texts without an obvious English word go to the language detector.
    const inputs = Array.from({ length: 2500 }, (_, i) =>
      contribution(`c${i}`, `Wir brauchen mehr sichere Radwege in der Stadt Nummer ${i % 2000}`),
    );
    const ctx = createTestContext();
    await cleanContributions(inputs, ctx);
    for (const phase of ['languages', 'duplicates']) {
      const events = ctx.events.filter((e) => e.phase === phase);
      expect(events.length, phase).toBeGreaterThan(2);
      expect(events.at(-1)?.done, phase).toBe(events.at(-1)?.total);
      expect(events.at(-1)?.total, phase).toBeGreaterThanOrEqual(2000);
    }
  });

  it('shows progress through one huge contribution, not only at its end', async () => {
    const paragraph = `${LONG}. `.repeat(8);
    const text = Array.from({ length: 1200 }, () => paragraph).join('\n\n');
    const ctx = createTestContext();
    const { output } = await cleanContributions([contribution('huge', text)], ctx);
    expect(output[0]?.passages.length).toBeGreaterThan(1000);
    const inside = ctx.events.filter((e) => e.done > 0 && e.done < text.length);
    // Through cleaning (a step at a time) and through segmentation (passage by passage).
    expect(inside.length).toBeGreaterThanOrEqual(10);
    expect(ctx.events.at(-1)).toMatchObject({ done: text.length, total: text.length });
  });
});

describe('accounting', () => {
  it('counts every state and prints a table whose numbers add up', async () => {
    const inputs = [
      contribution('a', LONG),
      contribution('b', LONG),
      contribution('c', LONG.replace('safely', 'safe')),
      contribution('d', ''),
      contribution('e', 'Email me at ana@example.org about the plan for the new parks', {
        rejected: true,
      }),
    ];
    const { output } = await cleanContributions(inputs, createTestContext());
    const acc = accountFor(output);
    expect(acc).toMatchObject({
      read: 5,
      kept: 1,
      duplicates: { exact: 1, near: 1 },
      excluded: {
        empty: 1,
        'rejected-by-moderator': 1,
        'no-words': 0,
        'link-only': 0,
        'no-answer': 0,
        'too-short': 0,
      },
      passages: 1,
      languages: { en: 1 },
      redactions: { email: 1, phone: 0, url: 0 },
    });
    const table = formatAccountingTable(acc);
    expect(table).toMatch(/^Records read\s+5$/m);
    expect(table).toMatch(/^ {2}kept\s+1$/m);
    expect(table).toMatch(/^ {2}duplicates \(extra voices\)\s+2$/m);
    expect(table).toMatch(/^ {2}excluded\s+2$/m);
    expect(table).toMatch(/^ {4}rejected by moderator\s+1$/m);
    expect(table).toMatch(/^ {4}too short\s+0$/m);
    const widths = new Set(
      table
        .split('\n')
        .filter((l) => /\d$/.test(l))
        .map((l) => l.length),
    );
    expect(widths.size).toBe(1);
  });

  it('keeps "Nothing." and "No." answers to a question asking what could be better, out of the themes, and counts them', async () => {
    const improve = 'How could we improve the service?';
    const inputs = [
      contribution('n1', 'Nothing.', { question: improve }),
      contribution('n2', 'Nothing.', { question: 'q1' }),
      contribution('n3', 'No, nothing at all, thank you!', { question: improve }),
      contribution('n4', "Can't think of anything. All good.", { question: improve }),
      contribution('praise', 'Nothing, the crew were fantastic and kind.', { question: improve }),
      contribution('complaint', 'Nothing was explained to me.', { question: improve }),
      contribution('good', 'Nothing.', { question: 'What was good?' }),
      contribution('unknown', 'Nothing.'),
    ];
    const ctx = createTestContext({ questions: [{ id: 'q1', text: improve }, 'What was good?'] });
    const { output, counts } = await cleanContributions(inputs, ctx);
    const states = output.map((r) => (r.status === 'excluded' ? r.reason : r.status));
    expect(states).toEqual([
      'nothing-to-change',
      'nothing-to-change',
      'nothing-to-change',
      'nothing-to-change',
      'kept',
      'kept',
      'too-short',
      'too-short',
    ]);
    for (const record of output) CleanRecord.parse(record);
    expect(output[1]?.passages).toEqual([]);
    expect(counts).toMatchObject({ read: 8, kept: 2, duplicates: 0, nothingToChange: 4 });
    const acc = accountFor(output);
    expect(acc.nothingToChange).toBe(4);
    expect(acc.excluded['too-short']).toBe(2);
    expect(formatAccountingTable(acc)).toMatch(
      /^ {2}nothing to change \(counted, not themed\)\s+4$/m,
    );
  });

  it('groups thousands independently of the locale', () => {
    const acc = accountFor([]);
    acc.read = 1234567;
    expect(formatAccountingTable(acc)).toMatch(/^Records read\s+1,234,567$/m);
  });
});
