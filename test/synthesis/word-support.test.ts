import { describe, expect, it } from 'vitest';
import type { SynthesisCorpus } from '../../pipeline/synthesis/findings/corpus.js';
import { TEMPLATES } from '../../pipeline/synthesis/findings/templates.js';
import { WordSupport } from '../../pipeline/synthesis/findings/word-support.js';

describe('WordSupport', () => {
  it("asks no source for a frame's words in a finding of another language", () => {
    // The lexical check reads only the config and the theme labels here.
    const corpus = {
      config: { language: 'de', title: 'Raddialog', questions: [] },
      themes: { themes: [] },
    } as unknown as SynthesisCorpus;
    const words = new WordSupport(corpus);
    const point = TEMPLATES.topicPoint(7, 'Parkplatz', 'Der Parkplatz am Bahnhof ist voll.');
    expect(words.wordsOf(point).own).toEqual(['parkplatz', 'bahnhof', 'voll']);
    const opening = TEMPLATES.keywords('Radweg und Ampel');
    expect(words.wordsOf(opening).own).toEqual(['radweg', 'ampel']);
  });
});
