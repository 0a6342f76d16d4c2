import { describe, expect, it } from 'vitest';
import { questionStance, themeStance } from '../../pipeline/synthesis/findings/stance-findings.js';
import { namedPassage as passage } from '../helpers/passages.js';

const QUESTION = 'Should the country accept more refugees?';

describe('the reasons on each side of a split', () => {
  const split = questionStance(QUESTION, [
    passage('a', 'Yes. Refugees bring skills that our economy needs.'),
    passage('b', 'Yes, refugees bring skills our economy badly needs.'),
    passage('c', 'Absolutely. Refugees bring the skills that the economy lacks.'),
    passage('d', 'Yes, we have a moral duty to protect people fleeing war.'),
    passage('e', 'Yes. We have a moral duty to help people fleeing war.'),
    passage('f', 'Yes, taking in refugees is what a decent country does for people in danger.'),
    passage('g', 'No. The housing shortage is already severe in our cities.'),
    passage('h', 'No, the housing shortage is too severe to house more people.'),
    passage('i', 'No. Taxes would rise to pay for their benefits.'),
  ]);

  it('groups the sentences that give the same reason, with how many give it', () => {
    const favour = split?.favour.points ?? [];
    expect(favour[0]?.citations).toEqual(['a', 'b', 'c']);
    expect(favour[0]?.support).toEqual({ contributions: 3, participants: 3 });
    expect(favour[0]?.text).toMatch(/skills/);
    expect(favour[1]?.citations).toEqual(['d', 'e']);
    expect(favour[1]?.text).toMatch(/moral duty/);
  });

  it("gives the minority's reasons as carefully as the majority's", () => {
    const against = split?.against.points ?? [];
    expect(split?.against.support.contributions).toBe(3);
    expect(against.map((f) => f.citations)).toEqual([['g', 'h'], ['i']]);
    expect(against[0]?.support.contributions).toBe(2);
    expect(against[1]?.text).toBe('Taxes would rise to pay for their benefits.');
  });

  it('takes no bare answer, restated claim, praise or self-description for a reason', () => {
    const bare = questionStance(QUESTION, [
      passage('a', 'Yes.'),
      passage('b', 'I strongly agree.'),
      passage('c', 'Yes, we should accept more refugees.'),
      passage('d', 'Yes. I am a retired teacher from Leeds.'),
      passage('e', 'Yes. Thank you so much for asking us!'),
    ]);
    expect(bare?.favour.support.contributions).toBe(5);
    expect(bare?.favour.points).toEqual([]);
  });
});

describe('conditional and compromise positions', () => {
  const split = questionStance('Should vaccination against measles be compulsory?', [
    passage('a', 'Yes, measles kills children every year.'),
    passage('b', 'Yes. Herd immunity protects babies too young for the vaccine.'),
    passage('c', 'No. Parents must decide what goes into their children.'),
    passage('d', 'Yes, but only if the vaccine is proven safe for every child.'),
    passage('e', 'Only if doctors can grant exemptions for medical reasons.'),
    passage('f', 'A middle ground would be free vaccination with reminders, without fines.'),
  ]);

  it('are findings of their own, counted neither for nor against', () => {
    expect(split?.favour.citations).toEqual(['a', 'b']);
    expect(split?.against.citations).toEqual(['c']);
    expect(split?.conditional.citations).toEqual(['d', 'e']);
    expect(split?.compromise.citations).toEqual(['f']);
    expect(split?.unclear.contributions).toBe(0);
    expect(split?.reliable).toBe(true);
  });

  it('name the conditions and the compromise put, with their citations', () => {
    const conditions = split?.conditional.points.map((f) => [f.text, f.citations]);
    expect(conditions).toEqual(
      expect.arrayContaining([
        ['Yes, but only if the vaccine is proven safe for every child.', ['d']],
        ['Only if doctors can grant exemptions for medical reasons.', ['e']],
      ]),
    );
    expect(split?.compromise.points[0]).toMatchObject({
      text: 'A middle ground would be free vaccination with reminders, without fines.',
      citations: ['f'],
      support: { contributions: 1, participants: 1 },
    });
  });
});

describe("a theme's leading proposal", () => {
  it('gives the reasons for and against it, and the compromise', () => {
    const passages = [
      passage(
        'a',
        'We should ban cars from the old town. The narrow streets are dangerous for children.',
      ),
      passage(
        'b',
        'We must ban cars from the old town. The narrow streets are dangerous for old people.',
      ),
      passage('c', 'We should ban cars from the old town. The air is polluted.'),
      passage(
        'd',
        'We should not ban cars from the old town. The shops would lose their customers.',
      ),
      passage('e', 'We must not ban cars from the old town. Shops there would lose customers.'),
      passage('f', 'Slow the cars in the old town down rather than banning them.'),
    ];
    const proposal = { text: 'We should ban cars from the old town.', citations: ['a'] };
    const split = themeStance(proposal, passages, new Set());
    expect(split?.favour.points[0]?.citations.sort()).toEqual(['a', 'b']);
    expect(split?.against.points[0]?.citations.sort()).toEqual(['d', 'e']);
    expect(split?.compromise.citations).toEqual(['f']);
  });
});
