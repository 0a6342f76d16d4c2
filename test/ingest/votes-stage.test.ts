import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { readBallots } from '../../pipeline/stages/votes.js';
import type { Contribution } from '../../schemas/contribution.js';
import { createTestContext, memorySource } from '../helpers/context.js';

const contributions = ['11', '12', '13'].map((id) => ({ id }) as Contribution);

describe('the votes stage', () => {
  it('reads a Polis vote matrix, keeping only columns that name a contribution', async () => {
    const csv = [
      'participant,group-id,n-votes,11,12,99,13',
      '0,1,3,1,-1,1,',
      '1,0,2,,0,1,-1',
      '0,1,3,-1,,,',
    ].join('\n');
    const { output, counts } = await readBallots(
      memorySource('participants-votes.csv', csv),
      'participant',
      contributions,
      createTestContext(),
    );
    expect(output.participants).toEqual(['0', '1']);
    expect(output.contributions).toEqual(['11', '12', '13']);
    // Participant 0's second row changes their vote on 11.
    expect(output.votes).toEqual([
      [0, 0, -1],
      [0, 1, -1],
      [1, 1, 0],
      [1, 2, -1],
    ]);
    expect(counts).toEqual({ participants: 2, contributions: 3, votes: 4 });
  });

  it('refuses a cell that is not a vote, naming its line and column', async () => {
    const csv = 'participant,11\n0,1\n1,yes\n';
    const error = await readBallots(
      memorySource('votes.csv', csv),
      'participant',
      contributions,
      createTestContext(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(
      'votes.csv:3: column "11": "yes" is not a vote (1, -1, 0 or empty)',
    );
  });

  it('refuses a matrix without the participant column', async () => {
    const error = await readBallots(
      memorySource('votes.csv', 'voter,11\n0,1\n'),
      'participant',
      contributions,
      createTestContext(),
    ).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/no "participant" column/);
  });

  it('writes an empty matrix when the config names no votes file, and warns on no match', async () => {
    const none = await readBallots(null, 'participant', contributions, createTestContext());
    expect(none.output).toEqual({ file: null, participants: [], contributions: [], votes: [] });
    const ctx = createTestContext();
    const unmatched = await readBallots(
      memorySource('votes.csv', 'participant,77\n0,1\n'),
      'participant',
      contributions,
      ctx,
    );
    expect(unmatched.output.votes).toEqual([]);
    expect(ctx.logger.of('warn').join('\n')).toMatch(/no column of votes.csv names a contribution/);
  });
});
