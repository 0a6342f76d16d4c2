// The survey layout: one row per respondent, one contribution per answered question column.
import type { FieldMapping, GuidingQuestion } from '../../schemas/consultation.js';
import type { Contribution } from '../../schemas/contribution.js';
import { InputError } from '../errors.js';
import { listInputs, quoteInput } from '../quote-input.js';
import type { Logger } from '../stage.js';
import type { RecordMapper } from './records.js';
import { describeRecord, type RawRecord } from './source.js';

/** A number as a rating or count column holds it: `4`, `-1`, `3.5`, `7,5`, `80%`. */
const NUMBER = /^[-+]?(?:\d+(?:[.,]\d+)?|[.,]\d+)%?$/;

/** A guiding question read from its own column. */
interface QuestionColumn {
  id: string;
  column: string;
  /** Non-blank cells, and how many of them are numbers. */
  filled: number;
  numeric: number;
  /** The first numbers seen, for the message. */
  examples: string[];
}

/** What a {@link SurveyMapper} needs: the file, its field mapping and the questions. */
export interface SurveyMapperOptions {
  file: string;
  fields: FieldMapping;
  questions: readonly GuidingQuestion[];
}

/**
 * Maps a survey export's rows (one per respondent) to contributions: each non-blank cell of a
 * guiding question's `column` is one contribution with `question` = the question's id, `author`
 * = the respondent (`fields.author`, else `fields.id`, else `<file>:<record>`) and id
 * `<respondent>-<question id>`. Blank cells are answers left blank: counted, and carried as
 * `blankAnswers` on the respondent's first contribution for the clean accounting.
 */
export class SurveyMapper {
  /** Answers left blank by respondents with some answer, and respondents who answered none. */
  readonly stats = { blankAnswers: 0, silentRespondents: 0, silentAnswers: 0 };
  private readonly questions: QuestionColumn[];
  private firstSilent = '';

  constructor(
    private readonly records: RecordMapper,
    private readonly options: SurveyMapperOptions,
  ) {
    this.questions = options.questions.flatMap((q) =>
      q.column === undefined
        ? []
        : [{ id: q.id, column: q.column, filled: 0, numeric: 0, examples: [] }],
    );
  }

  /** The contributions of one respondent's row: one per answered question, in config order. */
  map(raw: RawRecord): Contribution[] {
    const respondent = this.respondent(raw);
    const answers: Contribution[] = [];
    for (const question of this.questions) {
      const text = raw.values[question.column] ?? '';
      const value = text.trim();
      if (value === '') continue;
      this.tally(question, value);
      const contribution = this.records.answer(
        raw,
        text,
        `${respondent}-${question.id}`,
        question.column,
      );
      contribution.author = respondent;
      contribution.question = question.id;
      answers.push(contribution);
    }
    const blank = this.questions.length - answers.length;
    const [first] = answers;
    if (first === undefined) this.countSilent(raw, blank);
    else if (blank > 0) {
      first.blankAnswers = blank;
      this.stats.blankAnswers += blank;
    }
    this.records.readDate(raw, answers);
    return answers;
  }

  /**
   * Ends the file: an InputError for a question column that holds only numbers (a rating is
   * an attribute, not text to theme); one warning for question columns blank in every row and
   * one for respondents who answered none of the questions.
   */
  finish(logger: Logger): void {
    const { file } = this.options;
    const numbers = this.questions.find((q) => q.filled > 0 && q.numeric === q.filled);
    if (numbers) {
      throw new InputError(
        `${file}: question ${quoteInput(numbers.id)} reads column ${quoteInput(numbers.column)}, which holds only numbers (${listInputs(numbers.examples)}); a rating or count is not text to read: list the column under input.attributes instead`,
        file,
      );
    }
    const empty = this.questions.filter((q) => q.filled === 0);
    if (empty.length > 0) {
      const names = listInputs(empty.map((q) => `${quoteInput(q.column)} (${q.id})`));
      const columns =
        empty.length === 1 ? 'question column is' : `${empty.length} question columns are`;
      logger.warn(`${file}: ${columns} blank in every row, nothing read from: ${names}`);
    }
    const { silentRespondents, silentAnswers } = this.stats;
    if (silentRespondents > 0) {
      const who = silentRespondents === 1 ? '1 respondent' : `${silentRespondents} respondents`;
      logger.warn(
        `${file}: ${who} answered none of the questions (first at ${this.firstSilent}); no contribution, and their ${silentAnswers} blank answers are not in the accounting`,
      );
    }
  }

  /** The respondent's id: the author column, else the id column, else the row's place. */
  private respondent(raw: RawRecord): string {
    const { fields, file } = this.options;
    for (const column of [fields.author, fields.id]) {
      const value = column === undefined ? '' : (raw.values[column]?.trim() ?? '');
      if (value !== '') return value;
    }
    return `${file}:${raw.record}`;
  }

  private tally(question: QuestionColumn, value: string): void {
    question.filled++;
    if (!NUMBER.test(value)) return;
    question.numeric++;
    if (question.examples.length < 3) question.examples.push(quoteInput(value, 20));
  }

  private countSilent(raw: RawRecord, blank: number): void {
    if (this.stats.silentRespondents++ === 0)
      this.firstSilent = describeRecord(this.options.file, raw);
    this.stats.silentAnswers += blank;
  }
}
