// The "About this data" box says what a reader must know about the data, and is absent when nothing qualifies.
import { describe, expect, it } from 'vitest';
import { aboutDataBox } from '../../pipeline/brief/about-data.js';
import type { Accounting } from '../../schemas/accounting.js';
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { Findings } from '../../schemas/findings.js';

const LONG = 'The buses on the west side should run every ten minutes in the morning.';

function kept(id: string, text: string, duplicates: string[] = []): CleanRecord {
  const passages = [{ id: `${id}#1`, start: 0, end: text.length, text }];
  return {
    id,
    text,
    language: 'en',
    removed: [],
    redactions: [],
    status: 'kept',
    duplicates,
    passages,
  } as CleanRecord;
}

function input(
  records: CleanRecord[],
  over: {
    languages?: Record<string, number>;
    findings?: Partial<Findings>;
    /** Source texts by id, where they differ from the clean text. */
    sources?: Record<string, string>;
  } = {},
) {
  const findings = { questions: [], themes: [], ...over.findings } as unknown as Findings;
  const accounting = {
    languages: over.languages ?? { en: records.length },
  } as unknown as Accounting;
  const contributions = records.map(
    (r) => ({ id: r.id, text: over.sources?.[r.id] ?? r.text }) as Contribution,
  );
  return { findings, records, contributions, accounting };
}

const plain = Array.from({ length: 10 }, (_, i) => kept(`c${i}`, LONG));

describe('aboutDataBox', () => {
  it('is absent when nothing qualifies', () => {
    expect(aboutDataBox(input(plain))).toEqual([]);
  });

  it('names a language the tool cannot read', () => {
    const box = aboutDataBox(input(plain, { languages: { en: 7, it: 3 } })).join('\n');
    expect(box).toMatch(/^## About this data/);
    expect(box).toContain('The tool cannot read 3 contributions in Italian (it)');
  });

  it('gives the share of short answers when many are short', () => {
    const records = [
      ...plain.slice(0, 6),
      ...['Good', 'Staff were kind', 'Parking', 'Nothing'].map((t, i) => kept(`s${i}`, t)),
    ];
    expect(aboutDataBox(input(records)).join('\n')).toContain(
      '40% of contributions (4) have fewer than 5 words',
    );
    expect(aboutDataBox(input([...plain, kept('s', 'Good')]))).toEqual([]);
  });

  it('counts contributions carrying masks from the source', () => {
    const records = [
      ...plain,
      kept('m1', 'XXXX was very helpful and kind to my mother.'),
      kept('m2', 'Wir warten immer noch [Name entfernt] auf den Radweg.'),
    ];
    expect(aboutDataBox(input(records)).join('\n')).toContain('2 contributions carry masks');
  });

  it('counts the masks of the source text, not the names the tool itself redacted', () => {
    const records = [
      ...plain,
      kept('m1', '[name] was very helpful and kind to my mother.'),
      kept('n1', 'My SMS worker [name] has been very helpful.'),
      kept('s1', 'The staff on * were kind, and **** too.'),
    ];
    const sources = {
      m1: 'XXXX was very helpful and kind to my mother.',
      n1: 'My SMS worker Sam has been very helpful.',
    };
    expect(aboutDataBox(input(records, { sources })).join('\n')).toContain(
      '2 contributions carry masks',
    );
  });

  it('says where a split could not be read reliably, and that duplicates were merged', () => {
    const stance = { reliable: false };
    const findings = {
      questions: [
        { stance, mapping: 'field', contributions: 11 },
        { stance: null, mapping: 'field', contributions: 1 },
      ],
    } as unknown as Partial<Findings>;
    const records = [...plain, kept('d', LONG, ['d1', 'd2'])];
    const box = aboutDataBox(input(records, { findings })).join('\n');
    expect(box).toContain('How opinion divides on question 1 could not be read reliably');
    expect(box).toContain('2 contributions repeat another word for word or nearly');
    expect(box).not.toContain('name none of the guiding questions');
  });

  it('counts contributions that name no guiding question', () => {
    const findings = {
      questions: [
        { stance: null, mapping: 'field', contributions: 6 },
        { stance: null, mapping: 'field', contributions: 2 },
      ],
    } as unknown as Partial<Findings>;
    expect(aboutDataBox(input(plain, { findings })).join('\n')).toContain(
      '2 contributions name none of the guiding questions',
    );
  });
});
