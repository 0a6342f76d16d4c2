import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayOf, tallyPhrases } from '../../pipeline/themes/phrase-counts.js';
import { extractPhrases } from '../../pipeline/themes/phrases.js';

function byKey(text: string) {
  return new Map(extractPhrases(text).map((phrase) => [phrase.key, phrase]));
}

describe('extractPhrases', () => {
  it('finds noun phrases with their lemma key and the surface form as written', () => {
    const phrases = byKey('We need more bike lanes and better sidewalks near the new parks.');
    expect(phrases.get('bike lane')).toMatchObject({ surface: 'bike lanes', kind: 'noun' });
    expect(phrases.get('new park')).toMatchObject({ surface: 'new parks', kind: 'noun' });
    expect(phrases.get('bike lane')?.words).toEqual(['bike', 'lane']);
  });

  it('trims stop words at the edges of a noun phrase', () => {
    const keys = [...byKey('We need more bike lanes in the city.').keys()];
    expect(keys).toContain('bike lane');
    expect(keys.some((key) => /^(more|the|we|in)\b|\b(more|the|we|in)$/.test(key))).toBe(false);
  });

  it('keeps a noun phrase linked to another by a preposition, as written', () => {
    const found = extractPhrases('The traffic on Scottsville Road is terrible.');
    expect(found.map((p) => p.surface)).toContain('traffic on Scottsville Road');
  });

  it('keeps "X and Y" coordinations of short noun phrases as one candidate', () => {
    const phrases = byKey('Public transport and bus routes need funding.');
    expect(phrases.get('public transport and bus route')).toMatchObject({
      surface: 'public transport and bus routes',
      kind: 'coordination',
      words: ['public', 'transport', 'bus', 'route'],
    });
    expect(
      byKey('Hire more police officers and firefighters').has('police officer and firefighter'),
    ).toBe(true);
  });

  it('lemmatises unigrams and keeps verb-object pairs', () => {
    const phrases = byKey('Capital punishment deters crimes.');
    expect(phrases.get('capital punishment')?.kind).toBe('noun');
    expect(phrases.get('deter')).toMatchObject({ surface: 'deters', kind: 'other' });
    expect(phrases.get('deter crime')).toMatchObject({ surface: 'deters crimes', kind: 'other' });
    expect(phrases.get('crime')?.surface).toBe('crimes');
  });

  it('drops a sentence-initial capital but keeps names', () => {
    expect(
      byKey('Sidewalks are missing. Bus routes are too limited.').get('bus route')?.surface,
    ).toBe('bus routes');
    expect(byKey('Bowling Green needs sidewalks.').get('bowling green')?.surface).toBe(
      'Bowling Green',
    );
    expect(byKey('We love Fairview Avenue.').get('fairview avenue')?.surface).toBe(
      'Fairview Avenue',
    );
  });

  it('keeps hyphenated compounds together', () => {
    expect(byKey('Help low-income families.').get('low-income family')?.surface).toBe(
      'low-income families',
    );
  });

  it('tags shouted text as ordinary words', () => {
    expect(byKey('WE NEED MORE BUSES ON SUNDAYS').get('bus')?.surface).toBe('buses');
  });

  it('yields nothing from empty text, emoji, numbers or another script', () => {
    for (const text of ['', '   \n ', '🚲🚌 👍', '42 3.5 2018', 'Правовое государство', '法治']) {
      expect(extractPhrases(text)).toEqual([]);
    }
  });

  it('never throws and returns distinct lower-case keys for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const phrases = extractPhrases(text);
        const keys = phrases.map((phrase) => phrase.key);
        expect(new Set(keys).size).toBe(keys.length);
        for (const phrase of phrases) {
          expect(phrase.key).toBe(phrase.key.toLowerCase());
          expect(phrase.surface.length).toBeGreaterThan(0);
          expect(phrase.words.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('tallyPhrases', () => {
  it('counts each passage once and shows the most frequent surface form', () => {
    const tally = tallyPhrases([
      'Bus routes, bus routes, bus routes!',
      'More bus routes please.',
      'A new bus route to the hospital.',
    ]);
    const routes = tally.get('bus route');
    expect(routes?.passages).toBe(3);
    expect(routes && displayOf(routes)).toBe('bus routes');
  });

  it('shows a name capitalised when enough writers capitalise it', () => {
    const tally = tallyPhrases([
      'close guantanamo bay now',
      'guantanamo bay must close',
      'Close Guantanamo Bay.',
      'I visited guantanamo bay',
    ]);
    const bay = tally.get('guantanamo bay');
    expect(bay && displayOf(bay)).toBe('Guantanamo Bay');
  });

  it('never shows a phrase in odd casing, even when a quarter of writers typed it', () => {
    const tally = tallyPhrases([
      'Customer ServIce is slow',
      'customer service',
      'customer service',
    ]);
    const service = tally.get('customer service');
    expect(service && displayOf(service)).toBe('customer service');
  });
});

describe('label material', () => {
  const keys = (text: string) => extractPhrases(text).map((p) => p.key);

  it("never takes a redaction token or one of the tool's placeholders", () => {
    const found = keys('XXXX said to write to [email] about the bus routes.');
    expect(found.filter((k) => /xxxx|email/.test(k))).toEqual([]);
    expect(found).toContain('bus route');
  });

  it('never takes a number or a function word', () => {
    const found = keys("I'm sure route 45 should stay, I'd say.");
    expect(found.filter((k) => /\d|^(i'm|i|stay and i'm|should)$/.test(k))).toEqual([]);
  });
});
