import { describe, expect, it } from 'vitest';
import { dependenceOf } from '../../pipeline/synthesis/reading/en/alone.js';
import { englishReader } from '../../pipeline/synthesis/reading/en/reader.js';
import {
  quotableSentences,
  sentencesOf,
  standsAlone,
} from '../../pipeline/synthesis/reading/sentences.js';

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

describe('standsAlone', () => {
  it.each([
    ["However, I don't think that they should force vaccinations upon people.", 'connective'],
    ['But the buses never come on time.', 'connective'],
    ['Also more stops added in residential areas.', 'connective'],
    ['And the parks are dirty.', 'connective'],
    ['So we need more buses on the ring road.', 'connective'],
    ['Because the roads are too narrow for bikes.', 'connective'],
    ['It is the humane and right thing to do.', 'pronoun'],
    ['They distract drivers on the bypass.', 'pronoun'],
    ['This is a big issue for everyone.', 'pronoun'],
    ['Make it a walking city.', 'pronoun'],
    ['Without these rights nobody would invest in research.', 'pronoun'],
    ['In effect, small bakeries will close.', 'connective'],
    ['As a result the town centre is empty at night.', 'connective'],
    ['Again the bins were not collected.', 'connective'],
    ['The city council must fix this problem soon.', 'pronoun'],
    ['Prisoners should never be treated that way.', 'pronoun'],
    ['A new tax credit gives them a fair chance.', 'pronoun'],
    ['The worst part of the visit was that she ignored my questions.', 'pronoun'],
    ['What do you think about the new bus routes?', 'question'],
    ['Thank you for organising this consultation.', 'greeting'],
    ['Thanks for listening to us.', 'greeting'],
    ['Hi everyone, I live on Main Street.', 'greeting'],
    ['Not sending to a NGO or giving a shanty', 'no-clause'],
    ['Approval process req', 'no-clause'],
    ['Seems rehab would be better.', 'no-clause'],
    ['(Google)', 'length'],
  ])('rejects "%s" (%s)', (sentence, why) => {
    expect(dependenceOf(sentence)).toBe(why);
    expect(standsAlone(englishReader, sentence)).toBe(false);
  });

  it.each([
    'The city should add protected bike lanes on Main Street.',
    'Build parking areas near the stadium.',
    'Increase Internet/Cell/Phone service throughout the county.',
    'More green spaces.',
    'Too many apartments in Plano.',
    'It would be great if neighbours could get to know each other.',
    'It is important to practise fiscal responsibility.',
    'When the city tears up lawns they should repair them.',
    'The council said they would widen the pavement.',
    'The nurse explained everything and she was very kind.',
    'This road needs a crossing near the school.',
    'When a worker is forced out of their job, morale falls.',
    'Women are as capable as men and barring them from service is unfair.',
    'A murderer should not be kept at public expense until the end of his days.',
  ])('accepts "%s"', (sentence) => {
    expect(dependenceOf(sentence)).toBeNull();
  });

  it('accepts a sentence that leans back together with the one before it', () => {
    const previous = 'The access roads off Scottsville Rd are terrible.';
    expect(standsAlone(englishReader, 'They cause constant traffic jams.')).toBe(false);
    expect(standsAlone(englishReader, 'They cause constant traffic jams.', previous)).toBe(true);
    expect(standsAlone(englishReader, 'They cause constant traffic jams.', 'Terrible.')).toBe(
      false,
    );
  });

  it('rejects sentences outside the length band', () => {
    expect(dependenceOf(`The city should ${'really '.repeat(60)}fix the roads.`)).toBe('length');
  });
});

describe('quotableSentences', () => {
  it('drops fragments and joins a leaning sentence to its lead-in, as a span of the text', () => {
    const text =
      'The access roads off Scottsville Rd are terrible. They cause jams. Not a shanty. Thanks!';
    const quotable = quotableSentences(text, 'en');
    expect(quotable.map((s) => s.text)).toEqual([
      'The access roads off Scottsville Rd are terrible.',
      'The access roads off Scottsville Rd are terrible. They cause jams.',
    ]);
    for (const s of quotable) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps every sentence in languages without a reader', () => {
    expect(quotableSentences('Ma no. E così.', 'it')).toHaveLength(2);
  });

  it('joins a German sentence that leans on the one before, and never cuts at "Str."', () => {
    const text =
      'Der Radweg an der Rheinaustr. Höhe Nr. 12 ist viel zu schmal. Jedoch sind links Parkplätze frei.';
    expect(quotableSentences(text, 'de').map((s) => s.text)).toEqual([
      'Der Radweg an der Rheinaustr. Höhe Nr. 12 ist viel zu schmal.',
      text,
    ]);
  });
});
