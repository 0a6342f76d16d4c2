// Personal names found by cue (titles, roles, introductions, known first names), and the places,
// organisations, calendar words and German nouns that must be left alone.
import { beforeAll, describe, expect, it } from 'vitest';
import { createNameFinder, type NameFinder } from '../../pipeline/nlp/person-names.js';

let find: NameFinder;

beforeAll(async () => {
  find = await createNameFinder(
    ['en', 'de', 'fr', 'es'],
    ['The bus to Freeman Hospital was late.', 'I waited at Freeman Hospital for an hour.'],
  );
});

/** The names found in `text`, as written. */
function names(text: string, language = 'en'): string[] {
  return find(text, language).map(({ start, end }) => text.slice(start, end));
}

describe('English names', () => {
  it.each([
    ['Nurse Sarah was lovely and explained everything.', ['Sarah']],
    ['My CPN Jo came every week, which really helped.', ['Jo']],
    ['Dr Patel explained the results clearly.', ['Patel']],
    ['Dr. Omonori listened to me.', ['Omonori']],
    ['Sam my support worker helped me fill in the forms.', ['Sam']],
    ['Jo, our CPN, rang back the same day.', ['Jo']],
    ['Carol has been very helpful all the way through.', ['Carol']],
    ['Rebecca was very respectful and caring.', ['Rebecca']],
    ['I was looked after by the OT Lisa, who gave me great support.', ['Lisa']],
    ['Very satisfied with Michael and his helpful manner.', ['Michael']],
    ['My name is Jolene Whitcombe and I am writing about the buses.', ['Jolene Whitcombe']],
    ["Rachel's care was excellent.", ['Rachel']],
    ['Please fix the buses. Kind regards, Sarah Jones', ['Sarah Jones']],
  ])('finds the name in %j', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    'Traffic on Scottsville Road is bad in Bowling Green and Warren County.',
    'The NHS and WKU should work together on this.',
    'In May we met on Monday, and again in June and August.',
    'Hope you improve the service. Will you call back? Grace periods are too short.',
    'Everything was very good. Paramedics were great.',
    'The Nurse Practitioner was good.',
    'I saw a dr. However the wait was long.',
    'Transport to James Cook Hospital was late again.',
    'I stayed on Kingsley ward and at Heather Close.',
    'Build a path along Gary Farms Blvd and Paul Walker Golf Course.',
    "Build parking behind Spencer's, near the square.",
    'Transport to Freeman was good.',
  ])('finds no name in %j', (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe('names in German, French and Spanish', () => {
  it('finds names after a title or with a surname, never a German noun', () => {
    expect(names('Herr Müller hat gesagt, dass die Radwege zu schmal sind.', 'de')).toEqual([
      'Müller',
    ]);
    expect(names('Ich habe gestern mit Peter Schmidt gesprochen.', 'de')).toEqual([
      'Peter Schmidt',
    ]);
    expect(
      names(
        'Die Mark ist weg. Am Kai fehlt ein Radweg, und die Ampel an der Venloer Straße ist zu kurz. Im Mai und am Montag.',
        'de',
      ),
    ).toEqual([]);
    expect(names('Der Radweg in der Karl Straße ist zu schmal.', 'de')).toEqual([]);
    expect(names('Von der Henriette Ackermann-Str. kommend ist es eng.', 'de')).toEqual([]);
    expect(names('Bitte verbreitern. Mit freundlichen Grüßen Peter Specht', 'de')).toEqual([
      'Peter Specht',
    ]);
    expect(names('Vielen Dank, Johann und Maria Wessels', 'de')).toEqual([
      'Johann',
      'Maria Wessels',
    ]);
    expect(names('Danke! Radwege sind zu schmal. Danke Stadt Moers.', 'de')).toEqual([]);
    expect(names('Es sind nur noch wenige vorhanden. Thomas', 'de')).toEqual(['Thomas']);
    expect(names('Der Weg ist schön, die Flora auch.', 'de')).toEqual([]);
  });

  it('finds a first name mid-sentence in French and Spanish, not in a street name', () => {
    expect(names("J'ai parlé avec Marie hier. Mme Dupont est venue.", 'fr')).toEqual([
      'Marie',
      'Dupont',
    ]);
    expect(names('La rue Victor Hugo est dangereuse.', 'fr')).toEqual([]);
    expect(names('Hablé con Carmen ayer. Me llamo Juan Pérez.', 'es')).toEqual([
      'Carmen',
      'Juan Pérez',
    ]);
    expect(names('La calle San José es peligrosa.', 'es')).toEqual([]);
  });
});
