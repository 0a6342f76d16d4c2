// The survey layout: one row per respondent, one contribution per answered question column, on
// exports with the header conventions of Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics,
// KoboToolbox and LimeSurvey; and their bad input.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { STAGES } from '../../pipeline/stages/index.js';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import type { ConsultationInput, InputFile } from '../../schemas/consultation.js';
import { Contribution } from '../../schemas/contribution.js';
import { createTestContext, memorySource } from '../helpers/context.js';
import { buildXlsx } from '../helpers/xlsx.js';

type Input = Partial<ConsultationInput['input']>;
type Question = { id: string; text?: string; column: string };

/** Ingests one file in the survey layout; returns the contributions and what was logged. */
async function ingestSurvey(
  name: string,
  content: string | Uint8Array,
  questions: Question[],
  input: Input = {},
  spec: Partial<InputFile> = {},
) {
  const ctx = createTestContext({
    input: { files: [name], layout: 'survey', ...input },
    questions: questions.map((q) => ({ text: q.column, ...q })),
  });
  const result = await ingestContributions([memorySource(name, content, spec)], ctx);
  for (const contribution of result.output) Contribution.parse(contribution);
  return { ...result, warnings: ctx.logger.of('warn') };
}

async function ingestError(...args: Parameters<typeof ingestSurvey>): Promise<InputError> {
  const error = await ingestSurvey(...args).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

const GOOGLE_FORMS = [
  'Timestamp,Email Address,What should the council change?,Which group are you in?,Any other comments?',
  '2024/03/02 10:15:03 AM GMT,ana@example.org,More buses at night,Resident,',
  '2024/03/02 11:00:00 AM GMT,ben@example.org,,Business,Parking is too dear',
  '2024/03/03 09:00:00 AM GMT,cy@example.org,Safer crossings near schools,Resident,Thanks for asking',
  '',
].join('\n');

const GF_QUESTIONS = [
  { id: 'change', column: 'What should the council change?' },
  { id: 'other', column: 'Any other comments?' },
];

describe('the survey layout', () => {
  it('makes one contribution per answered question (Google Forms), blank answers counted', async () => {
    const { output, counts, warnings } = await ingestSurvey('gf.csv', GOOGLE_FORMS, GF_QUESTIONS, {
      attributes: ['Which group are you in?'],
    });
    expect(output.map((c) => [c.id, c.author, c.question, c.text])).toEqual([
      ['gf.csv:1-change', 'gf.csv:1', 'change', 'More buses at night'],
      ['gf.csv:2-other', 'gf.csv:2', 'other', 'Parking is too dear'],
      ['gf.csv:3-change', 'gf.csv:3', 'change', 'Safer crossings near schools'],
      ['gf.csv:3-other', 'gf.csv:3', 'other', 'Thanks for asking'],
    ]);
    expect(output[0]).toMatchObject({
      attributes: { 'Which group are you in?': 'Resident' },
      source: { file: 'gf.csv', record: 1, line: 2, column: 'What should the council change?' },
      blankAnswers: 1,
    });
    expect(output[1]?.blankAnswers).toBe(1);
    expect(output.slice(2).map((c) => c.blankAnswers)).toEqual([undefined, undefined]);
    expect(counts).toMatchObject({ records: 4, blankAnswers: 2, silentRespondents: 0 });
    expect(warnings).toEqual([]);
  });

  it('names the respondent by the author column, else the id column (Microsoft Forms, XLSX)', async () => {
    const workbook = buildXlsx([
      {
        name: 'Sheet1',
        rows: [
          [
            'ID',
            'Start time',
            'Completion time',
            'Email',
            'Name',
            'How could the service improve?',
          ],
          [
            1,
            new Date('2024-03-02T10:00:00Z'),
            new Date('2024-03-02T10:04:00Z'),
            'anonymous',
            null,
            'Shorter queues',
          ],
          [
            2,
            new Date('2024-03-02T11:00:00Z'),
            new Date('2024-03-02T11:09:00Z'),
            'anonymous',
            null,
            'Open on Saturdays',
          ],
        ],
      },
    ]);
    const questions = [{ id: 'improve', column: 'How could the service improve?' }];
    const fields = { id: 'ID', date: 'Completion time' };
    const { output } = await ingestSurvey('ms.xlsx', workbook, questions, { fields });
    expect(output.map((c) => [c.id, c.author, c.date, c.source.line])).toEqual([
      ['1-improve', '1', '2024-03-02T10:04:00.000Z', 2],
      ['2-improve', '2', '2024-03-02T11:09:00.000Z', 3],
    ]);
    const byAuthor = await ingestSurvey('ms.xlsx', workbook, questions, {
      fields: { ...fields, author: 'Start time' },
    });
    expect(byAuthor.output[0]?.author).toBe('2024-03-02T10:00:00.000Z');
  });

  it('reads a SurveyMonkey export with its two header rows, lines counted from the file', async () => {
    const csv = [
      'Respondent ID,Collector ID,Start Date,End Date,IP Address,What would make the park better?,Which of these do you use?,,Any other comments?',
      ',,,,,Open-Ended Response,Playground,Cafe,Open-Ended Response',
      '11401,4321,03/02/2024 10:00:00,03/02/2024 10:05:00,10.0.0.1,More benches,Playground,,',
      '11402,4321,03/02/2024 11:00:00,03/02/2024 11:02:00,10.0.0.2,,,Cafe,',
      '11403,4321,03/02/2024 12:00:00,03/02/2024 12:07:00,10.0.0.3,Longer opening hours,Playground,Cafe,Lovely staff',
      '',
    ].join('\n');
    const questions = [
      { id: 'park', column: 'What would make the park better?' },
      { id: 'other', column: 'Any other comments?' },
    ];
    const { output, counts, warnings } = await ingestSurvey(
      'sm.csv',
      csv,
      questions,
      { fields: { id: 'Respondent ID' }, attributes: ['Which of these do you use? - Cafe'] },
      { headerRows: 2 },
    );
    expect(output.map((c) => [c.id, c.source.record, c.source.line, c.attributes])).toEqual([
      ['11401-park', 1, 3, {}],
      ['11403-park', 3, 5, { 'Which of these do you use? - Cafe': 'Cafe' }],
      ['11403-other', 3, 5, { 'Which of these do you use? - Cafe': 'Cafe' }],
    ]);
    expect(counts).toMatchObject({ blankAnswers: 3, silentRespondents: 1 });
    expect(warnings).toEqual([
      'sm.csv: 1 respondent answered none of the questions (first at sm.csv:4); no contribution, and their 2 blank answers are not in the accounting',
    ]);
  });

  it('reads a Qualtrics export with its three header rows (CSV and XLSX), attributes by label', async () => {
    const importIds = ['startDate', 'endDate', '_recordId', 'QID1_TEXT', 'QID2_TEXT', 'QID3'];
    const header = [
      ['StartDate', 'EndDate', 'ResponseId', 'Q1', 'Q2', 'Q3'],
      [
        'Start Date',
        'End Date',
        'Response ID',
        'What works well?',
        'What should change?',
        'Age band',
      ],
      importIds.map((id) => `{"ImportId":"${id}"}`),
    ];
    const data = [
      ['2024-03-02 10:00:00', '2024-03-02 10:05:00', 'R_1a', 'The staff', 'Opening hours', '18-24'],
      ['2024-03-02 11:00:00', '2024-03-02 11:05:00', 'R_2b', '', 'Parking', '65+'],
    ];
    const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
    const csv = `${[...header, ...data].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
    const questions = [
      { id: 'works', column: 'Q1' },
      { id: 'change', column: 'Q2' },
    ];
    const input = {
      fields: { id: 'ResponseId', date: 'EndDate' },
      attributes: [{ column: 'Q3', label: 'Age band' }],
    };
    const expected = [
      ['R_1a-works', 'The staff', 1, 4, { 'Age band': '18-24' }],
      ['R_1a-change', 'Opening hours', 1, 4, { 'Age band': '18-24' }],
      ['R_2b-change', 'Parking', 2, 5, { 'Age band': '65+' }],
    ];
    const shape = (c: Contribution) => [c.id, c.text, c.source.record, c.source.line, c.attributes];
    const fromCsv = await ingestSurvey('q.csv', csv, questions, input, { headerRows: 3 });
    expect(fromCsv.output.map(shape)).toEqual(expected);
    expect(fromCsv.output[0]?.date).toBe('2024-03-02T10:05:00.000Z');
    const workbook = buildXlsx([{ name: 'Sheet0', rows: [...header, ...data] }]);
    const fromXlsx = await ingestSurvey('q.xlsx', workbook, questions, input, { headerRows: 3 });
    expect(fromXlsx.output.map(shape)).toEqual(expected);
    expect(fromXlsx.warnings).toEqual([]);
  });

  it('reads KoboToolbox (semicolons, group paths) and LimeSurvey (coded headers, TSV)', async () => {
    const kobo = [
      'start;end;group_a/what_changed;group_a/district;_id;_uuid;_submission_time;_index',
      '2024-03-02T10:00:00;2024-03-02T10:09:00;The well was repaired;North;101;6f1c-aa;2024-03-02T10:09:30;1',
      '2024-03-02T11:00:00;2024-03-02T11:03:00;;South;102;6f1c-bb;2024-03-02T11:03:10;2',
      '',
    ].join('\n');
    const koboRead = await ingestSurvey(
      'kobo.csv',
      kobo,
      [{ id: 'changed', column: 'group_a/what_changed' }],
      { fields: { id: '_uuid', date: '_submission_time' }, attributes: ['group_a/district'] },
    );
    expect(koboRead.output.map((c) => [c.id, c.date, c.attributes])).toEqual([
      ['6f1c-aa-changed', '2024-03-02T10:09:30.000Z', { 'group_a/district': 'North' }],
    ]);
    const lime = [
      'id\tsubmitdate\tlastpage\tstartlanguage\tG01Q01. What should change?\tG01Q02. Your district',
      '7\t2024-03-02 10:00:00\t2\ten\tCleaner streets\tEast',
      '8\t2024-03-02 10:30:00\t2\ten\tMore lighting in the square\tWest',
      '',
    ].join('\n');
    const limeRead = await ingestSurvey(
      'lime.tsv',
      lime,
      [{ id: 'q1', column: 'G01Q01. What should change?' }],
      { fields: { id: 'id' }, attributes: ['G01Q02. Your district'] },
    );
    expect(limeRead.output.map((c) => [c.id, c.text, c.source.line])).toEqual([
      ['7-q1', 'Cleaner streets', 2],
      ['8-q1', 'More lighting in the square', 3],
    ]);
  });

  it('keeps ids unique when respondents repeat, and reads JSON objects as respondents', async () => {
    const csv = 'rid,Q\na,one\na,two\n';
    const { output } = await ingestSurvey('r.csv', csv, [{ id: 'q', column: 'Q' }], {
      fields: { id: 'rid' },
    });
    expect(output.map((c) => c.id)).toEqual(['a-q', 'a-q~2']);
    const json = JSON.stringify([{ rid: 'x', Q: 'from JSON' }]);
    const fromJson = await ingestSurvey('r.json', json, [{ id: 'q', column: 'Q' }], {
      fields: { id: 'rid' },
    });
    expect(fromJson.output.map((c) => [c.id, c.source.column])).toEqual([['x-q', 'Q']]);
  });
});

describe("the ingest stage's cache key", () => {
  it("changes with a question's column or id, which name what the survey layout reads", () => {
    const ingest = STAGES.find((stage) => stage.name === 'ingest');
    const slice = (questions: Question[]) => {
      const { config } = createTestContext({
        input: { files: ['s.csv'], layout: 'survey' },
        questions: questions.map((q) => ({ text: 'Why?', ...q })),
      });
      return JSON.stringify(ingest?.configSlice(config));
    };
    const base = slice([{ id: 'q1', column: 'A' }]);
    expect(slice([{ id: 'q1', column: 'B' }])).not.toBe(base);
    expect(slice([{ id: 'q2', column: 'A' }])).not.toBe(base);
    expect(slice([{ id: 'q1', column: 'A', text: 'Other wording' }])).toBe(base);
  });
});

describe('bad survey input', () => {
  it('names the file, line and counts of a ragged row', async () => {
    const csv = 'Timestamp,Q1,Q2\n2024-03-02,a,b\n2024-03-03,c\n';
    const error = await ingestError('rag.csv', csv, [{ id: 'q1', column: 'Q1' }]);
    expect(error.message).toBe(
      'rag.csv:3: this row has 2 fields but the header has 3 (is a field missing, or a line break inside an unquoted field?)',
    );
  });

  it('names a missing question column, listing the columns and the near miss', async () => {
    const error = await ingestError('gf.csv', GOOGLE_FORMS, [
      { id: 'change', column: 'What should the Council change?' },
    ]);
    expect(error.message).toBe(
      'gf.csv: column "What should the Council change?" (questions[0].column) not found; columns are: Timestamp, Email Address, What should the council change?, Which group are you in?, Any other comments?; did you mean "What should the council change?"?',
    );
  });

  it('refuses a question column that holds only numbers, suggesting input.attributes', async () => {
    const csv =
      'ID,Start time,Completion time,Email,Name,How satisfied are you (1-5)?,Why?\n1,,,,,4,Fast\n2,,,,,5,\n3,,,,,3.5,Slow\n4,,,,,,\n';
    const error = await ingestError('ms.csv', csv, [
      { id: 'why', column: 'Why?' },
      { id: 'rating', column: 'How satisfied are you (1-5)?' },
    ]);
    expect(error.message).toBe(
      'ms.csv: question "rating" reads column "How satisfied are you (1-5)?", which holds only numbers ("4", "5", "3.5"); a rating or count is not text to read: list the column under input.attributes instead',
    );
    // One word among the numbers makes it text.
    const mixed = csv.replace('\n3,,,,,3.5,', '\n3,,,,,about three,');
    const { output } = await ingestSurvey('ms.csv', mixed, [
      { id: 'rating', column: 'How satisfied are you (1-5)?' },
    ]);
    expect(output.map((c) => c.text)).toEqual(['4', '5', 'about three']);
  });

  it('warns in one line about question columns blank in every row', async () => {
    const csv = 'Timestamp,Q1,Q2,Q3\n2024-03-02,a,,\n2024-03-03,b,,\n';
    const questions = ['Q1', 'Q2', 'Q3'].map((column) => ({ id: column.toLowerCase(), column }));
    const { output, counts, warnings } = await ingestSurvey('e.csv', csv, questions);
    expect(output).toHaveLength(2);
    expect(counts.blankAnswers).toBe(4);
    expect(warnings).toEqual([
      'e.csv: 2 question columns are blank in every row, nothing read from: "Q2" (q2), "Q3" (q3)',
    ]);
  });
});
