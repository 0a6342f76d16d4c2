// The readers' headers: `headerRows` honoured by CSV, TSV and XLSX, header rows that do not look
// like the convention declared (or a second header row read as data) warned about in one line,
// and repeated names made unique with one warning per file.
import { describe, expect, it } from 'vitest';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import type { InputFile } from '../../schemas/consultation.js';
import { createTestContext, memorySource } from '../helpers/context.js';
import { buildXlsx, type TestCell } from '../helpers/xlsx.js';

async function ingest(
  name: string,
  content: string | Uint8Array,
  fields: Record<string, string | string[]>,
  spec: Partial<InputFile> = {},
) {
  const ctx = createTestContext({ input: { files: [name], fields } });
  const { output } = await ingestContributions([memorySource(name, content, spec)], ctx);
  return { output, warnings: ctx.logger.of('warn') };
}

const SURVEYMONKEY = [
  'Respondent ID,Collector ID,Start Date,End Date,IP Address,What would make the park better?,Which of these do you use?,',
  ',,,,,Open-Ended Response,Playground,Cafe',
  '11401,4321,03/02/2024,03/02/2024,10.0.0.1,More benches,Playground,',
  '11402,4321,03/02/2024,03/02/2024,10.0.0.2,Shade,,Cafe',
];

const QUALTRICS: TestCell[][] = [
  ['ResponseId', 'Q1'],
  ['Response ID', 'What should change?'],
  ['{"ImportId":"_recordId"}', '{"ImportId":"QID1_TEXT"}'],
  ['R_1', 'Opening hours'],
];

describe('header rows', () => {
  it('combines two header rows (CSV and TSV), numbering records and lines from the data', async () => {
    const fields = { id: 'Respondent ID', text: 'What would make the park better?' };
    const metadata = [
      'Which of these do you use? - Playground',
      'Which of these do you use? - Cafe',
    ];
    for (const [name, separator] of [
      ['sm.csv', ','],
      ['sm.tsv', '\t'],
    ] as const) {
      const text = `${SURVEYMONKEY.map((line) => line.replaceAll(',', separator)).join('\n')}\n`;
      const { output, warnings } = await ingest(
        name,
        text,
        { ...fields, metadata },
        { headerRows: 2 },
      );
      expect(output.map((c) => [c.id, c.text, c.source.record, c.source.line])).toEqual([
        ['11401', 'More benches', 1, 3],
        ['11402', 'Shade', 2, 4],
      ]);
      expect(output[1]?.metadata).toEqual({ 'Which of these do you use? - Cafe': 'Cafe' });
      expect(warnings).toEqual([]);
    }
  });

  it('names the line of a ragged row after a two-row header', async () => {
    const ragged = [...SURVEYMONKEY.slice(0, 3), '11402,4321,03/02/2024,10.0.0.2,Shade,,Cafe'];
    const fields = { text: 'What would make the park better?' };
    await expect(
      ingest('sm.csv', `${ragged.join('\n')}\n`, fields, { headerRows: 2 }),
    ).rejects.toThrow(
      'sm.csv:4: this row has 7 fields but the header has 8 (is a field missing, or a line break inside an unquoted field?)',
    );
  });

  it('reads a header of three rows from a sheet', async () => {
    const workbook = buildXlsx([{ name: 'S', rows: QUALTRICS }]);
    const { output, warnings } = await ingest(
      'q.xlsx',
      workbook,
      { id: 'ResponseId', text: 'Q1' },
      { headerRows: 3 },
    );
    expect(output.map((c) => [c.id, c.text, c.source.record, c.source.line])).toEqual([
      ['R_1', 'Opening hours', 1, 4],
    ]);
    expect(warnings).toEqual([]);
  });

  it('warns when a one-row header is followed by a SurveyMonkey or Qualtrics header row', async () => {
    const sm = await ingest('sm.csv', `${SURVEYMONKEY.join('\n')}\n`, {
      text: 'What would make the park better?',
    });
    expect(sm.output[0]?.text).toBe('Open-Ended Response');
    expect(sm.warnings).toEqual([
      'sm.csv: row 2 (line 2) looks like SurveyMonkey\'s second header row ("Response" or options under the questions) but is read as a respondent; set this file\'s headerRows: 2',
    ]);
    const workbook = buildXlsx([{ name: 'S', rows: QUALTRICS }]);
    const q = await ingest('q.xlsx', workbook, { text: 'Q1' });
    expect(q.warnings).toEqual([
      'q.xlsx: rows 2 and 3 look like Qualtrics header rows (question texts, then {"ImportId": ...}) but are read as respondents; set this file\'s headerRows: 3',
    ]);
  });

  it('warns when a declared second or third header row holds answers', async () => {
    const forms = [
      'Timestamp,What should change?,Any other comments?',
      '2024/03/02 10:15:03 AM GMT,More buses,',
      '2024/03/02 11:00:00 AM GMT,Parking,Thanks',
      '',
    ].join('\n');
    const two = await ingest(
      'gf.csv',
      forms,
      { text: 'What should change? - More buses' },
      {
        headerRows: 2,
      },
    );
    expect(two.output.map((c) => c.text)).toEqual(['Parking']);
    expect(two.warnings).toEqual([
      'gf.csv: headerRows is 2 but row 2 (line 2) does not look like SurveyMonkey\'s second header row (blank under the respondent\'s columns, "Response" or options under the questions); read as a header row anyway: if it holds answers, set headerRows: 1',
    ]);
    const three = await ingest('gf.csv', forms, { text: 'What should change?' }, { headerRows: 3 });
    expect(three.output).toEqual([]);
    expect(three.warnings[0]).toBe(
      'gf.csv: headerRows is 3 but row 3 (line 3) has no {"ImportId": ...} cells, as a Qualtrics export\'s third header row has; read as a header row anyway: if it holds answers, set headerRows: 1',
    );
  });

  it('reads a file shorter than its declared header as a header without rows', async () => {
    const { output, warnings } = await ingest(
      'h.csv',
      'a,text\n',
      { text: 'text' },
      {
        headerRows: 2,
      },
    );
    expect(output).toEqual([]);
    expect(warnings).toEqual(['h.csv: has a header but no rows; nothing to read']);
  });
});

describe('repeated column names', () => {
  const header = ['Timestamp', 'Comments', 'Other', 'Comments', 'Other', 'Other'];
  const row = ['2024-03-02', 'first', 'o1', 'second', 'o2', 'o3'];

  it('are made unique in a sheet, so a second "Comments" no longer overwrites the first', async () => {
    const workbook = buildXlsx([{ name: 'S', rows: [header, row] }]);
    const { output, warnings } = await ingest('r.xlsx', workbook, {
      text: 'Comments',
      metadata: ['Comments~2', 'Other~3'],
    });
    expect(output[0]?.text).toBe('first');
    expect(output[0]?.metadata).toEqual({ 'Comments~2': 'second', 'Other~3': 'o3' });
    expect(warnings).toEqual([
      'r.xlsx: 2 column names repeat, later ones read as "<name>~2", "~3": "Comments" x2, "Other" x3',
    ]);
  });

  it('are warned about in one line per CSV file, however many repeat', async () => {
    const names = Array.from({ length: 60 }, (_, i) => `Question ${i}`);
    const csv = `${[...names, ...names, 'text'].join(',')}\n${[...names, ...names, 'x'].map(() => 'v').join(',')}\n`;
    const { output, warnings } = await ingest('wide.csv', csv, { text: 'Question 0~2' });
    expect(output[0]?.text).toBe('v');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^wide\.csv: 60 column names repeat, later ones read as "<name>~2", "~3": "Question 0" x2, .*, … \(60 in all\)$/,
    );
    expect(warnings[0]?.length).toBeLessThan(320);
  });
});
