import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import type { ConsultationInput } from '../../schemas/consultation.js';
import { createTestContext, memorySource } from '../helpers/context.js';

/** Ingests `dates` as the `when` column of `d.csv`, one row each. */
async function ingestDates(
  dates: readonly string[],
  input: Partial<ConsultationInput['input']> = {},
) {
  const csv = ['text,when', ...dates.map((date, i) => `row ${i + 1},${date}`)].join('\n');
  const ctx = createTestContext({
    input: { files: ['d.csv'], fields: { date: 'when' }, ...input },
  });
  const { output } = await ingestContributions([memorySource('d.csv', csv)], ctx);
  return { dates: output.map((c) => c.date), warnings: ctx.logger.of('warn') };
}

describe('numeric dates (03/02/2024)', () => {
  it('reads an ambiguous column as day/month and says so once', async () => {
    const { dates, warnings } = await ingestDates([
      '05/05/2024',
      '03/02/2024 09:30',
      '04/02/2024 14:05',
      '3.2.24',
      '01-12-2023',
    ]);
    expect(dates).toEqual([
      '2024-05-05T00:00:00.000Z',
      '2024-02-03T09:30:00.000Z',
      '2024-02-04T14:05:00.000Z',
      '2024-02-03T00:00:00.000Z',
      '2023-12-01T00:00:00.000Z',
    ]);
    expect(warnings).toEqual([
      'd.csv: dates like 03/02/2024 are ambiguous; read as day/month (03/02/2024 = 3 February 2024); set input.dateFormat to "month/day" if that is wrong',
    ]);
  });

  it('takes the order from a day above 12 anywhere in the column, silently', async () => {
    const dayFirst = await ingestDates(['03/02/2024', '13/02/2024']);
    expect(dayFirst).toEqual({
      dates: ['2024-02-03T00:00:00.000Z', '2024-02-13T00:00:00.000Z'],
      warnings: [],
    });
    const monthFirst = await ingestDates(['03/02/2024', '2/13/2024 2:05:00 PM']);
    expect(monthFirst).toEqual({
      dates: ['2024-03-02T00:00:00.000Z', '2024-02-13T14:05:00.000Z'],
      warnings: [],
    });
  });

  it('follows input.dateFormat: month/day reads 03/02/2024 as 2 March, day/month as 3 February', async () => {
    expect(await ingestDates(['03/02/2024'], { dateFormat: 'month/day' })).toEqual({
      dates: ['2024-03-02T00:00:00.000Z'],
      warnings: [],
    });
    expect(await ingestDates(['03/02/2024'], { dateFormat: 'day/month' })).toEqual({
      dates: ['2024-02-03T00:00:00.000Z'],
      warnings: [],
    });
  });

  it('rejects a date that contradicts input.dateFormat, naming file, line and value', async () => {
    const error = await ingestDates(['03/02/2024', '13/02/2024'], {
      dateFormat: 'month/day',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ file: 'd.csv', line: 3 });
    expect((error as Error).message).toBe(
      'd.csv:3: date "13/02/2024" has 13 as its month, but input.dateFormat is "month/day"; correct the date, or set input.dateFormat to "day/month" if the file is written that way',
    );
  });

  it('rejects a column that shows both orders', async () => {
    await expect(ingestDates(['13/02/2024', '01/01/2024', '02/13/2024'])).rejects.toThrow(
      new InputError(
        'd.csv:4: date "02/13/2024" is month/day, but "13/02/2024" at d.csv:2 is day/month; correct the dates written the other way',
        'd.csv',
        4,
      ),
    );
  });

  it('leaves an impossible date empty with the usual warning', async () => {
    const { dates, warnings } = await ingestDates(['31/02/2024', '13/13/2024', '13/01/2024']);
    expect(dates).toEqual([null, null, '2024-01-13T00:00:00.000Z']);
    expect(warnings).toEqual([
      'd.csv: 2 dates could not be read and were left empty (e.g. "31/02/2024" at d.csv:2); use ISO 8601 or Unix epoch values',
    ]);
  });
});
