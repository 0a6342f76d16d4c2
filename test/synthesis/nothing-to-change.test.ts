import { describe, expect, it } from 'vitest';
import {
  answerSaysNothingToChange,
  asksWhatCouldBeBetter,
  nothingToChange,
  onlySaysNothingToChange,
} from '../../pipeline/synthesis/reading/nothing-to-change.js';
import { readerFor } from '../../pipeline/synthesis/reading/reader.js';

const IMPROVE = 'How could we improve?';
const GOOD = 'What was good about your visit?';

describe('asksWhatCouldBeBetter', () => {
  it.each([
    'How could we improve?',
    'What could be better?',
    'What could we do better?',
    'Is there anything we could have done better?',
    'What should change in the town centre?',
    'What would you change about the service?',
    'Any suggestions for improvement?',
    'What did you dislike about the course?',
    'Was könnten wir verbessern?',
    'Was sollte sich ändern?',
    'Gibt es etwas, das wir besser machen könnten?',
    'Que pourrions-nous améliorer ?',
    "Qu'est-ce qui pourrait être mieux ?",
    '¿Qué podríamos mejorar?',
    '¿Hay algo que deberíamos cambiar?',
  ])('reads %j as asking what could be better', (question) => {
    expect(asksWhatCouldBeBetter(question)).toBe(true);
  });

  it.each([
    'What was good?',
    'Why did you give that rating?',
    'Should the rule be changed?',
    'Would a ban improve safety in the old town?',
    'Do you have any other comments?',
    'Is there anything else you would like to tell us?',
    'Was hat Ihnen gut gefallen?',
    "Qu'avez-vous apprécié ?",
    '¿Qué le gustó?',
  ])('reads %j as asking something else', (question) => {
    expect(asksWhatCouldBeBetter(question)).toBe(false);
  });
});

describe('nothingToChange', () => {
  it.each([
    ['Nothing.', 'en'],
    ['No.', 'en'],
    ['nothing!!', 'en'],
    ['Nothing really', 'en'],
    ['Nothing at all, thank you 👍', 'en'],
    ['None that I can think of.', 'en'],
    ["Can't think of anything.", 'en'],
    ['Cannot think of any improvements', 'en'],
    ['No complaints at all.', 'en'],
    ['All good.', 'en'],
    ['Nothing, the crew were fantastic.', 'en'],
    ['Nothing they were fantastic', 'en'],
    ['No, you were all very kind.', 'en'],
    ["Honestly, there's nothing.", 'en'],
    ['At the moment, nothing.', 'en'],
    ['Nothing could have been done better.', 'en'],
    ["Couldn't have been better.", 'en'],
    ['Nichts.', 'de'],
    ['Nein.', 'de'],
    ['Gar nichts, alles bestens.', 'de'],
    ['Mir fällt nichts ein.', 'de'],
    ['Rien.', 'fr'],
    ['Non.', 'fr'],
    ['Rien du tout, merci.', 'fr'],
    ['Je ne vois pas.', 'fr'],
    ['Nada.', 'es'],
    ['No.', 'es'],
    ['Nada, todo bien.', 'es'],
    ['No se me ocurre nada.', 'es'],
  ])(
    'reads %j (%s) as nothing to change, to a question asking what could be better',
    (sentence, language) => {
      expect(nothingToChange(sentence, IMPROVE, language)).toBe(true);
    },
  );

  it.each([
    ['Nothing was explained to me.', 'en'],
    ['Nothing happened for three hours.', 'en'],
    ['Nothing, but the waiting time was far too long.', 'en'],
    ['Nothing really, maybe more staff at weekends.', 'en'],
    ['Nothing except the parking.', 'en'],
    ['No staff were available.', 'en'],
    ['No one answered the phone.', 'en'],
    ['N/A', 'en'],
    ['No comment.', 'en'],
    ['Not sure.', 'en'],
    ['Not much.', 'en'],
    ['Nothing to say.', 'en'],
    ['Arrive sooner.', 'en'],
    ['Nichts wurde erklärt.', 'de'],
    ['Nichts, aber die Wartezeit war zu lang.', 'de'],
    ["Rien n'a été expliqué.", 'fr'],
    ['Rien, sauf le parking.', 'fr'],
    ['Nada funciona.', 'es'],
    ['No hay médicos.', 'es'],
  ])('reads %j (%s) as something else', (sentence, language) => {
    expect(nothingToChange(sentence, IMPROVE, language)).toBe(false);
  });

  it('reads a bare "Nothing." or "No." normally when the question asks something else', () => {
    for (const sentence of ['Nothing.', 'No.', 'All good.', "Can't think of anything."]) {
      expect(nothingToChange(sentence, GOOD, 'en')).toBe(false);
      expect(nothingToChange(sentence, null, 'en')).toBe(false);
    }
    expect(nothingToChange('Nein.', 'Was hat Ihnen gefallen?', 'de')).toBe(false);
  });

  it.each([
    ['Nothing to improve.', 'en'],
    ['No improvements needed.', 'en'],
    ["Keep doing what you're doing.", 'en'],
    ['Just keep up the good work!', 'en'],
    ['There is nothing I would change.', 'en'],
    ['The staff were lovely, nothing to improve.', 'en'],
    ['Nichts zu verbessern.', 'de'],
    ['Macht weiter so!', 'de'],
    ['Rien à améliorer.', 'fr'],
    ['Nada que mejorar.', 'es'],
  ])('reads %j (%s) as nothing to change under any question', (sentence, language) => {
    expect(nothingToChange(sentence, null, language)).toBe(true);
    expect(nothingToChange(sentence, GOOD, language)).toBe(true);
  });

  it('reads nothing in a language without rules', () => {
    expect(nothingToChange('Niets.', IMPROVE, 'nl')).toBe(false);
  });
});

describe('answerSaysNothingToChange', () => {
  it('reads the opening sentence, and turns down an answer that goes on to a hedge', () => {
    expect(answerSaysNothingToChange('Nothing. The staff were great.', IMPROVE, 'en')).toBe(true);
    expect(answerSaysNothingToChange('The staff were great. Nothing to improve.', GOOD, 'en')).toBe(
      true,
    );
    expect(answerSaysNothingToChange('Nothing. But the wait was long.', IMPROVE, 'en')).toBe(false);
    expect(answerSaysNothingToChange('Nothing. Maybe more staff.', IMPROVE, 'en')).toBe(false);
    expect(answerSaysNothingToChange('The wait was long. Nothing else.', IMPROVE, 'en')).toBe(
      false,
    );
    expect(answerSaysNothingToChange('Nothing.', GOOD, 'en')).toBe(false);
  });
});

describe('onlySaysNothingToChange', () => {
  it.each([
    'Nothing.',
    'No',
    'Nothing at all!! 👍',
    'No, nothing. Thank you.',
    "Can't think of anything. All good.",
    'Nothing I can think of.',
    'None really.',
  ])('holds %j whole as saying only that nothing needs to change', (text) => {
    expect(onlySaysNothingToChange(text, IMPROVE, 'en')).toBe(true);
  });

  it.each([
    'Nothing, the crew were fantastic.',
    'Nothing was explained.',
    'No staff.',
    'Thank you.',
    'N/A',
    'Nothing to say.',
  ])('does not hold %j so', (text) => {
    expect(onlySaysNothingToChange(text, IMPROVE, 'en')).toBe(false);
  });

  it('needs a question asking what could be better', () => {
    expect(onlySaysNothingToChange('Nothing.', GOOD, 'en')).toBe(false);
    expect(onlySaysNothingToChange('Nothing.', null, 'en')).toBe(false);
    expect(onlySaysNothingToChange('Nichts, alles gut.', 'Was könnten wir verbessern?', 'de')).toBe(
      true,
    );
    expect(onlySaysNothingToChange('Rien.', 'Que pourrions-nous améliorer ?', 'fr')).toBe(true);
    expect(onlySaysNothingToChange('Nada.', '¿Qué podríamos mejorar?', 'es')).toBe(true);
  });
});

describe('the readers', () => {
  const improve = { question: 'How could we improve?' };
  it('read "nothing needs to change" before their own rules, with praise kept', () => {
    expect(readerFor('en')?.kindsOf('Nothing.', improve)).toEqual(['nothing_to_change']);
    expect(readerFor('en')?.kindsOf('Nothing, the staff were brilliant.', improve)).toContain(
      'nothing_to_change',
    );
    expect(
      readerFor('de')?.kindsOf('Nichts.', { question: 'Was könnten wir verbessern?' }),
    ).toEqual(['nothing_to_change']);
    // Without a question asking what could be better, a bare "No." is read by the rules.
    expect(readerFor('en')?.kindsOf('No.', { question: null })).not.toContain('nothing_to_change');
    expect(readerFor('en')?.kindsOf('Nothing was explained to me.', improve)).not.toContain(
      'nothing_to_change',
    );
  });
});
