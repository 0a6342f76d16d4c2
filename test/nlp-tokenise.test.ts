import { describe, expect, it } from 'vitest';
import { contentWords, foldWord, wordTokens } from '../pipeline/nlp/tokenise.js';

describe('tokenise', () => {
  it('lower-cases words, keeping inner apostrophes and digits', () => {
    expect(wordTokens("The State’s right isn't absolute: 24/7.")).toEqual([
      'the',
      "state's",
      'right',
      "isn't",
      'absolute',
      '24',
      '7',
    ]);
  });

  it('drops stop words of the text’s language, numbers and one-letter words', () => {
    expect(contentWords('The buses on route 45 are a disgrace', 'en')).toEqual([
      'buses',
      'route',
      'disgrace',
    ]);
    expect(contentWords('Les bus de la ville sont en retard', 'fr')).toEqual([
      'bus',
      'ville',
      'retard',
    ]);
  });

  it('folds English inflections so forms of a word agree', () => {
    expect(['routes', 'route', 'cities', 'parking'].map((w) => foldWord(w, 'en'))).toEqual([
      'route',
      'route',
      'city',
      'park',
    ]);
    expect(foldWord('address', 'en')).toBe('address');
  });

  it('stems German, French and Spanish with Snowball, German "ß" as "ss"', () => {
    expect(['Radwege', 'radweg'].map((w) => foldWord(w.toLowerCase(), 'de'))).toEqual([
      'radweg',
      'radweg',
    ]);
    expect(foldWord('straße', 'de')).toBe(foldWord('strasse', 'de'));
    expect(foldWord('routes', 'fr')).toBe(foldWord('route', 'fr'));
    expect(foldWord('bicicletas', 'es')).toBe(foldWord('bicicleta', 'es'));
    expect(foldWord('routes', 'xx')).toBe('routes');
  });

  it('drops the fuller stop-word list of languages other than English', () => {
    expect(contentWords('Man sollte hier wirklich einen Radweg bauen', 'de')).toEqual([
      'radweg',
      'bauen',
    ]);
    expect(contentWords('I would really like a bus', 'en')).toEqual(['bus']);
  });
});
