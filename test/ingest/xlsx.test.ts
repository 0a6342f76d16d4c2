import { describe, expect, it } from 'vitest';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import { createTestContext, memorySource } from '../helpers/context.js';
import { buildXlsx } from '../helpers/xlsx.js';

const FIELDS = {
  id: 'ID',
  text: 'Comment',
  date: 'Submitted',
  agrees: 'Likes',
  metadata: ['Country', 'Verified'],
};

const WORKBOOK = buildXlsx([
  { name: 'Notes', rows: [['Not the data'], ['really']] },
  {
    name: 'Responses',
    rows: [
      ['ID', 'Comment', 'Submitted', 'Likes', 'Country', 'Verified'],
      ['r1', 'More buses & trams, <please>', new Date('2018-02-13T00:00:00Z'), 12, 'KE', true],
      [null, null, null, null, null, null],
      ['r2', 'Line one\nline two', new Date('2018-02-14T06:30:00Z'), null, null, false],
      [7, 'Numeric id', null, 3.5, 'DE', null],
    ],
  },
]);

describe('XLSX ingest', () => {
  it('reads the named sheet: header row, dates as ISO strings, numbers and booleans as text', async () => {
    const ctx = createTestContext({ input: { files: ['responses.xlsx'], fields: FIELDS } });
    const source = memorySource('responses.xlsx', WORKBOOK, { sheet: 'Responses' });
    const { output } = await ingestContributions([source], ctx);
    expect(output.map((c) => c.id)).toEqual(['r1', 'r2', '7']);
    expect(output[0]).toMatchObject({
      text: 'More buses & trams, <please>',
      date: '2018-02-13T00:00:00.000Z',
      votes: { agrees: 12, disagrees: 0, passes: 0 },
      metadata: { Country: 'KE', Verified: 'true' },
      source: { file: 'responses.xlsx', record: 1, line: 2 },
    });
    expect(output[1]).toMatchObject({
      text: 'Line one\nline two',
      date: '2018-02-14T06:30:00.000Z',
      votes: { agrees: 0, disagrees: 0, passes: 0 },
      metadata: { Verified: 'false' },
      source: { record: 3, line: 4 }, // the blank row is skipped but still counted
    });
    expect(output[2]).toMatchObject({
      date: null,
      votes: { agrees: 4 },
      metadata: { Country: 'DE' },
    });
  });

  it('reads the first sheet by default', async () => {
    const ctx = createTestContext({
      input: { files: ['r.xlsx'], fields: { text: 'Not the data' } },
    });
    const { output } = await ingestContributions([memorySource('r.xlsx', WORKBOOK)], ctx);
    expect(output.map((c) => c.text)).toEqual(['really']);
  });

  it('lists the sheets when the named one does not exist', async () => {
    const ctx = createTestContext({ input: { files: ['r.xlsx'] } });
    const source = memorySource('r.xlsx', WORKBOOK, { sheet: 'Answers' });
    await expect(ingestContributions([source], ctx)).rejects.toThrow(
      'r.xlsx: sheet "Answers" not found; sheets are: Notes, Responses',
    );
  });

  it('rejects a file that is not a workbook', async () => {
    const ctx = createTestContext({ input: { files: ['r.xlsx'] } });
    await expect(
      ingestContributions([memorySource('r.xlsx', 'id,text\n1,a\n')], ctx),
    ).rejects.toThrow(/^r\.xlsx: not a valid \.xlsx workbook \(/);
  });

  it('warns about a sheet with a header and no rows', async () => {
    const ctx = createTestContext({ input: { files: ['h.xlsx'] } });
    const header = buildXlsx([{ name: 'S', rows: [['id', 'text']] }]);
    const { output } = await ingestContributions([memorySource('h.xlsx', header)], ctx);
    expect(output).toEqual([]);
    expect(ctx.logger.of('warn')).toEqual(['h.xlsx: has a header but no rows; nothing to read']);
  });
});
