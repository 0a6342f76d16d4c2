import { describe, expect, it } from 'vitest';
import {
  combineHeaderRows,
  detectHeaderRows,
  questionText,
  uniqueNames,
} from '../../pipeline/ingest/header-rows.js';

describe('detectHeaderRows', () => {
  it('finds the two rows of a SurveyMonkey export', () => {
    const rows = [
      ['Respondent ID', 'Collector ID', 'What should change?', 'Which services?', ''],
      ['', '', 'Open-Ended Response', 'Housing', 'Transport'],
      ['114', '9', 'More buses', 'Housing', ''],
    ];
    expect(detectHeaderRows(rows)).toBe(2);
  });

  it('finds the three rows of a Qualtrics export', () => {
    const rows = [
      ['StartDate', 'ResponseId', 'Q1'],
      ['Start Date', 'Response ID', 'What should change?'],
      ['{"ImportId":"startDate"}', '{"ImportId":"_recordId"}', '{"ImportId":"QID1_TEXT"}'],
    ];
    expect(detectHeaderRows(rows)).toBe(3);
  });

  it('reads a first data row with blanks as data, not as a second header row', () => {
    const rows = [
      ['Timestamp', 'What should change?', 'Anything else?'],
      ['2024/03/02 10:00:00', 'Response times', ''],
    ];
    expect(detectHeaderRows(rows)).toBe(1);
  });
});

describe('combineHeaderRows', () => {
  it('names SurveyMonkey option columns after the question they sit under', () => {
    const columns = combineHeaderRows([
      ['Respondent ID', 'What should change?', 'Which services?', ''],
      ['', 'Open-Ended Response', 'Housing', 'Transport'],
    ]);
    expect(columns.map((column) => column.name)).toEqual([
      'Respondent ID',
      'What should change?',
      'Which services? - Housing',
      'Which services? - Transport',
    ]);
  });

  it('names Qualtrics columns by short name and asks the second row', () => {
    const columns = combineHeaderRows([
      ['ResponseId', 'Q1'],
      ['Response ID', 'What should change?'],
      ['{"ImportId":"_recordId"}', '{"ImportId":"QID1_TEXT"}'],
    ]);
    expect(columns).toEqual([
      { name: 'ResponseId', question: 'Response ID' },
      { name: 'Q1', question: 'What should change?' },
    ]);
  });

  it('makes blank and repeated names unique', () => {
    expect(uniqueNames(['a', '', 'a', 'a'])).toEqual(['a', 'column2', 'a~2', 'a~3']);
  });
});

describe('questionText', () => {
  it('takes off LimeSurvey codes and KoboToolbox paths', () => {
    expect(questionText('G01Q01. What should change?')).toBe('What should change?');
    expect(questionText('G01Q02[SQ001]. Which services? [Housing]')).toBe(
      'Which services? [Housing]',
    );
    expect(questionText('group_feedback/what_should_change')).toBe('What should change');
    expect(questionText('What should change?')).toBe('What should change?');
    expect(questionText('ID')).toBe('ID');
  });
});
