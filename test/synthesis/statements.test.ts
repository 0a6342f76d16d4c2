import { describe, expect, it } from 'vitest';
import { sentencesOf, statementKind } from '../../pipeline/synthesis/statements.js';

describe('sentencesOf', () => {
  it('splits sentences with offsets into the text', () => {
    const text = '  Buses are late.  We need more of them!\nWhy not?';
    const sentences = sentencesOf(text, 'en');
    expect(sentences.map((s) => s.text)).toEqual([
      'Buses are late.',
      'We need more of them!',
      'Why not?',
    ]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('gives nothing for blank text', () => {
    expect(sentencesOf('  \n ', 'en')).toEqual([]);
  });
});

describe('statementKind', () => {
  it.each([
    ['The council should build more social housing.', 'proposal'],
    ['We need rent controls.', 'proposal'],
    ['Build protected bike lanes on the main roads.', 'proposal'],
    ['More benches in the parks.', 'proposal'],
    ['Cycling is dangerous on the ring road.', 'concern'],
    ['There are not enough bins near the playgrounds.', 'concern'],
    ['The old factory site could become a new park.', 'opportunity'],
    ['The river is an asset for the whole town.', 'opportunity'],
    ['I moved here in 2010.', null],
    // Proposal cues win: the sentence recommends, whatever worries it.
    ['We need more police because crime is a problem.', 'proposal'],
  ])('reads "%s" as %s', (sentence, kind) => {
    expect(statementKind(sentence, 'en')).toBe(kind);
  });

  it('does not guess in other languages', () => {
    expect(statementKind('Il faut plus de bus.', 'fr')).toBeNull();
  });
});
