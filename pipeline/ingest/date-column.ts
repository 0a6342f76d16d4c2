/**
 * One file's date column. Numeric dates such as `03/02/2024` are read in the configured order of
 * day and month, or in the order the column itself shows (a first number above 12 is a day);
 * when no date shows it, they are read as day/month and one warning says so.
 */
import type { DateFormat } from '../../schemas/consultation.js';
import { InputError } from '../errors.js';
import { quoteInput } from '../quote-input.js';
import type { Logger } from '../stage.js';
import {
  type DayMonthOrder,
  dayAndMonth,
  type NumericDate,
  parseDate,
  readNumericDate,
} from './dates.js';
import { describeRecord, type RawRecord } from './source.js';

/** Where a value stands in its file. */
type RecordPlace = Pick<RawRecord, 'record' | 'line'>;

/** Receives a date once it is read: an ISO timestamp, or null when it cannot be read. */
export type DateSink = (date: string | null) => void;

/** The order assumed when a column does not show one: most of the world writes day first. */
const DEFAULT_ORDER: DayMonthOrder = 'day/month';

const MONTHS = [
  ...['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September'],
  ...['October', 'November', 'December'],
];

/** Reads the dates of one file, holding numeric ones back until their order is known. */
export class DateColumn {
  /** The order in force: configured, or shown by `evidence`; null while still unknown. */
  private order: DayMonthOrder | null;
  private evidence = '';
  private readonly pending: { value: string; sink: DateSink }[] = [];
  /** The first held-back date whose reading depends on the order, for the warning. */
  private ambiguous: NumericDate | null = null;

  constructor(
    private readonly file: string,
    private readonly format: DateFormat,
  ) {
    this.order = format === 'auto' ? null : format;
  }

  /**
   * Reads a non-blank `value` from the record at `place`; `sink` gets the date now, or at
   * {@link finish} when the order is not known yet. Throws an InputError when the value
   * contradicts the configured order, or the order that other dates of the column showed.
   */
  read(value: string, place: RecordPlace, sink: DateSink): void {
    const numeric = readNumericDate(value);
    if (numeric === null) {
      // Any other form says which number is the day, or has none: the order does not matter.
      sink(parseDate(value, DEFAULT_ORDER));
      return;
    }
    this.check(numeric, value, place);
    if (this.order !== null) {
      sink(parseDate(value, this.order));
      return;
    }
    if (this.ambiguous === null && isAmbiguous(numeric)) this.ambiguous = numeric;
    this.pending.push({ value, sink });
  }

  /** Reads the dates held back, in the order the column showed or else day/month (with a warning). */
  finish(logger: Logger): void {
    const order = this.order ?? DEFAULT_ORDER;
    if (this.order === null && this.ambiguous !== null) {
      const example = this.ambiguous.written;
      const reading = spellDate(this.ambiguous, order);
      logger.warn(
        `${this.file}: dates like ${example} are ambiguous; read as ${order} (${example} = ${reading}); set input.dateFormat to "${other(order)}" if that is wrong`,
      );
    }
    for (const { value, sink } of this.pending) sink(parseDate(value, order));
    this.pending.length = 0;
  }

  private check(date: NumericDate, value: string, place: RecordPlace): void {
    const where = describeRecord(this.file, place);
    const seen = quoteInput(value.trim());
    if (this.format !== 'auto') {
      const { month } = dayAndMonth(date, this.format);
      if (month <= 12) return;
      throw new InputError(
        `${where}: date ${seen} has ${month} as its month, but input.dateFormat is "${this.format}"; correct the date, or set input.dateFormat to "${other(this.format)}" if the file is written that way`,
        this.file,
        place.line,
      );
    }
    const shown = orderShownBy(date);
    if (shown === null || shown === this.order) return;
    if (this.order === null) {
      this.order = shown;
      this.evidence = `${seen} at ${where}`;
      return;
    }
    throw new InputError(
      `${where}: date ${seen} is ${shown}, but ${this.evidence} is ${this.order}; correct the dates written the other way`,
      this.file,
      place.line,
    );
  }
}

/** The order a date can only be read in: one of its first two numbers is above 12, the other not. */
function orderShownBy({ first, second }: NumericDate): DayMonthOrder | null {
  if (first > 12 && second <= 12) return 'day/month';
  if (second > 12 && first <= 12) return 'month/day';
  return null;
}

/** Both numbers could be a month, and swapping them changes the date. */
function isAmbiguous({ first, second }: NumericDate): boolean {
  return first >= 1 && first <= 12 && second >= 1 && second <= 12 && first !== second;
}

function other(order: DayMonthOrder): DayMonthOrder {
  return order === 'day/month' ? 'month/day' : 'day/month';
}

/** `3 February 2024`: a numeric date in words, so the warning cannot itself be misread. */
function spellDate(date: NumericDate, order: DayMonthOrder): string {
  const { day, month } = dayAndMonth(date, order);
  return `${day} ${MONTHS[month - 1]} ${date.year}`;
}
