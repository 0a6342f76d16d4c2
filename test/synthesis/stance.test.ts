import { describe, expect, it } from 'vitest';
import { questionStance, themeStance } from '../../pipeline/synthesis/findings/stance-findings.js';
import { foldedWords } from '../../pipeline/synthesis/findings/support.js';
import { acronymsOf, withNames } from '../../pipeline/synthesis/reading/acronyms.js';
import { type Claim, claimOf, questionClaim } from '../../pipeline/synthesis/reading/en/claim.js';
import { mainClause } from '../../pipeline/synthesis/reading/en/stance.js';
import { claimStance, contributionStance } from '../../pipeline/synthesis/reading/stance.js';
import { namedPassage as passage } from '../helpers/passages.js';

describe('questionClaim', () => {
  it('reads a yes/no question as a claim for its action', () => {
    const claim = questionClaim('Should the country accept more refugees?') as Claim;
    expect(claim.action).toBe('accept');
    expect(claim.polarity).toBe(1);
    expect([...claim.topic]).toEqual(expect.arrayContaining(['country']));
  });

  it('reads a gerund after the modal as the topic: "Should homeschooling be banned?"', () => {
    const claim = questionClaim('Should homeschooling be banned?') as Claim;
    expect(claim).toMatchObject({ action: 'ban', polarity: -1 });
    expect([...claim.topic]).toEqual(['homeschool']);
    const question = 'Should homeschooling be banned?';
    const text = 'Homeschooling should not be banned as parents know best.';
    expect(contributionStance(text, question, 'en')).toBe('against');
  });

  it('takes the question after a preamble', () => {
    expect(questionClaim('Many people arrive each year. Should we ban short-term lets?')).toEqual(
      expect.objectContaining({ action: 'ban', polarity: -1 }),
    );
  });

  it.each([
    'Is there anything else you would like to tell the transport authority?',
    'Do you have any other comments?',
    'Would you like to add something about the new routes?',
    'Are there any concerns you want to raise?',
  ])('reads an invitation worded as a yes/no question as no claim: %s', (question) => {
    expect(questionClaim(question)).toBeNull();
  });

  it.each([
    ['Should smoking be allowed in parks?', 'smoking'],
    ['Smoking should be banned in parks', 'smoking'],
  ])(
    'reads a gerund subject as the topic, the participle as the action: "%s"',
    (question, topic) => {
      const claim = (questionClaim(question) ?? claimOf(question)) as Claim;
      const [folded] = foldedWords(topic, 'en');
      expect(claim.topic.has(folded as string)).toBe(true);
      expect(claim.action).not.toBe(topic);
    },
  );

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

describe('contributionStance', () => {
  const refugees = 'Should the country accept more refugees?';

  it.each([
    ['Yes, I support taking in more refugees.', 'favour'],
    ['I agree, as long as they are housed properly.', 'favour'],
    ['No, the country cannot afford it.', 'against'],
    ['No.', 'against'],
    ['Absolutely.', 'favour'],
    ['I disagree with this.', 'against'],
    ['We should not accept more refugees until housing is built.', 'against'],
    ['We must accept more refugees. It is our duty.', 'favour'],
    ['The country has 3 cities.', 'unclear'],
    // A sentence that judges something else takes no side: the old rules read it as favour.
    ['It is a lovely sunny day today.', 'unclear'],
  ])('on refugees, "%s" is %s', (text, position) => {
    expect(contributionStance(text, refugees, 'en')).toBe(position);
  });

  it('does not read "No more ..." as a no', () => {
    expect(
      contributionStance('No more excuses: we must accept more refugees.', refugees, 'en'),
    ).toBe('favour');
  });

  it.each([
    [
      'Nein, das ist zu teuer.',
      'de',
      'Sollte die Stadt Autos aus der Altstadt verbannen?',
      'against',
    ],
    ['Ja, unbedingt.', 'de', 'Sollte die Stadt Autos aus der Altstadt verbannen?', 'favour'],
    ['Oui, bien sûr.', 'fr', 'Faut-il interdire les voitures ?', 'favour'],
    ['Non, pas ici.', 'fr', 'Faut-il interdire les voitures ?', 'against'],
    ['Sí, claro.', 'es', '¿Debería la ciudad prohibir los coches?', 'favour'],
    ['No, nunca.', 'es', '¿Debería la ciudad prohibir los coches?', 'against'],
    ['Die Autos stören.', 'de', 'Sollte die Stadt Autos aus der Altstadt verbannen?', 'unclear'],
  ])('reads the opening "%s" (%s)', (text, language, question, position) => {
    expect(contributionStance(text, question, language)).toBe(position);
  });

  it('is unclear on a question that asks for no yes or no', () => {
    expect(contributionStance('Yes.', 'What should change?', 'en')).toBe('unclear');
  });

  it('lets a sentence opening with "But" overrule the one before it', () => {
    const text =
      'We should accept more refugees in principle. But we should not accept more refugees while housing is short.';
    expect(contributionStance(text, refugees, 'en')).toBe('against');
  });

  it('abstains when the sentences take both sides with the same strength', () => {
    const text = 'We must accept more refugees. We must not accept more refugees.';
    expect(contributionStance(text, refugees, 'en')).toBe('unclear');
  });
});

describe('claimStance', () => {
  const abolish = 'We should abolish capital punishment';

  it.each([
    ['Capital punishment is cruel, barbaric and inhumane.', 'favour'],
    ['We should keep capital punishment for the worst murders.', 'against'],
    ['We must abolish capital punishment now.', 'favour'],
    ['We should not abolish capital punishment.', 'against'],
    ['We need to abolish capital punishment.', 'favour'],
    ['Capital punishment has some benefits, but it is cruel, barbaric and wrong.', 'favour'],
    // A weak judgement alone does not decide.
    ['Capital punishment is a problem.', 'unclear'],
    ['The weather was nice.', 'unclear'],
  ])('on abolishing capital punishment, "%s" is %s', (text, position) => {
    expect(claimStance(text, abolish, 'en')).toBe(position);
  });

  it.each([
    ['I oppose this rule.', 'against'],
    ['I strongly support the proposed rule.', 'favour'],
    ['As a small farmer, I am opposed to the proposal. It will ruin us.', 'against'],
    ['I urge the agency to withdraw this rule.', 'against'],
    ['I do not support this rule.', 'against'],
    ['I support small farmers.', 'unclear'],
  ])('reads a declared position on a rule: "%s" is %s', (text, position) => {
    expect(claimStance(text, 'The agency should adopt the proposed water rule.', 'en')).toBe(
      position,
    );
  });

  it('reads "should be legal" as the claim to legalize', () => {
    expect(
      claimStance('Cannabis should be legal for adults.', 'We should legalize cannabis', 'en'),
    ).toBe('favour');
  });

  it.each([
    [
      'Parents should be able to decide how their children learn.',
      'Homeschooling should be banned',
      'against',
    ],
    ['Adults have the right to choose what they smoke.', 'We should legalize cannabis', 'favour'],
    ['It is a personal decision for each family.', 'We should prohibit sex selection', 'against'],
    [
      'Nobody has the right to take a life.',
      'Assisted suicide should be a criminal offence',
      'favour',
    ],
    [
      'Children should not be allowed to work on film sets.',
      'We should ban child actors',
      'favour',
    ],
    // Liberty says nothing on a claim that neither restricts nor permits.
    ['People should be able to choose their school.', 'We should subsidize journalism', 'unclear'],
  ])('reads an appeal to liberty: "%s" on "%s" is %s', (text, claim, position) => {
    expect(claimStance(text, claim, 'en')).toBe(position);
  });
});

describe('acronyms', () => {
  const ubi = 'Should Aotearoa New Zealand introduce a Universal Basic Income?';

  it('reads a name by its acronym', () => {
    expect(acronymsOf(ubi).get('UBI')).toBe('Universal Basic Income');
    expect(acronymsOf('Should the UK leave the European Union?').get('EU')).toBe('European Union');
    expect(withNames('A UBI would help; UBIquity is not it.', acronymsOf(ubi))).toBe(
      'A Universal Basic Income would help; UBIquity is not it.',
    );
  });

  it("takes the claim's topic from its acronym", () => {
    expect(contributionStance('The UBI is a fair, excellent and brilliant idea.', ubi, 'en')).toBe(
      'favour',
    );
  });
});

describe('mending', () => {
  it('reads an action that mends as a judgement, not as the claim acting', () => {
    expect(
      contributionStance(
        'A Universal Basic Income would improve health and reduce poverty.',
        'Should we introduce a Universal Basic Income?',
        'en',
      ),
    ).toBe('favour');
  });
});

describe('mainClause', () => {
  it.each([
    ['Cars have benefits, but they are noisy.', 'they are noisy.'],
    ['Although cars are useful, they are noisy.', 'they are noisy.'],
    ['Cars are noisy, although they are useful.', 'Cars are noisy'],
    ['Cars are noisy.', 'Cars are noisy.'],
  ])('of "%s" is "%s"', (sentence, clause) => {
    expect(mainClause(sentence)).toBe(clause);
  });
});

describe('questionStance', () => {
  it('counts the answers on each side, with citations for each', () => {
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
  });

  it('reads each contribution once, from all its passages, and counts merged duplicates as voices', () => {
    const answers = [
      // One contribution in two passages: its second passage takes no side; it counts once.
      {
        ...passage('a1', 'No, we cannot house them.'),
        contributionId: 'a',
        voices: ['a', 'a-dup'],
      },
      { ...passage('a2', 'The weather was nice that summer.'), contributionId: 'a', voices: ['a'] },
      passage('b', 'Yes, it is the right thing to do.'),
      passage('c', 'We must accept more refugees.'),
    ];
    const split = questionStance('Should the country accept more refugees?', answers);
    expect(split?.against.citations).toEqual(['a1', 'a2']);
    expect(split?.against.support.contributions).toBe(2);
    expect(split?.favour.support.contributions).toBe(2);
    expect(split?.unclear).toMatchObject({ contributions: 0, citations: [] });
    expect(split?.reliable).toBe(true);
  });

  it('is not reliable when fewer than 60% of the answers take a side', () => {
    const answers = [
      passage('a', 'Yes.'),
      passage('b', 'No.'),
      passage('c', 'Hard to say, there are many views.'),
      passage('d', 'The weather was nice that summer.'),
    ];
    const split = questionStance('Should the country accept more refugees?', answers);
    expect(split).toMatchObject({ reliable: false, unclear: { contributions: 2 } });
  });

  it("never takes a side's reason from a sentence that takes the other side", () => {
    const answers = [
      passage(
        'a',
        'Yes. We should not accept refugees from rich countries. Refugees arrive in leaking boats.',
      ),
      passage('b', 'Yes. Refugees fleeing war arrive in leaking boats every week.'),
    ];
    const split = questionStance('Should the country accept more refugees?', answers);
    const reasons = split?.favour.points.map((f) => f.text) ?? [];
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons).not.toContain('We should not accept refugees from rich countries.');
  });

  it('gives every yes/no question a split, in German too', () => {
    const answers = [{ ...passage('a', 'Nein, zu teuer.'), language: 'de' }];
    const split = questionStance('Sollte die Stadt Autos aus der Altstadt verbannen?', answers);
    expect(split?.against.citations).toEqual(['a']);
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
      passage('p4', 'Cars must not be banned from the old town.'),
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
