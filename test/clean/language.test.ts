import { describe, expect, it } from 'vitest';
import { detectLanguages, primaryLanguage, quickEnglish } from '../../pipeline/nlp/language.js';

describe('detectLanguages', () => {
  it('detects English, French, Spanish and German texts', async () => {
    const texts = [
      'Doctors should not overreact to the opioid crisis. People in pain should not suffer because others abuse the system.',
      'La ville doit investir davantage dans les transports publics et les pistes cyclables pour les familles.',
      'El gobierno debe invertir más en educación pública y en la salud de todos los ciudadanos del país.',
      'Die Stadt braucht mehr sichere Radwege, damit die Kinder allein zur Schule fahren können.',
    ];
    const languages = await detectLanguages(
      texts.map((text) => ({ text, declared: null })),
      'en',
    );
    expect(languages).toEqual(['en', 'fr', 'es', 'de']);
  });

  it('falls back to the declared language, then the default, for short texts', async () => {
    const languages = await detectLanguages(
      [
        { text: 'Skating rink on Gordon ave.', declared: 'pt-BR' },
        { text: 'Skating rink on Gordon ave.', declared: null },
        { text: '', declared: 'not a tag' },
      ],
      'fr',
    );
    expect(languages).toEqual(['pt', 'fr', 'fr']);
  });
});

describe('quickEnglish', () => {
  it('settles plain English and declines other languages, even with English words in them', () => {
    expect(quickEnglish('We think that the city should build more parks for the children.')).toBe(
      'en',
    );
    expect(
      quickEnglish('On a lu the Guardian et on a vu que la ville a un plan pour les parcs a Paris'),
    ).toBeNull();
    expect(
      quickEnglish('We willen meer parken in de stad, het is belangrijk voor de kinderen'),
    ).toBeNull();
    expect(
      quickEnglish('The café should open earlier and the staff should be paid more'),
    ).toBeNull();
  });
});

describe('primaryLanguage', () => {
  it('reduces tags to their primary subtag', () => {
    expect(primaryLanguage('EN-us')).toBe('en');
    expect(primaryLanguage('English')).toBeNull();
    expect(primaryLanguage(null)).toBeNull();
  });
});
