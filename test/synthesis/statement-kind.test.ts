import { describe, expect, it } from 'vitest';
import { statementKind } from '../../pipeline/synthesis/reading/en/kinds.js';

describe('statementKind', () => {
  it.each([
    // Modals of obligation, "need", imperatives, wishes.
    ['The council should build more social housing.', 'proposal'],
    ['The city should add bike lanes.', 'proposal'],
    ['Smoking should not be allowed in public parks.', 'proposal'],
    ['We need rent controls.', 'proposal'],
    ['We need more buses on the ring road.', 'proposal'],
    ['Bowling Green needs more pet-friendly housing options for renters.', 'proposal'],
    ['There needs to be a stoplight at the intersection.', 'proposal'],
    ['Build protected bike lanes on the main roads.', 'proposal'],
    ['Ban smoking in parks.', 'proposal'],
    ['Increase Internet service throughout the county.', 'proposal'],
    ['Please increase family friendly activities.', 'proposal'],
    ["Let's get a Publix!", 'proposal'],
    ['More benches in the parks.', 'proposal'],
    ['I would like to see more aid for the homeless.', 'proposal'],
    ['I think we should put the arena where the airport is.', 'proposal'],
    ['I should be able to vote in city elections if I pay city taxes.', 'proposal'],
    ['Adopting an austerity regime is the best way to reduce the deficit.', 'proposal'],
    // Proposals win: the sentence recommends, whatever worries it.
    ['We need more police because crime is a problem.', 'proposal'],
    // Problems and harms.
    ['Cycling is dangerous on the ring road.', 'concern'],
    ['Rent is too expensive inside the city limits.', 'concern'],
    ['There are not enough bins near the playgrounds.', 'concern'],
    ['Low-income areas of the city are ignored.', 'concern'],
    ['Legalizing prostitution would spread many diseases.', 'concern'],
    ["The male soldiers wouldn't be able to do their jobs.", 'concern'],
    // Possible gains.
    ['The old factory site could become a new park.', 'opportunity'],
    ['Legalizing marijuana would be a boon for the economy.', 'opportunity'],
    ['Cloning could help fight genetic disease.', 'opportunity'],
    ['Legalizing prostitution would prevent exploitation of sex workers.', 'opportunity'],
    ['I feel Bowling Green could benefit from an additional ambulance service.', 'opportunity'],
    ['School uniforms help everyone feel included.', 'opportunity'],
  ])('reads "%s" as %s', (sentence, kind) => {
    expect(statementKind(sentence, 'en')).toBe(kind);
  });

  it.each([
    // The misreadings of issue 14: anecdotes and thanks are none of the three.
    'While I still need to Google some stuff, I find the site useful.',
    'AI has given me a lot of confidence.',
    'I still need to learn how the council works.',
    'I feel safe in most places here.',
    'I moved here in 2010.',
    'Thank you for asking us.',
    'What should the council do about parking?',
    'Bowling Green is an excellent place to raise a family.',
  ])('reads "%s" as none', (sentence) => {
    expect(statementKind(sentence, 'en')).toBeNull();
  });

  it('does not guess in other languages', () => {
    expect(statementKind('Il faut plus de bus.', 'fr')).toBeNull();
  });
});
