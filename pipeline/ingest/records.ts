import { createHash } from 'node:crypto';
import type {
  DateFormat,
  FieldMapping,
  GuidingQuestion,
  InputAttribute,
  InputLayout,
} from '../../schemas/consultation.js';
import type { Contribution, Votes } from '../../schemas/contribution.js';
import { InputError } from '../errors.js';
import { listInputs, quoteInput } from '../quote-input.js';
import type { Logger } from '../stage.js';
import { DateColumn } from './date-column.js';
import { describeRecord, type Markup, type RawRecord } from './source.js';

/** The mapping used for document sections (Markdown, HTML, text): body and heading. */
export const DOCUMENT_FIELDS: FieldMapping = { text: 'text', metadata: ['title'] };

/** Fields mapped to a single column, checked in this order after `id` and `text`. */
const SINGLE_FIELDS = [
  'author',
  'authorName',
  'date',
  'week',
  'question',
  'thread',
  'replyTo',
  'language',
  'moderation',
  'agrees',
  'disagrees',
  'passes',
] as const;

/**
 * A common HTML tag: forum and survey exports often put HTML in a plain column, which the clean
 * stage must convert (and whose scripts it must drop) rather than keep as text.
 */
const HTML_TAG =
  /<\/?(?:p|br|div|span|a|b|i|u|em|strong|ul|ol|li|h[1-6]|blockquote|script|style|img|table|tr|td)\b[^>]*>/i;

/** What a {@link RecordMapper} needs to know about the file it maps. */
export interface RecordMapperOptions {
  /** The file's name as the user wrote it, for ids, provenance and messages. */
  file: string;
  fields: FieldMapping;
  /** Respondent attributes (`input.attributes`); none for documents. */
  attributes: readonly InputAttribute[];
  /** Moderation values meaning "rejected"; compared trimmed and case-insensitively. */
  rejectedValues: readonly string[];
  markup: Markup;
  /** Order of day and month in numeric dates (`input.dateFormat`). */
  dateFormat: DateFormat;
  /** The question every record of the file answers (the file's `question`), if any. */
  question?: string | undefined;
  /** `survey`: the answers are in the guiding questions' columns, not in `fields.text`. */
  layout: InputLayout;
  /** The guiding questions (their `column`s are checked in the survey layout). */
  questions: readonly GuidingQuestion[];
}

/**
 * Maps the raw records of one file to contributions with the config's field mapping, counting
 * what it had to repair (derived ids, unreadable dates) for one summary warning per file.
 */
export class RecordMapper {
  /** Ids derived from content because the record had none; dates left empty; rejections. */
  readonly stats = { derivedIds: 0, invalidDates: 0, rejected: 0 };
  private readonly rejected: Set<string>;
  private readonly dates: DateColumn;
  /** The metadata columns, each kept under its own name. */
  private readonly metadata: readonly InputAttribute[];
  private invalidDateExample = '';

  constructor(private readonly options: RecordMapperOptions) {
    this.rejected = new Set(options.rejectedValues.map((value) => value.trim().toLowerCase()));
    this.metadata = options.fields.metadata.map((column) => ({ column, label: column }));
    this.dates = new DateColumn(options.file, options.dateFormat);
  }

  /**
   * Throws an InputError if a mapped column is not among `columns`, listing those that are; the
   * question column may be missing from a file that names its question.
   */
  checkColumns(columns: readonly string[]): void {
    const present = new Set(columns);
    const { fields, file } = this.options;
    const survey = this.options.layout === 'survey';
    const mapped: [string, string | undefined][] = [
      ['input.fields.id', fields.id],
      ...(survey ? [] : textColumns(fields)).map((column, i): [string, string] => [
        typeof fields.text === 'string' ? 'input.fields.text' : `input.fields.text[${i}]`,
        column,
      ]),
      ...SINGLE_FIELDS.map((key): [string, string | undefined] => [
        `input.fields.${key}`,
        fields[key],
      ]),
      ...fields.metadata.map((column, i): [string, string] => [
        `input.fields.metadata[${i}]`,
        column,
      ]),
      ...this.options.attributes.map(({ column }, i): [string, string] => [
        `input.attributes[${i}]`,
        column,
      ]),
      ...(survey ? this.options.questions : []).map((question, i): [string, string | undefined] => [
        `questions[${i}].column`,
        question.column,
      ]),
    ];
    for (const [key, column] of mapped) {
      if (column === undefined || present.has(column)) continue;
      // A file that names its question needs no question column (one file per question).
      if (key === 'input.fields.question' && this.options.question !== undefined) continue;
      const listed = listInputs(columns);
      const hint = suggestColumn(column, columns);
      throw new InputError(
        `${file}: column ${quoteInput(column)} (${key}) not found; columns are: ${listed || '(none)'}${hint}`,
        file,
      );
    }
  }

  /**
   * The contribution for one record. Its id may still repeat another record's. A numeric date
   * whose order of day and month is not known yet is filled in by {@link finish}.
   */
  map(raw: RawRecord): Contribution {
    const { fields } = this.options;
    const text = readText(raw.values, fields.text);
    const id = optional(raw.values, fields.id) ?? this.deriveId(raw, text);
    const contribution = this.answer(raw, text, id);
    this.readDate(raw, [contribution]);
    return contribution;
  }

  /**
   * A contribution of `raw` with the given text and id, every other field mapped from the row
   * (its date left for {@link readDate}); `column` is the column the text is from, if it is
   * one of several (survey layout).
   */
  answer(raw: RawRecord, text: string, id: string, column?: string): Contribution {
    const { fields, file, markup } = this.options;
    const values = raw.values;
    const source: Contribution['source'] = { file, record: raw.record };
    if (raw.line !== undefined) source.line = raw.line;
    if (column !== undefined) source.column = column;
    return {
      id,
      text,
      author: optional(values, fields.author),
      authorName: optional(values, fields.authorName),
      date: null,
      week: optional(values, fields.week),
      question: optional(values, fields.question) ?? this.options.question ?? null,
      thread: optional(values, fields.thread),
      replyTo: optional(values, fields.replyTo),
      language: optional(values, fields.language),
      rejected: this.isRejected(values),
      votes: readVotes(values, fields),
      metadata: readLabelled(values, this.metadata),
      attributes: readLabelled(values, this.options.attributes),
      markup: markup === 'plain' && HTML_TAG.test(text) ? 'html' : markup,
      source,
    };
  }

  /**
   * Ends the file: fills in the dates held back for the column's order of day and month, then
   * logs one warning per kind of repair made in this file.
   */
  finish(logger: Logger): void {
    this.dates.finish(logger);
    const { file } = this.options;
    const { derivedIds, invalidDates } = this.stats;
    if (invalidDates > 0) {
      const dates =
        invalidDates === 1
          ? '1 date could not be read and was'
          : `${invalidDates} dates could not be read and were`;
      logger.warn(
        `${file}: ${dates} left empty (e.g. ${this.invalidDateExample}); use ISO 8601 or Unix epoch values`,
      );
    }
    if (derivedIds > 0 && this.options.fields.id !== undefined) {
      const records = derivedIds === 1 ? '1 record has' : `${derivedIds} records have`;
      logger.warn(`${file}: ${records} an empty id; derived from file, position and text instead`);
    }
  }

  private deriveId(raw: RawRecord, text: string): string {
    this.stats.derivedIds++;
    const hash = createHash('sha1');
    hash.update(`${this.options.file}\0${raw.record}\0${text}`);
    return hash.digest('hex').slice(0, 12);
  }

  /** Reads the row's date into `contributions` (all from that row), now or at {@link finish}. */
  readDate(raw: RawRecord, contributions: readonly Contribution[]): void {
    const value = optional(raw.values, this.options.fields.date);
    if (value === null) return;
    this.dates.read(value, raw, (date) => {
      for (const contribution of contributions) contribution.date = date;
      if (date === null && this.stats.invalidDates++ === 0) {
        this.invalidDateExample = `${quoteInput(value)} at ${describeRecord(this.options.file, raw)}`;
      }
    });
  }

  private isRejected(values: Record<string, string>): boolean {
    const column = this.options.fields.moderation;
    const value = column === undefined ? undefined : values[column];
    if (value === undefined || !this.rejected.has(value.trim().toLowerCase())) return false;
    this.stats.rejected++;
    return true;
  }
}

/** The columns `fields.text` names: one, or several to join. */
function textColumns(fields: FieldMapping): readonly string[] {
  return typeof fields.text === 'string' ? [fields.text] : fields.text;
}

/**
 * The text of a record: the one text column as it is, or the non-blank values of several,
 * trimmed and joined with a blank line in the order given ('' when all are blank).
 */
function readText(values: Record<string, string>, text: FieldMapping['text']): string {
  if (typeof text === 'string') return values[text] ?? '';
  const parts: string[] = [];
  for (const column of text) {
    const value = values[column]?.trim();
    if (value) parts.push(value);
  }
  return parts.join('\n\n');
}

/** A trimmed value, or null when the column is unmapped, absent or blank. */
function optional(values: Record<string, string>, column: string | undefined): string | null {
  if (column === undefined) return null;
  const value = values[column]?.trim();
  return value ? value : null;
}

/** Votes when any vote column is mapped; a missing or non-numeric count is 0. */
function readVotes(values: Record<string, string>, fields: FieldMapping): Votes | null {
  if (
    fields.agrees === undefined &&
    fields.disagrees === undefined &&
    fields.passes === undefined
  ) {
    return null;
  }
  return {
    agrees: readCount(values, fields.agrees),
    disagrees: readCount(values, fields.disagrees),
    passes: readCount(values, fields.passes),
  };
}

function readCount(values: Record<string, string>, column: string | undefined): number {
  const value = column === undefined ? undefined : values[column];
  const count = value === undefined ? 0 : Number(value.trim());
  return Number.isFinite(count) && count > 0 ? Math.round(count) : 0;
}

/** The non-blank, trimmed values of `columns`, each under its label. */
function readLabelled(
  values: Record<string, string>,
  columns: readonly InputAttribute[],
): Record<string, string> {
  const read: Record<string, string> = {};
  for (const { column, label } of columns) {
    const value = values[column]?.trim();
    if (value) read[label] = value;
  }
  return read;
}

/** `; did you mean "X"?` for a column that differs only in case, spacing or punctuation. */
function suggestColumn(column: string, columns: readonly string[]): string {
  const key = (name: string) => name.toLowerCase().replace(/[\s_-]+/g, '');
  const match = columns.find((candidate) => key(candidate) === key(column));
  return match === undefined ? '' : `; did you mean ${quoteInput(match)}?`;
}
