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
    expect(foldWord('routes', 'fr')).toBe('routes');
    expect(foldWord('address', 'en')).toBe('address');
  });
});
