import type { Contribution } from '../../schemas/contribution.js';
import type { Ballots, VoteValue } from '../../schemas/votes.js';
import { InputError } from '../errors.js';
import { readCsv } from '../ingest/csv.js';
import { describeRecord } from '../ingest/source.js';
import { listInputs, quoteInput } from '../quote-input.js';
import { type InputSource, type StageContext, type StageResult, throwIfAborted } from '../stage.js';

const VOTES: Readonly<Record<string, VoteValue>> = { '1': 1, '-1': -1, '0': 0 };

/**
 * The votes stage: reads the vote matrix the config names (`input.votes`, as Polis exports it
 * in `participants-votes.csv`): one row per participant, one column per contribution id. Columns
 * that name no contribution are ignored; a cell that is not 1, -1, 0 or empty is an InputError
 * naming its line and column. A participant on two rows is one voter (the later vote counts).
 */
export async function readBallots(
  source: InputSource | null,
  participantColumn: string,
  contributions: readonly Contribution[],
  ctx: StageContext,
): Promise<StageResult<Ballots>> {
  if (!source) {
    return { output: { file: null, participants: [], contributions: [], votes: [] }, counts: {} };
  }
  const known = new Set(contributions.map((c) => c.id));
  const reader = readCsv({ source, logger: ctx.logger, signal: ctx.signal, onBytes: () => {} });
  const participants = new Map<string, number>();
  const columns = new Map<string, number>();
  const cast = new Map<string, [number, number, VoteValue]>();
  for await (const raw of reader.records) {
    if (columns.size === 0 && raw.record === 1) {
      for (const column of reader.columns())
        if (known.has(column)) columns.set(column, columns.size);
      if (!reader.columns().includes(participantColumn)) {
        throw new InputError(
          `${source.name}: no ${quoteInput(participantColumn)} column (input.votes.participant); columns: ${listInputs(reader.columns())}`,
          source.name,
        );
      }
    }
    if (raw.record % 1024 === 0) throwIfAborted(ctx.signal, 'Votes');
    const who = raw.values[participantColumn] ?? '';
    if (!participants.has(who)) participants.set(who, participants.size);
    const p = participants.get(who) as number;
    for (const [column, c] of columns) {
      const cell = (raw.values[column] ?? '').trim();
      if (cell === '') continue;
      const vote = VOTES[cell];
      if (vote === undefined) {
        const where = describeRecord(source.name, raw);
        throw new InputError(
          `${where}: column ${quoteInput(column)}: ${quoteInput(cell)} is not a vote (1, -1, 0 or empty)`,
          source.name,
          raw.line,
        );
      }
      cast.set(`${p} ${c}`, [p, c, vote]);
    }
  }
  if (columns.size === 0) {
    ctx.logger.warn(`votes: no column of ${source.name} names a contribution id; no votes read`);
  }
  const votes = [...cast.values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    output: {
      file: source.name,
      participants: [...participants.keys()],
      contributions: [...columns.keys()],
      votes,
    },
    counts: { participants: participants.size, contributions: columns.size, votes: votes.length },
  };
}
