import { describe, expect, it } from 'vitest';
import { opinionGroups } from '../../pipeline/synthesis/findings/opinion-groups.js';
import type { Ballots, VoteValue } from '../../schemas/votes.js';

/**
 * Two camps of voters: on comments 0-3 camp A agrees and camp B disagrees, on 4-7 the reverse;
 * everyone agrees with comment 8; a few votes are missing or passes.
 */
function twoCamps(a: number, b: number): Ballots {
  const participants = Array.from({ length: a + b }, (_, p) => `p${p}`);
  const contributions = Array.from({ length: 9 }, (_, c) => `c${c}`);
  const votes: [number, number, VoteValue][] = [];
  participants.forEach((_, p) => {
    const campA = p < a;
    for (let c = 0; c < 9; c++) {
      if ((p + c) % 7 === 0) continue; // not seen
      let vote: VoteValue = c === 8 ? 1 : c < 4 === campA ? 1 : -1;
      if ((p * 3 + c) % 11 === 0) vote = 0;
      votes.push([p, c, vote]);
    }
  });
  return { file: 'votes.csv', participants, contributions, votes };
}

describe('opinionGroups', () => {
  it('finds the two camps, the comment all agree on and the ones that split them', () => {
    const groups = opinionGroups(twoCamps(30, 20), 1);
    expect(groups?.sizes).toEqual([30, 20]);
    const shared = groups?.comments.get('c8');
    const split = groups?.comments.get('c0');
    expect(shared?.groups.every((g) => g.agreement > 0.8)).toBe(true);
    expect(shared?.division).toBeLessThan(0.1);
    expect(split?.division).toBeGreaterThan(0.7);
    expect(shared?.consensus).toBeGreaterThan(split?.consensus ?? 1);
  });

  it('is deterministic for a seed', () => {
    const ballots = twoCamps(25, 25);
    expect(opinionGroups(ballots, 7)).toEqual(opinionGroups(ballots, 7));
  });

  it('finds no groups without enough voters or votes', () => {
    expect(
      opinionGroups({ file: null, participants: [], contributions: [], votes: [] }, 1),
    ).toBeNull();
    const few = twoCamps(2, 1);
    expect(opinionGroups(few, 1)).toBeNull();
    const oneComment: Ballots = { ...twoCamps(10, 10), contributions: ['c0'], votes: [] };
    expect(opinionGroups(oneComment, 1)).toBeNull();
  });
});
