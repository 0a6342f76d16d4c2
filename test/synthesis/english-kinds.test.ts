import { describe, expect, it } from 'vitest';
import { englishReader } from '../../pipeline/synthesis/reading/en/reader.js';

const kinds = (sentence: string) => englishReader.kindsOf(sentence, { question: null });

describe('the English reader reads praise', () => {
  it.each([
    'Reception staff always kind & welcoming.',
    'The porters were wonderful with my father.',
    'Great clinic, thanks',
    'Absolutely faultless from start to finish.',
    // A denied harm, an unsurpassed comparative: praise, not a concern.
    'Could not have asked for better care.',
    'It really cannot get any better.',
    'Nothing was ever too much bother for the team.',
    'Never once felt rushed by the doctor.',
    "Can't fault the midwives at all.",
    'No problems whatsoever.',
    // A harm undone by the participle after it.
    'Problem resolved within a day.',
    'My pain was relieved within the hour.',
    // Worded as an order, it asks for nothing to change.
    'Keep up the good work.',
    // A word the tagger reads as a verb ("Crew", "prompt"), then only appraisal.
    'Crew friendly and extremely kind and helpful.',
    'Very prompt & courteous',
    // A denial's scope ends with its clause.
    'No comments - very happy',
    // A noun the tagger reads as an order, then what its thing is like.
    'Staff courteous, calm and kind at all times.',
    'Crew very calm good bedside manner',
    'Prompt and cheerful, careful and thorough treatment.',
    // A need denied or conditional, and thanks put as a wish, ask for nothing.
    'Everything was lovely, nothing in my view needs to change.',
    'Very kind porters and also helpful if needed.',
    'I would like to thank the porters for their care.',
  ])('"%s" is praise, neither proposal nor concern', (sentence) => {
    const read = kinds(sentence);
    expect(read).toContain('praise');
    expect(read).not.toContain('proposal');
    expect(read).not.toContain('concern');
  });

  it('reads a sentence that praises and complains as both', () => {
    expect(kinds('The midwives were kind but the ward was far too noisy.').sort()).toEqual([
      'concern',
      'praise',
    ]);
  });

  it('still reads what asks for a change or names a problem', () => {
    expect(kinds('Keep patients better informed about delays.')).toEqual(['proposal']);
    expect(kinds('No more parking charges for visitors.')).toEqual(['proposal']);
    expect(kinds('The waiting room was dirty and cold.')).toEqual(['concern']);
    expect(kinds('The food could be better.')).not.toContain('praise');
    expect(kinds('The problem was never resolved.')).toContain('concern');
    expect(kinds('Be more patient with older visitors.')).toEqual(['proposal']);
    expect(kinds('Hire friendly porters.')).toEqual(['proposal']);
    expect(kinds('I would like to see more porters.')).toEqual(['proposal']);
    expect(kinds('The ward needs more porters.')).toEqual(['proposal']);
    expect(kinds('Wait time was awful at reception.')).not.toContain('proposal');
    expect(kinds('No toilets open, very rude staff.')).toContain('concern');
  });

  it('reads no wish in "no longer" or in feedback denied', () => {
    expect(kinds('No longer needing to travel for my scans.')).not.toContain('proposal');
    expect(kinds('No suggestions really.')).not.toContain('proposal');
  });
});

describe('the English reader reads "it is ... to" as a course only when it names one', () => {
  it.each([
    'It is important to keep the library open.',
    "It's time to fix the bridge on Main Street.",
    'It would be nice to have a pool in the park.',
  ])('"%s" is a proposal', (sentence) => {
    expect(kinds(sentence)).toContain('proposal');
  });

  it.each([
    'It is easy to find parking downtown.',
    'It is hard to get an appointment with a dentist.',
    'It is good to see the market busy again.',
  ])('"%s" states how things are, asking for nothing', (sentence) => {
    expect(kinds(sentence)).not.toContain('proposal');
  });
});

describe('the English reader reads answers to "what was good?"', () => {
  it('reads an order answering what was good as praise of what was done', () => {
    const good = { question: 'What was good about your stay?' };
    expect(englishReader.kindsOf('Explain every step of the treatment.', good)).toEqual(['praise']);
    expect(
      englishReader.kindsOf('Explain every step of the treatment.', { question: null }),
    ).toEqual(['proposal']);
  });

  it('still reads a wish or a problem answering what was good', () => {
    const good = { question: 'What did we do well?' };
    expect(englishReader.kindsOf('The car park should be bigger.', good)).toContain('proposal');
    expect(englishReader.kindsOf('The waiting room was dirty and cold.', good)).toEqual([
      'concern',
    ]);
  });
});

describe('the English reader reads self-descriptions', () => {
  it.each([
    'I identify as non-binary.',
    'I am female',
    "I'm in my thirties.",
    'I am 65 years of age or older',
    'I voted Labour at the last election.',
    'I live on the east side of town',
    'I am currently unemployed',
    'I am receiving a disability benefit',
    'I am a retired bus driver.',
    'I have lived in the county for twelve years.',
    'I consider myself a centrist.',
    'I am healthcare assistant on a ward.',
  ])('"%s" says who the speaker is', (sentence) => {
    expect(kinds(sentence)).toEqual(['self_description']);
  });

  it('reads "As a ..." as a self-description and what follows on its own', () => {
    expect(kinds('As a parent of two, I think the school needs a crossing.').sort()).toEqual([
      'proposal',
      'self_description',
    ]);
  });

  it.each([
    'I am worried that the library will close.',
    'I am against the new bypass.',
    "I'm a big fan of the farmers' market.",
    'I am a bit disappointed with the council.',
    'I am not sure this will work.',
    'I am very grateful for the help I was given.',
  ])('"%s" is an attitude, not who the speaker is', (sentence) => {
    expect(kinds(sentence)).not.toContain('self_description');
  });
});
