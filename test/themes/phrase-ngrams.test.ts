import { describe, expect, it } from 'vitest';
import { extractNgramPhrases } from '../../pipeline/themes/phrase-ngrams.js';
import { extractPhrases } from '../../pipeline/themes/phrases.js';

const surfaces = (text: string, language: string) =>
  extractNgramPhrases(text, language).map((p) => p.surface);

describe('extractNgramPhrases', () => {
  it('builds phrases from content words that stand next to each other in the text', () => {
    const found = surfaces('Die Venloer Straße braucht einen breiten Radweg.', 'de');
    expect(found).toContain('Venloer Straße');
    expect(found).toContain('Radweg');
    expect(found).not.toContain('Straße braucht breiten');
    expect(found.some((s) => /\b(die|einen)\b/i.test(s))).toBe(false);
  });

  it('does not join words across punctuation or function words', () => {
    const found = surfaces('Parken auf dem Radweg, Autos überall.', 'de');
    expect(found).not.toContain('Parken Radweg');
    expect(found).not.toContain('Radweg Autos');
  });

  it('never takes a number, a redaction token or a placeholder', () => {
    const found = surfaces('XXXX schrieb an [email] wegen Radweg 45 am 3.5.', 'de');
    expect(found.filter((s) => /XXXX|email|45|\d/.test(s))).toEqual([]);
  });

  it('keys phrases by stems so inflected forms count together', () => {
    const [a] = extractNgramPhrases('Radwege', 'de');
    const [b] = extractNgramPhrases('Radweg', 'de');
    expect(a?.key).toBe(b?.key);
  });

  it('takes a lower-case German head for a verb or adjective, not a noun phrase', () => {
    const kinds = Object.fromEntries(
      extractNgramPhrases('Der Bordstein ist gefährlich', 'de').map((p) => [p.surface, p.kind]),
    );
    expect(kinds.Bordstein).toBe('noun');
    expect(kinds['gefährlich']).toBe('other');
  });

  it('keeps a French sentence-initial word in lower case', () => {
    expect(surfaces('Pistes cyclables dangereuses.', 'fr')).toContain('pistes cyclables');
  });

  it('is what extractPhrases uses for a language other than English', () => {
    expect(extractPhrases('Breiter Radweg', 'de').map((p) => p.surface)).toContain('Radweg');
  });
});
