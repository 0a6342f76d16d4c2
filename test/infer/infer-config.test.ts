import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeInference, formatConfigYaml } from '../../pipeline/infer/config-yaml.js';
import { inferConfig, titleOf } from '../../pipeline/infer/infer-config.js';
import { ConsultationChecked } from '../../schemas/consultation.js';

const SURVEYS = 'test/fixtures/surveys';

const Q = {
  better: 'What would make public transport in your area better?',
  worries: 'What worries you most about the proposed changes to the bus network?',
  else: 'Is there anything else you would like to tell the transport authority?',
  stakeholder: 'Which of these best describes you?',
  country: 'In which country do you live?',
  age: 'What is your age band?',
  support: 'Do you support extending night bus services?',
};

/** The config each fixture should be inferred as, field by field. */
const EXPECTED: Record<string, object> = {
  'google-forms.csv': {
    title: 'Google forms',
    language: 'en',
    questions: [
      { id: 'make-public-transport', text: Q.better, column: Q.better },
      { id: 'worries-most-proposed', text: Q.worries, column: Q.worries },
      { id: 'there-anything-else', text: Q.else, column: Q.else },
    ],
    input: {
      layout: 'survey',
      files: ['google-forms.csv'],
      fields: { date: 'Timestamp' },
      attributes: [Q.stakeholder, 'Country', 'Age band', Q.support],
    },
  },
  'microsoft-forms.xlsx': {
    title: 'Microsoft forms',
    language: 'en',
    questions: [
      { id: 'make-public-transport', text: Q.better, column: Q.better },
      { id: 'worries-most-proposed', text: Q.worries, column: Q.worries },
    ],
    input: {
      layout: 'survey',
      files: ['microsoft-forms.xlsx'],
      fields: { id: 'ID', date: 'Completion time' },
      attributes: [Q.stakeholder, Q.country, Q.age, Q.support],
    },
  },
  'surveymonkey.csv': {
    title: 'Surveymonkey',
    language: 'en',
    questions: [
      { id: 'make-public-transport', text: Q.better, column: Q.better },
      { id: 'worries-most-proposed', text: Q.worries, column: Q.worries },
      { id: 'there-anything-else', text: Q.else, column: Q.else },
    ],
    input: {
      layout: 'survey',
      files: [{ path: 'surveymonkey.csv', headerRows: 2 }],
      fields: { id: 'Respondent ID', date: 'End Date' },
      attributes: [Q.stakeholder, Q.country, Q.support],
    },
  },
  'qualtrics.csv': {
    title: 'Qualtrics',
    language: 'en',
    questions: [
      { id: 'q5', text: Q.better, column: 'Q5' },
      { id: 'q6', text: Q.worries, column: 'Q6' },
      { id: 'q7', text: Q.else, column: 'Q7' },
    ],
    input: {
      layout: 'survey',
      files: [{ path: 'qualtrics.csv', headerRows: 3 }],
      fields: { id: 'ResponseId', date: 'RecordedDate' },
      attributes: [
        { column: 'Q1', label: Q.stakeholder },
        { column: 'Q2', label: Q.country },
        { column: 'Q3', label: Q.age },
        { column: 'Q4', label: Q.support },
      ],
    },
  },
  'kobotoolbox.csv': {
    title: 'Kobotoolbox',
    language: 'en',
    questions: [
      {
        id: 'make-transport-better',
        text: 'What would make transport better',
        column: 'views/what_would_make_transport_better',
      },
      {
        id: 'worries-changes',
        text: 'What worries you about changes',
        column: 'views/what_worries_you_about_changes',
      },
      {
        id: 'anything-else-tell',
        text: 'Anything else to tell us',
        column: 'views/anything_else_to_tell_us',
      },
    ],
    input: {
      layout: 'survey',
      files: ['kobotoolbox.csv'],
      fields: { id: 'meta/instanceID', date: '_submission_time' },
      attributes: [
        { column: 'respondent/stakeholder_type', label: 'Stakeholder type' },
        { column: 'respondent/country', label: 'Country' },
        { column: 'respondent/age_band', label: 'Age band' },
        { column: 'views/support_night_buses', label: 'Support night buses' },
      ],
    },
  },
  'limesurvey.csv': {
    title: 'Limesurvey',
    language: 'en',
    questions: [
      { id: 'g02q05', text: Q.better, column: `G02Q05. ${Q.better}` },
      { id: 'g02q06', text: Q.worries, column: `G02Q06. ${Q.worries}` },
    ],
    input: {
      layout: 'survey',
      files: ['limesurvey.csv'],
      fields: { id: 'id', date: 'submitdate' },
      attributes: [
        { column: `G01Q01. ${Q.stakeholder}`, label: Q.stakeholder },
        { column: `G01Q02. ${Q.country}`, label: Q.country },
        { column: `G01Q03. ${Q.age}`, label: Q.age },
        { column: `G02Q04. ${Q.support}`, label: Q.support },
      ],
    },
  },
};

describe('inferConfig on the six survey layouts', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`infers ${file} field by field`, async () => {
      const inferred = await inferConfig(join(SURVEYS, file), SURVEYS);
      expect(inferred.config).toEqual(expected);
      const ignored = inferred.columns.filter((c) => c.kind === 'system').map((c) => c.name);
      expect(ignored.length).toBeGreaterThan(0);
    });
  }

  it('never writes an e-mail address, IP address or name of the system columns into the config', async () => {
    for (const file of Object.keys(EXPECTED)) {
      const yaml = formatConfigYaml(await inferConfig(join(SURVEYS, file), SURVEYS));
      expect(yaml).not.toMatch(/@example\.org|192\.0\.2\.|Placeholder|Testperson/);
      expect(ConsultationChecked.safeParse(parse(yaml)).success).toBe(true);
    }
  });
});

describe('describeInference', () => {
  it('says in a few lines what was taken for what, and what was ignored', async () => {
    const inferred = await inferConfig(join(SURVEYS, 'qualtrics.csv'), SURVEYS);
    expect(describeInference(inferred)).toEqual([
      'qualtrics.csv: survey layout (one row per respondent, 3 header rows), title "Qualtrics", language en',
      'id: ResponseId · date: RecordedDate',
      '3 questions from columns: "What would make public transport in your area better?", "What worries you most about the proposed changes to the bus…", "Is there anything else you would like to tell the transport…"',
      'attributes: Q1 ("Which of these best describes you?"), Q2 ("In which country do you live?"), Q3 ("What is your age band?"), Q4 ("Do you support extending night bus serv…")',
      'ignored (system): StartDate, EndDate, Status, IPAddress, Progress, Duration (in seconds), Finished, RecipientLastName and 7 more',
    ]);
  });

  it('asks for the wording of questions the file gives only as codes', async () => {
    const dir = 'examples/rule-of-law';
    const lines = describeInference(await inferConfig(join(dir, 'contributions.csv'), dir));
    expect(lines[2]).toBe(
      '7 questions from question: "q1", "q2", "q3", "q4", "q5", "q6", "q7" (codes only: write each question\'s wording as its text in the config)',
    );
  });
});

describe('inferConfig on the repo examples', () => {
  it('maps the Bowling Green Polis export as its hand-written config does, with its vote matrix', async () => {
    const dir = 'examples/bowling-green';
    const { config } = await inferConfig(join(dir, 'comments.csv'), dir);
    const hand = parse(await readFile(join(dir, 'consultation.yaml'), 'utf8'));
    expect(config.input.fields).toEqual(hand.input.fields);
    expect(config.input.votes).toBe(hand.input.votes);
    expect(config).toEqual({
      title: 'Bowling green',
      language: 'en',
      input: {
        files: ['comments.csv'],
        fields: hand.input.fields,
        votes: 'participants-votes.csv',
      },
    });
  });

  it('maps the rule-of-law file with its question column, as its hand-written config does', async () => {
    const dir = 'examples/rule-of-law';
    const { config } = await inferConfig(join(dir, 'contributions.csv'), dir);
    const hand = parse(await readFile(join(dir, 'consultation.yaml'), 'utf8'));
    const { metadata: _metadata, ...handFields } = hand.input.fields;
    expect(config.input.fields).toEqual(handFields);
    // The question column holds ids: the questions are its values, in order, for the user to word.
    expect(config.questions?.map((q) => (typeof q === 'string' ? q : q.id))).toEqual(
      hand.questions.map((q: { id: string }) => q.id),
    );
    expect(config.input.attributes).toEqual(['motion', 'stance']);
    expect(config.title).toBe('Rule of law');
  });
});

describe('inferConfig on small made-up files', () => {
  async function inferText(name: string, text: string) {
    const dir = await mkdtemp(join(tmpdir(), 'brief-infer-'));
    await writeFile(join(dir, name), text);
    return inferConfig(join(dir, name), dir);
  }

  it('joins a short title column and a long body column as `text: [title, body]`', async () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) =>
        `p${i},Idea number ${i} for the park,"The park near the station needs more benches and shade, because on hot days nobody can sit there for long; proposal ${i} adds trees and a fountain."`,
    );
    const { config } = await inferText('ideas.csv', ['id,title,body', ...rows].join('\n'));
    expect(config.input.fields).toEqual({ text: ['title', 'body'], id: 'id' });
    expect(config.input.layout).toBeUndefined();
    expect(config.title).toBe('Ideas');
  });

  it('reads a question column of question texts as the guiding questions, in order of appearance', async () => {
    const questions = ['What works well today?', 'What should change first?'];
    const rows = Array.from(
      { length: 30 },
      (_, i) =>
        `${i},r${i % 7},"${questions[i % 2]}",The library opening hours suit families with young children ${i}`,
    );
    const { config } = await inferText(
      'feedback.csv',
      ['Comment ID,Respondent ID,Question,Answer', ...rows].join('\n'),
    );
    expect(config.input.fields).toEqual({
      text: 'Answer',
      id: 'Comment ID',
      author: 'Respondent ID',
      question: 'Question',
    });
    expect(config.questions).toEqual([
      { id: 'works-well-today', text: questions[0] },
      { id: 'change-first', text: questions[1] },
    ]);
  });

  it('infers a 100,000-row file from its first rows in well under two seconds', async () => {
    const row = (i: number) =>
      `${i},2024-03-0${(i % 9) + 1},${['Resident', 'Business'][i % 2]},"Answer ${i}: the bus should come more often and stop nearer the school."`;
    const text = [
      'id,date,group,What should change?',
      ...Array.from({ length: 100_000 }, (_, i) => row(i)),
    ].join('\n');
    const started = performance.now();
    const { config, sample } = await inferText('big.csv', text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(sample.rows.length).toBe(2000);
    expect(config.input.layout).toBe('survey');
    expect(config.input.attributes).toEqual(['group']);
  });
});

describe('titleOf', () => {
  it("takes off what survey tools add to a form's name in the export's file name", () => {
    expect(titleOf('/x/Bus survey (Responses) - Form responses 1.csv')).toBe('Bus survey');
    expect(titleOf('/x/Verkehrsumfrage (Antworten) - Formularantworten 1.csv')).toBe(
      'Verkehrsumfrage',
    );
    expect(titleOf('/x/Night buses(1-42).xlsx')).toBe('Night buses');
    expect(titleOf('/x/bowling-green/comments.csv')).toBe('Bowling green');
  });
});
