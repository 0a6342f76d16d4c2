import { describe, expect, it } from 'vitest';
import type { SynthesisPassage } from '../../pipeline/synthesis/findings/corpus.js';
import { questionStance, themeStance } from '../../pipeline/synthesis/findings/stance-findings.js';
import {
  type Claim,
  claimOf,
  questionClaim,
  stanceOf,
} from '../../pipeline/synthesis/reading/en/stance.js';

function passage(id: string, text: string): SynthesisPassage {
  return {
    id,
    index: 0,
    text,
    language: 'en',
    translation: null,
    contributionId: id,
    voices: [id],
    participants: [`p-${id}`],
    date: null,
    week: -1,
    voiceWeeks: [],
    questionId: null,
    votes: null,
  };
}

describe('questionClaim', () => {
  it('reads a yes/no question as a claim for its action', () => {
    const claim = questionClaim('Should the country accept more refugees?') as Claim;
    expect(claim.action).toBe('accept');
    expect(claim.polarity).toBe(1);
    expect([...claim.topic]).toEqual(expect.arrayContaining(['country']));
  });

  it('takes the question after a preamble', () => {
    expect(questionClaim('Many people arrive each year. Should we ban short-term lets?')).toEqual(
      expect.objectContaining({ action: 'ban', polarity: -1 }),
    );
  });

  it.each([
    'What should change in the city?',
    'How can access to justice be secured?',
    'Should the city build a tram or more bus lanes?',
    'The council wants views on parking.',
  ])('asks for no yes or no: "%s"', (question) => {
    expect(questionClaim(question)).toBeNull();
  });
});

describe('claimOf', () => {
  it('is against what an action of abolition acts on', () => {
    const claim = claimOf('We should abolish capital punishment') as Claim;
    expect(claim).toMatchObject({ action: 'abolish', polarity: -1, negated: false });
    expect([...claim.topic].sort()).toEqual(['capital', 'punishment']);
  });

  it('turns round with a negation before the action, not in the reasons', () => {
    expect(claimOf('Residents should not be charged for waste water.')).toMatchObject({
      action: 'charge',
      negated: true,
      polarity: -1,
    });
    expect(
      claimOf(
        "We should close the detention camp because some men are there when they shouldn't be",
      ),
    ).toMatchObject({ action: 'close', negated: false, polarity: -1 });
  });

  it('leaves the consultation subject out of the topic', () => {
    const claim = claimOf('Bowling Green needs a fairness ordinance.', new Set(['bowl', 'green']));
    expect([...(claim as Claim).topic].sort()).toEqual(['fairness', 'ordinance']);
  });
});

describe('stanceOf', () => {
  const refugees = questionClaim('Should the country accept more refugees?') as Claim;
  const abolish = claimOf('We should abolish capital punishment') as Claim;

  it.each([
    ['Yes, I support taking in more refugees.', 'support'],
    ['I agree, as long as they are housed properly.', 'support'],
    ['No, the country cannot afford it.', 'oppose'],
    ['I disagree with this.', 'oppose'],
    ['It is the humane and right thing to do.', 'support'],
    ['We should not accept more refugees until housing is built.', 'oppose'],
    ['The country has 3 cities.', 'unclear'],
  ])('on refugees, "%s" is %s', (text, stance) => {
    expect(stanceOf(text, refugees)).toBe(stance);
  });

  it('does not read "No more ..." as a no', () => {
    expect(stanceOf('No more excuses: we must accept more refugees.', refugees)).toBe('support');
  });

  it.each([
    ['Capital punishment is cruel and inhumane.', 'support'],
    ['Capital punishment deters violent crime.', 'oppose'],
    ['We should keep capital punishment for the worst murders.', 'oppose'],
    ['We must abolish capital punishment now.', 'support'],
    ['We should not abolish capital punishment.', 'oppose'],
    ['Abolishing capital punishment would be a cruel joke on the victims.', 'oppose'],
    ['Innocent people are saved by abolishing capital punishment.', 'support'],
  ])('on abolishing capital punishment, "%s" is %s', (text, stance) => {
    expect(stanceOf(text, abolish)).toBe(stance);
  });
});

describe('questionStance', () => {
  it('counts the answers on each side, with a statement and citations for each', () => {
    const answers = [
      passage('a', 'Yes, it is the right thing to do.'),
      passage('b', 'Yes, refugees enrich our towns.'),
      passage('c', 'No, we cannot house them.'),
      passage('d', 'Maybe, it depends.'),
    ];
    const split = questionStance('Should the country accept more refugees?', answers);
    expect(split).toMatchObject({ basis: 'question', unclear: { contributions: 1 } });
    expect(split?.favour.citations).toEqual(['a', 'b']);
    expect(split?.against.citations).toEqual(['c']);
    expect(split?.favour.points[0]?.citations).toEqual(['a', 'b']);
    expect(split?.against.points[0]?.text).toBe('No, we cannot house them.');
  });

  it('is null for a question that asks for no yes or no', () => {
    expect(questionStance('What should change?', [passage('a', 'Yes.')])).toBeNull();
  });
});

describe('themeStance', () => {
  const proposal = { text: 'We should ban cars from the old town.', citations: ['p0'] };

  it("reads only passages on the proposal's topic, and reports when enough take a side", () => {
    const passages = [
      passage('p0', 'We should ban cars from the old town.'),
      passage('p1', 'Cars in the old town are noisy and dangerous.'),
      passage('p2', 'Cars in the old town are a terrible nuisance.'),
      passage('p3', 'We should not ban cars from the old town, shops need them.'),
      passage('p4', 'Banning cars in the old town would kill the shops.'),
      passage('p5', 'More benches in the park.'),
    ];
    const split = themeStance(proposal, passages, new Set());
    expect(split?.favour.citations).toEqual(['p0', 'p1', 'p2']);
    expect(split?.against.citations).toEqual(['p3', 'p4']);
    // The bench is not on the topic: it is in no count.
    expect(split?.unclear.contributions).toBe(0);
  });

  it('is null when too few take a side', () => {
    const passages = [
      passage('p0', 'We should ban cars from the old town.'),
      ...Array.from({ length: 30 }, (_, i) => passage(`q${i}`, `Bench number ${i} is broken.`)),
    ];
    expect(themeStance(proposal, passages, new Set())).toBeNull();
  });

  it('is null without a proposal that names an action', () => {
    expect(themeStance(undefined, [passage('a', 'Yes.')], new Set())).toBeNull();
  });
});
