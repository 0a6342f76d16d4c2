import { describe, expect, it } from 'vitest';
import { crossCuttingTerms } from '../../pipeline/synthesis/findings/cross-cutting.js';
import { extractPhrases } from '../../pipeline/themes/phrases.js';

/** The cross-cutting terms of one text, as the synthesis reads them. */
const termsOf = (text: string, language: string) =>
  crossCuttingTerms(extractPhrases(text, language), language);

describe('crossCuttingTerms', () => {
  it('keeps noun phrases and no verbs, pronouns or contractions', () => {
    const terms = termsOf(
      "I think it's time the city fixed public transport. Affordable housing is scarce, and we need more bus routes.",
      'en',
    );
    const keys = [...terms.keys()];
    expect(keys).toEqual(
      expect.arrayContaining(['public transport', 'affordable housing', 'bus route']),
    );
    for (const key of keys) expect(key).not.toMatch(/\b(think|it's|it|we|need|fixed)\b|'/);
    expect(terms.get('bus route')).toBe('bus routes');
  });

  it('leaves out single words and phrases joined by a preposition', () => {
    const keys = [...termsOf('Traffic on Scottsville Road is bad for the city.', 'en').keys()];
    expect(keys).not.toContain('traffic');
    expect(keys).not.toContain('city');
    expect(keys.some((k) => k.includes(' on '))).toBe(false);
  });

  it('finds none in languages without a tagger', () => {
    expect(termsOf('Der öffentliche Nahverkehr ist zu teuer.', 'de').size).toBe(0);
  });
});
