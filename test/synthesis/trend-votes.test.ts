import { describe, expect, it } from 'vitest';
import type { SynthesisPassage } from '../../pipeline/synthesis/findings/corpus.js';
import { trendOf } from '../../pipeline/synthesis/findings/trend.js';
import { agreementOf, votedFindings } from '../../pipeline/synthesis/findings/votes.js';

let next = 0;
/** A passage of contribution `contribution` in week `week`, with votes if given. */
function passage(
  week: number,
  votes: [number, number] | null = null,
  contribution = `c${next}`,
): SynthesisPassage {
  next++;
  return {
    id: `${contribution}#${next}`,
    index: next,
    text: `The council should fund project number ${next}.`,
    language: 'en',
    translation: null,
    contributionId: contribution,
    voices: [contribution],
    participants: [`a${next}`],
    date: null,
    week,
    voiceWeeks: week >= 0 ? [week] : [],
    questionId: null,
    votes: votes ? { agrees: votes[0], disagrees: votes[1], passes: 0 } : null,
  };
}

describe('trendOf', () => {
  it('counts passages per week and reads the direction from the theme share', () => {
    const rising = [passage(0), passage(1), passage(1), passage(1)];
    expect(trendOf(rising, [4, 4])).toEqual({ weekly: [1, 3], direction: 'rising' });
    const fading = [passage(0), passage(0), passage(0), passage(1)];
    expect(trendOf(fading, [4, 4]).direction).toBe('fading');
    const steady = [passage(0), passage(1)];
    expect(trendOf(steady, [10, 10]).direction).toBe('steady');
  });

  it('compares shares, not counts: a busier week does not make a theme rise', () => {
    const theme = [passage(0), passage(1), passage(1)];
    expect(trendOf(theme, [10, 20]).direction).toBe('steady');
  });

  it('is unknown without two weeks of data, and ignores undated passages', () => {
    expect(trendOf([passage(0), passage(-1)], [5, 0])).toEqual({
      weekly: [1, 0],
      direction: 'unknown',
    });
    expect(trendOf([], []).direction).toBe('unknown');
  });
});

describe('votes', () => {
  it('sums votes once per contribution', () => {
    const first = passage(0, [10, 2], 'shared');
    const second = passage(0, [10, 2], 'shared');
    expect(agreementOf([first, second, passage(0, [1, 1])])).toEqual({
      agrees: 11,
      disagrees: 3,
      passes: 0,
      rate: 0.7857,
    });
    expect(agreementOf([passage(0)])).toBeNull();
  });

  it('finds consensus and division among comments with enough votes', () => {
    const agreed = passage(0, [90, 5]);
    const split = passage(0, [50, 48]);
    const few = passage(0, [4, 4]);
    const { consensus, divisive } = votedFindings(
      [agreed, split, few, passage(0, [60, 30])],
      null,
      100,
    );
    expect(consensus.map((f) => f.citations)).toEqual([[agreed.id]]);
    expect(divisive.map((f) => f.citations)).toEqual([[split.id]]);
    expect(consensus[0]?.agreement.rate).toBeCloseTo(90 / 95, 3);
  });
});

describe('votes on self-descriptions', () => {
  it('never makes "I am ..." the broadest agreement or the most divisive statement', () => {
    const described = (text: string, votes: [number, number]) => ({
      ...passage(0, votes),
      text,
    });
    const { consensus, divisive } = votedFindings(
      [
        described('I am in my forties or fifties.', [50, 50]),
        described('I identify as a woman.', [95, 5]),
        described('The town needs a late-night bus.', [90, 10]),
        described('Parking charges should go up.', [45, 40]),
      ],
      null,
      100,
    );
    expect(consensus.map((c) => c.text)).toEqual(['The town needs a late-night bus.']);
    expect(divisive.map((d) => d.text)).toEqual(['Parking charges should go up.']);
  });
});
