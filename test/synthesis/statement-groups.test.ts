import { describe, expect, it } from 'vitest';
import { statementsOf } from '../../pipeline/synthesis/findings/statement-groups.js';
import { gistOf, sameGist } from '../../pipeline/synthesis/findings/statements-gist.js';
import type { FindingKind } from '../../pipeline/synthesis/reading/reader.js';
import { ownPassage } from '../helpers/passages.js';

const passage = ownPassage;

/** The texts of the findings of one kind, each with the number of passages it cites. */
function grouped(kind: 'proposals' | 'concerns', ...texts: string[]): [string, number][] {
  return statementsOf(texts.map(passage))[kind].map((f) => [f.text, f.citations.length]);
}

function same(kind: FindingKind, a: string, b: string): boolean {
  const [x, y] = [gistOf(a, kind), gistOf(b, kind)];
  return x !== null && y !== null && sameGist(x, y);
}

describe('statementsOf groups only statements that say the same thing', () => {
  it('keeps opposite proposals on one subject apart, however many words they share', () => {
    expect(
      grouped(
        'proposals',
        'Dogs need a fenced area in the park where they can run off the lead.',
        'Dogs should be kept on a lead in the parks because children are afraid of them.',
      ),
    ).toEqual([
      ['Dogs need a fenced area in the park where they can run off the lead.', 1],
      ['Dogs should be kept on a lead in the parks because children are afraid of them.', 1],
    ]);
  });

  it('groups two wishes for the same thing', () => {
    expect(
      grouped('proposals', 'We need more buses on the west side.', 'We need more frequent buses.'),
    ).toEqual([['We need more buses on the west side.', 2]]);
  });

  it('groups the same order, with or without "please"', () => {
    expect(
      grouped(
        'proposals',
        'Add bike lanes on Main Street.',
        'Please add bike lanes to Main Street.',
      ),
    ).toEqual([['Add bike lanes on Main Street.', 2]]);
  });

  it('groups concerns about the same problem, not others sharing its words', () => {
    expect(
      grouped(
        'concerns',
        'Bus fares are far too expensive for students.',
        'The bus fares are too expensive for families.',
        'The bus timetable is too unreliable for students and families.',
      ),
    ).toEqual([
      ['Bus fares are far too expensive for students.', 2],
      ['The bus timetable is too unreliable for students and families.', 1],
    ]);
  });
});

describe('gistOf and sameGist', () => {
  it.each([
    ['Medical marijuana should be legal.', 'Recreational marijuana should be legal.'],
    ['Smoking should be allowed in bars.', 'Smoking should not be allowed in bars.'],
    ['We need more parking downtown.', 'We need less parking downtown.'],
    ['Noise ordinances should be enforced.', 'Leash laws should be enforced.'],
    ['Please add bus lanes on Main Street.', 'Please add bike lanes on Main Street.'],
    [
      'Smoking should not be allowed in public parks.',
      'Smoking should not be allowed near a school.',
    ],
    ['Pass a no animals in a hot car ordinance.', 'Pass a No animals on chains in the county.'],
  ])('tells apart "%s" and "%s"', (a, b) => {
    expect(same('proposal', a, b)).toBe(false);
  });

  it.each([
    [
      'Recycling services need to be improved and modernized.',
      'Recycling services need to be expanded and improved.',
    ],
    ['We need a health food store.', 'Bowling Green needs a health food store.'],
    ['I would like to see more parks.', 'More parks.'],
    ['The parks need more trees and shade.', 'We should have more shade in the parks.'],
  ])('reads "%s" and "%s" as the same', (a, b) => {
    expect(same('proposal', a, b)).toBe(true);
  });

  it('reads what a concern is about from its first noun phrase', () => {
    expect(gistOf('There are not enough bins near the playgrounds.', 'concern')?.keys).toEqual(
      new Set(['about:bin']),
    );
    expect(gistOf('The lack of bins in the parks is a problem.', 'concern')?.keys).toEqual(
      new Set(['about:bin']),
    );
  });
});

describe('statementsOf leaves praise and self-descriptions out', () => {
  it('counts no praise as a proposal or concern, and a sentence under each of its kinds', () => {
    const passages = [
      'Reception staff always kind & welcoming.',
      'Could not have asked for better care.',
      'Nothing was ever too much bother for the team.',
      'The nurses were lovely but the wait was far too long.',
      'I am a retired bus driver.',
    ].map(passage);
    const { proposals, concerns, opportunities } = statementsOf(passages);
    expect(proposals).toEqual([]);
    expect(opportunities).toEqual([]);
    expect(concerns.map((c) => c.text)).toEqual([
      'The nurses were lovely but the wait was far too long.',
    ]);
  });
});
