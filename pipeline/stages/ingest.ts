import { extname } from 'node:path';
import type { InputFormat } from '../../schemas/consultation.js';
import type { Contribution } from '../../schemas/contribution.js';
import { InputError } from '../errors.js';
import { readCsv } from '../ingest/csv.js';
import { readHtml, readMarkdown, readPlainText } from '../ingest/documents.js';
import { readJson, readJsonl } from '../ingest/json.js';
import { DOCUMENT_FIELDS, RecordMapper } from '../ingest/records.js';
import type { ReadContext, RecordReader } from '../ingest/source.js';
import { SurveyMapper } from '../ingest/survey.js';
import { UniqueIds } from '../ingest/unique-ids.js';
import { readXlsx } from '../ingest/xlsx.js';
import { type InputSource, type StageContext, type StageResult, throwIfAborted } from '../stage.js';

type Format = Exclude<InputFormat, 'auto'>;

/** File extensions and the format each implies when the spec's format is `auto`. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, Format>> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xlsx': 'xlsx',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
};

/** Records mapped between two checks of the abort signal. */
const ABORT_CHECK_EVERY = 1024;

/** Progress is reported every this many bytes at least (or every 1% of the input). */
const PROGRESS_BYTES = 1 << 20;

/** What the stage counts, as recorded in the manifest. */
interface IngestCounts extends Record<string, number> {
  files: number;
  records: number;
  bytes: number;
  renamedIds: number;
  derivedIds: number;
  invalidDates: number;
  rejected: number;
  /** Survey layout: answers left blank, and respondents who answered no question. */
  blankAnswers: number;
  silentRespondents: number;
}

/**
 * The ingest stage: reads every input file with the reader its format calls for, maps records
 * to contributions with the config's field mapping, and makes ids unique across the input.
 * Nothing is dropped: a repeated id is renamed `<id>~2`. In the survey layout each row is a
 * respondent and each answered question column one contribution (see `SurveyMapper`). Malformed input is an InputError
 * naming the file and, where it can, the line.
 */
export async function ingestContributions(
  sources: readonly InputSource[],
  ctx: StageContext,
): Promise<StageResult<Contribution[]>> {
  const counts: IngestCounts = {
    files: 0,
    records: 0,
    bytes: 0,
    renamedIds: 0,
    derivedIds: 0,
    invalidDates: 0,
    rejected: 0,
    blankAnswers: 0,
    silentRespondents: 0,
  };
  const ids = new UniqueIds();
  const onBytes = createByteProgress(ctx, sources, counts);
  const collected: Collected = { output: [], ids, counts, onBytes };
  for (const source of sources) {
    throwIfAborted(ctx.signal, 'Ingest');
    await ingestFile(source, ctx, collected);
    counts.files++;
  }
  ids.report(ctx.logger);
  counts.records = collected.output.length;
  counts.renamedIds = ids.renamed;
  onBytes(0, true);
  return { output: collected.output, counts };
}

/** What the files read so far have added up to. */
interface Collected {
  output: Contribution[];
  ids: UniqueIds;
  counts: IngestCounts;
  onBytes: ReadContext['onBytes'];
}

async function ingestFile(
  source: InputSource,
  ctx: StageContext,
  { output, ids, counts, onBytes }: Collected,
): Promise<void> {
  const name = source.name;
  if (source.size === 0) throw new InputError(`${name}: the file is empty`, name);
  const read: ReadContext = { source, logger: ctx.logger, signal: ctx.signal, onBytes };
  const reader = openReader(resolveFormat(source), read);
  const table = reader.kind !== 'document';
  const { input, questions } = ctx.config;
  const mapper = new RecordMapper({
    file: name,
    fields: table ? input.fields : DOCUMENT_FIELDS,
    attributes: table ? input.attributes : [],
    rejectedValues: input.rejectedValues,
    markup: reader.markup,
    dateFormat: input.dateFormat,
    question: source.spec.question,
    layout: table ? input.layout : 'records',
    questions,
  });
  const survey =
    table && input.layout === 'survey'
      ? new SurveyMapper(mapper, { file: name, fields: input.fields, questions })
      : null;
  let count = 0;
  for await (const raw of reader.records) {
    if (count === 0 && reader.kind === 'table') mapper.checkColumns(reader.columns());
    if (count % ABORT_CHECK_EVERY === 0) throwIfAborted(ctx.signal, 'Ingest');
    for (const contribution of survey ? survey.map(raw) : [mapper.map(raw)]) {
      contribution.id = ids.claim(contribution.id, contribution.source);
      output.push(contribution);
    }
    count++;
  }
  // Objects have no header: with no records there are no keys to check against.
  if (reader.kind === 'table' || (reader.kind === 'objects' && count > 0)) {
    mapper.checkColumns(reader.columns());
  }
  if (count === 0) {
    const what = reader.kind === 'table' ? 'has a header but no rows' : 'has no records';
    ctx.logger.warn(`${name}: ${what}; nothing to read`);
  }
  survey?.finish(ctx.logger);
  mapper.finish(ctx.logger);
  counts.derivedIds += mapper.stats.derivedIds;
  counts.invalidDates += mapper.stats.invalidDates;
  counts.rejected += mapper.stats.rejected;
  counts.blankAnswers += (survey?.stats.blankAnswers ?? 0) + (survey?.stats.silentAnswers ?? 0);
  counts.silentRespondents += survey?.stats.silentRespondents ?? 0;
  ctx.logger.debug(`${name}: ${count} records`);
}

/** The spec's format, or the one its file extension implies; an InputError if neither. */
export function resolveFormat(source: InputSource): Format {
  const { format } = source.spec;
  if (format !== 'auto') return format;
  const extension = extname(source.name).toLowerCase();
  const known = FORMAT_BY_EXTENSION[extension];
  if (known) return known;
  const seen = extension ? `unknown file extension "${extension}"` : 'no file extension';
  const hint = extension === '.xls' ? ' (save old .xls workbooks as .xlsx)' : '';
  const supported = Object.keys(FORMAT_BY_EXTENSION).join(' ');
  throw new InputError(
    `${source.name}: ${seen}${hint}; supported formats are ${supported}, or set the file's format`,
    source.name,
  );
}

/** The reader for `format`, reading the file `read` names. */
export function openReader(format: Format, read: ReadContext): RecordReader {
  switch (format) {
    case 'csv':
      return readCsv(read);
    case 'tsv':
      return readCsv(read, '\t');
    case 'json':
      return readJson(read);
    case 'jsonl':
      return readJsonl(read);
    case 'xlsx':
      return readXlsx(read);
    case 'markdown':
      return readMarkdown(read);
    case 'html':
      return readHtml(read);
    case 'text':
      return readPlainText(read);
    default: {
      const unknown: never = format;
      throw new Error(`unhandled input format ${String(unknown)}`);
    }
  }
}

/** Counts bytes read and reports progress every 1 MiB or 1% of the input, whichever is more. */
function createByteProgress(
  ctx: StageContext,
  sources: readonly InputSource[],
  counts: IngestCounts,
): (bytes: number, final?: boolean) => void {
  // `final` forces a last report, so the bar ends at the total.
  const total = sources.reduce((sum, source) => sum + source.size, 0);
  const step = Math.max(PROGRESS_BYTES, Math.ceil(total / 100));
  let reported = 0;
  return (bytes, final = false) => {
    counts.bytes += bytes;
    if (!final && counts.bytes - reported < step) return;
    reported = counts.bytes;
    const done = counts.bytes;
    ctx.progress({ stage: 'ingest', unit: 'bytes', done, total: Math.max(total, done) });
  };
}
