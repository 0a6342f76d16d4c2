// A citation links its first contributions and says what the rest it summarises are.
import { describe, expect, it } from 'vitest';
import { SourceIndex } from '../../pipeline/brief/sources.js';
import type { CleanRecord } from '../../schemas/clean-record.js';

function record(id: string): CleanRecord {
  const text = 'The buses should run later in the evening.';
  const passages = [{ id: `${id}#1`, start: 0, end: text.length, text }];
  return { id, text, status: 'kept', passages } as unknown as CleanRecord;
}

describe('SourceIndex.cite', () => {
  const records = Array.from({ length: 6 }, (_, i) => record(`c${i + 1}`));
  const ids = records.map((r) => `${r.id}#1`);

  it('counts the contributions beyond those linked, with their unit', () => {
    const sources = new SourceIndex(
      records,
      () => 'A contributor',
      () => null,
      3,
    );
    expect(sources.cite(ids)).toBe(
      '[\\[1\\]](#source-1) [\\[2\\]](#source-2) [\\[3\\]](#source-3) (+3 more contributions)',
    );
    expect(sources.cite(ids.slice(0, 4))).toMatch(/ \(\+1 more contribution\)$/);
    expect(sources.cite(ids.slice(0, 2))).not.toMatch(/more/);
  });
});
