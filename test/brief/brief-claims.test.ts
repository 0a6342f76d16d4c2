// The brief check reads back every number shown per claim, finds claims with two numbers, sums that do not add up, and repeated sentences.
import { describe, expect, it } from 'vitest';
import { checkBrief } from '../../pipeline/brief/brief-check.js';
import { collectClaims, conflictingClaims } from '../../pipeline/brief/brief-claims.js';
import { repeatedSentences } from '../../pipeline/brief/quote-repeats.js';

const BRIEF = `# Test

Scope: what 30 participants said in 30 contributions, by theme and guiding question.

## Key messages

1. Parking drew 12 participants (40% of all); its most typical statement: “We need more parking downtown.” [\\[1\\]](#source-1) (+3 more)
2. The proposal with the widest support: “Open the car park at night.” (4 contributions) [\\[2\\]](#source-2)

## About the consultation

**Participation.** 30 contributions from 30 participants, in 31 passages. By guiding question: 18 answer question 1 and 10 question 2; 2 name none of them.

## Thematic findings

### Parking

*12 participants (40% of all participants), 15 contributions, 15 passages; steady over the weeks.*

**Key points**

- 9 contributions on parking downtown, for example: “We need more parking downtown.” [\\[1\\]](#source-1) *(9 contributions)*

**Sub-themes:** Night (5 contributions), Prices (3).

## What contributors said on each guiding question

### Question 1: Where should people park?

*18 contributions from 15 participants. Themes: Parking (15).*

**Nothing to change.** 5 of 21 answers say nothing needs to change; 3 say only that, and are not in the themes or the 18 contributions counted above.

### Question 2: What else?

*10 contributions from 9 participants.*

## Recommendations for programme formulation

1. Open the car park at night. *(Parking; 4 contributions, 4 participants)* [\\[2\\]](#source-2)

## Annexes

### Theme table

| Theme | Passages | Contributions | Participants | Share |
| --- | ---: | ---: | ---: | ---: |
| Parking | 15 | 15 | 12 | 40% |
| ↳ Night | 5 | 5 | 5 | 17% |
| ↳ Prices | 3 | 3 | 3 | 10% |
`;

describe('collectClaims', () => {
  it('takes a programming priority as its statement, not the theme it names in its parenthesis', () => {
    const claims = collectClaims(
      [
        '## What this means for programming',
        '',
        '1. Open the car park at night. [\\[2\\]](#source-2) (+3 more contributions) *(support: 90% of 40 voters agreed; 4 contributions; from: theme “Parking”, question 1)*',
        '2. Close the ring road at night. [\\[3\\]](#source-3) *(support: 70% of 30 voters agreed; 3 contributions; from: theme “Parking”, question 1)*',
      ].join('\n'),
    );
    expect(claims.map((c) => `${c.claim} ${c.value} ${c.unit}`)).toEqual([
      'statement:open the car park at night 40 voters',
      'statement:open the car park at night 4 contributions',
      'statement:close the ring road at night 30 voters',
      'statement:close the ring road at night 3 contributions',
    ]);
  });

  it('reads the numbers of each claim wherever the brief shows them', () => {
    const claims = collectClaims(BRIEF);
    const of = (claim: string, unit: string) =>
      claims.filter((c) => c.claim === claim && c.unit === unit).map((c) => c.value);
    expect(of('all', 'contributions')).toEqual([30, 30]);
    expect(of('theme:Parking', 'participants')).toEqual([12, 12, 12]);
    expect(of('theme:Parking', 'share')).toEqual([40, 40, 40]);
    expect(of('theme:Parking', 'contributions')).toEqual([15, 15]);
    expect(of('theme:Parking › Night', 'contributions')).toEqual([5, 5]);
    expect(of('question:1', 'contributions')).toEqual([18, 18, 18]);
    expect(of('question:none', 'contributions')).toEqual([2]);
    expect(of('statement:open the car park at night', 'contributions')).toEqual([4, 4]);
    expect(of('Parking › 9 contributions on parking downtown', 'contributions')).toEqual([9]);
    expect(checkBrief(BRIEF)).toEqual({ conflicts: [], sums: [], repeats: [] });
  });

  it('finds a claim shown with two numbers, and question counts that do not add up', () => {
    const changed = BRIEF.replace('| Parking | 15 | 15 | 12 |', '| Parking | 15 | 49 | 12 |')
      .replace('Night (5 contributions)', 'Night (6 contributions)')
      .replace('*(Parking; 4 contributions', '*(Parking; 3 contributions')
      .replace('2 name none of them', '3 name none of them');
    const { conflicts, sums } = checkBrief(changed);
    expect(
      conflicts.map((c) => `${c.claim} ${c.unit} ${c.shown.map((s) => s.value).join('/')}`).sort(),
    ).toEqual([
      'statement:open the car park at night contributions 4/3',
      'theme:Parking contributions 15/49',
      'theme:Parking › Night contributions 6/5',
    ]);
    expect(sums).toEqual([
      "the 2 questions' contributions and the 3 naming none add to 31, not the 30 in all",
    ]);
    expect(conflictingClaims(collectClaims(changed))).toHaveLength(3);
    const share = BRIEF.replace('| ↳ Night | 5 | 5 | 5 | 17% |', '| ↳ Night | 5 | 5 | 5 | 27% |');
    expect(checkBrief(share).sums).toEqual([
      'theme:Parking › Night is shown as 27% of all participants, but its participants make 17%',
    ]);
  });
});

describe('repeatedSentences', () => {
  it('finds a sentence shown more than twice from the key messages to the end of the findings', () => {
    const quoted = `${BRIEF.replace('## Annexes', '## Annexes\n\n### Weekly digests\n\n#### Week 1\n\n- Parking: “We need more parking downtown.” *(3 contributions)*\n')}`;
    expect(repeatedSentences(quoted)).toEqual([
      {
        sentence: 'We need more parking downtown.',
        times: 3,
        sections: ['Key messages', 'Parking', 'Week 1'],
      },
    ]);
    // Twice is allowed: a key message's quote and a key point's example.
    expect(repeatedSentences(BRIEF, 2).map((r) => r.sentence)).toEqual([]);
    expect(repeatedSentences(BRIEF, 1).map((r) => r.sentence)).toEqual([
      'We need more parking downtown.',
      'Open the car park at night.',
    ]);
  });

  it('leaves out the annexes that list rather than find, and short sentences', () => {
    const listed = `${BRIEF}\n### Sources\n\n- “We need more parking downtown.”\n- “We need more parking downtown.”\n\n`;
    expect(repeatedSentences(listed)).toEqual([]);
    const short = BRIEF.replace(
      '## Annexes',
      '- “Thank you.”\n- “Thank you.”\n- “Thank you.”\n\n## Annexes',
    );
    expect(repeatedSentences(short)).toEqual([]);
  });
});
