import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import { quoteInput } from '../pipeline/quote-input.js';
import { createQuestionLookup } from '../pipeline/synthesis/findings/question-match.js';

/** A calendar date `YYYY-MM-DD` (UTC). */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date like 2018-02-02')
  .refine((s) => isCalendarDate(s), 'Expected a real calendar date');

function isCalendarDate(s: string): boolean {
  const time = Date.parse(`${s}T00:00:00Z`);
  // Date.parse rolls 2024-02-30 over to March; a real date survives the round trip.
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === s;
}

/** A guiding question; plain strings get ids `q1`, `q2`, ... when the config is loaded. */
export const GuidingQuestion = z.strictObject({
  id: z.string().min(1).describe('Stable id, matched against the input `question` field'),
  text: z.string().min(1).describe('The question as put to participants'),
  /**
   * Survey layout (`input.layout: survey`): the column holding the answers to this question, one
   * contribution per answered cell. Unused in the records layout.
   */
  column: z.string().min(1).optional(),
});
export type GuidingQuestion = z.infer<typeof GuidingQuestion>;

/** A theme of the consultation's own taxonomy (guided mode). */
export const TaxonomyTheme = z.strictObject({
  id: z.string().min(1),
  label: z.string().trim().min(1, 'Theme labels must not be empty'),
  description: z.string().default(''),
  keywords: z.array(z.string().min(1)).default([]),
  /**
   * Passages typical of the theme, in participants' wording: embedded and word-aligned as part of
   * the theme's text. Three per theme lift BANKING77 guided accuracy from 0.50 to 0.62; long ones
   * can drown a short label (see DESIGN.md). Default: none.
   */
  examples: z.array(z.string().trim().min(1, 'Theme examples must not be empty')).default([]),
});
export type TaxonomyTheme = z.infer<typeof TaxonomyTheme>;

/** A named week of the consultation; boundaries are inclusive calendar dates. */
export const Week = z.strictObject({
  label: z.string().min(1),
  start: IsoDate,
  end: IsoDate,
});
export type Week = z.infer<typeof Week>;

/** Formats the ingest stage can read; `auto` picks one from the file extension. */
export const InputFormat = z.enum([
  'auto',
  'csv',
  'tsv',
  'json',
  'jsonl',
  'xlsx',
  'markdown',
  'html',
  'text',
]);
export type InputFormat = z.infer<typeof InputFormat>;

/** One input file. A bare string is shorthand for `{ path }`. */
export const InputFile = z.strictObject({
  path: z.string().min(1).describe('Path relative to the config file'),
  format: InputFormat.default('auto'),
  /** CSV delimiter; default: sniffed from the header line (`,` `;` tab `|`). */
  delimiter: z.string().length(1).optional(),
  /** Text encoding; default: detected (BOM, UTF-8 validity, else Windows-1252). */
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'latin1', 'windows-1252']).optional(),
  /** XLSX sheet name; default: the first sheet. */
  sheet: z.string().optional(),
  /** Markdown/HTML: heading level that starts a contribution (default 2). */
  headingLevel: z.number().int().min(1).max(6).default(2),
  /** Markdown/HTML/text: a regular expression matching a whole separator line, e.g. `^---$`. */
  separator: z.string().optional(),
  /** JSON: dotted path to the array of records when it is not the top level, e.g. `data.posts`. */
  recordsPath: z.string().optional(),
  /**
   * The guiding question (id or text) every record of this file answers, for exports with one
   * file per question; a record's own `question` column, when mapped and filled, wins.
   */
  question: z.string().min(1).optional(),
  /**
   * CSV/TSV/XLSX: how many rows the header takes (default 1). SurveyMonkey exports have 2
   * (question, then option) and Qualtrics 3 (short name, question text, import id).
   */
  headerRows: z.number().int().min(1).max(3).default(1),
});
export type InputFile = z.infer<typeof InputFile>;

/**
 * Order of day and month in numeric dates such as `03/02/2024` (also `3.2.24`, `03-02-2024`).
 * `auto` reads it from each file's date column: a first number above 12 means day/month, a
 * second one month/day; when no date shows it, day/month is assumed and a warning says so.
 */
export const DateFormat = z.enum(['auto', 'day/month', 'month/day']);
export type DateFormat = z.infer<typeof DateFormat>;

/** Which input column holds each field. Only `text` is required. */
export const FieldMapping = z.strictObject({
  id: z.string().optional(),
  /**
   * The text column, or several (`[title, body]`) whose non-blank values are joined with a blank
   * line, in the order given. Default `text`.
   */
  text: z
    .union([z.string(), z.array(z.string()).min(1, 'List at least one text column')])
    .default('text'),
  author: z.string().optional().describe('Stable author id, used to count participants'),
  authorName: z.string().optional().describe('Display name, credited when privacy allows'),
  date: z
    .string()
    .optional()
    .describe(
      'ISO 8601 date/time, Unix epoch (seconds or milliseconds), or numeric like 03/02/2024 (see `input.dateFormat`)',
    ),
  week: z.string().optional().describe('A column naming the week, instead of dates'),
  question: z.string().optional().describe('Guiding question id or text the contribution answers'),
  thread: z.string().optional(),
  replyTo: z.string().optional(),
  language: z.string().optional(),
  moderation: z.string().optional(),
  agrees: z.string().optional(),
  disagrees: z.string().optional(),
  passes: z.string().optional(),
  metadata: z.array(z.string()).default([]).describe('Extra columns kept as metadata'),
});
export type FieldMapping = z.infer<typeof FieldMapping>;

/**
 * A vote matrix: one row per participant with a `participant` column, and one column per
 * contribution id holding 1 (agree), -1 (disagree), 0 (pass) or nothing (not seen), as in a
 * Polis `participants-votes.csv` export. Other columns are ignored.
 */
export const VotesFile = z.strictObject({
  path: z.string().min(1).describe('Path relative to the config file'),
  participant: z.string().default('participant').describe('The column naming the voter'),
});
export type VotesFile = z.infer<typeof VotesFile>;

/**
 * How rows become contributions. `records`: one contribution per row, its text in
 * `fields.text`. `survey`: one row per respondent and one column per question; each answered
 * question column (a guiding question's `column`) is one contribution by that respondent.
 */
export const InputLayout = z.enum(['records', 'survey']);
export type InputLayout = z.infer<typeof InputLayout>;

/**
 * A respondent attribute: the column it is read from and the name the brief, the review app and
 * `attributes` give it. A bare string is shorthand for `{ column, label: column }`; a label
 * names an attribute whose column is a code (Qualtrics' `Q3`, LimeSurvey's `G01Q02`).
 */
export const InputAttribute = z.union([
  z
    .string()
    .min(1)
    .transform((column) => ({ column, label: column })),
  z.strictObject({ column: z.string().min(1), label: z.string().trim().min(1) }),
]);
export type InputAttribute = z.infer<typeof InputAttribute>;

export const InputConfig = z.strictObject({
  layout: InputLayout.default('records'),
  files: z
    .array(
      z.union([
        z
          .string()
          .min(1)
          .transform((path) => InputFile.parse({ path })),
        InputFile,
      ]),
    )
    .min(1, 'List at least one input file'),
  fields: FieldMapping.default(FieldMapping.parse({})),
  /** Day and month order of numeric dates (default `auto`: from the data, else day/month). */
  dateFormat: DateFormat.default('auto').describe(
    'Order of day and month in dates like 03/02/2024: day/month, month/day, or auto (from the data)',
  ),
  /**
   * Columns describing the respondent (stakeholder group, country, age band, a closed yes/no
   * answer): kept on each contribution's `attributes` under their labels, for breakdowns by group.
   */
  attributes: z.array(InputAttribute).default([]),
  /** Per-participant votes on the contributions, for opinion groups (see `VotesFile`). */
  votes: z
    .union([
      z
        .string()
        .min(1)
        .transform((path) => VotesFile.parse({ path })),
      VotesFile,
    ])
    .optional(),
  /** Values of the moderation field that mean "rejected" (compared case-insensitively). */
  rejectedValues: z
    .array(z.string())
    .default(['-1', 'rejected', 'reject', 'removed', 'hidden', 'spam']),
});
export type InputConfig = z.infer<typeof InputConfig>;

/** The attributes' labels, in the config's order: the keys of a contribution's `attributes`. */
export function attributeLabels(input: Pick<InputConfig, 'attributes'>): string[] {
  return input.attributes.map((attribute) => attribute.label);
}

/** How contributors are credited in the brief. */
export const Credit = z.enum(['name', 'initials', 'anonymous']);

export const PrivacyConfig = z.strictObject({
  redact: z
    .strictObject({
      emails: z.boolean().default(true),
      phones: z.boolean().default(true),
      /** Links to a person's profile (social media, mailto:); other links stay. */
      personalUrls: z.boolean().default(true),
      /** Every link, not only personal ones. */
      allUrls: z.boolean().default(false),
      /**
       * Personal names in contributions ("Nurse Sarah", "My name is ..."), replaced by `[name]`;
       * credited contributors' names follow `credit`, not this.
       */
      names: z.boolean().default(true),
    })
    .default({ emails: true, phones: true, personalUrls: true, allUrls: false, names: true }),
  /**
   * The consultation's country (ISO 3166 alpha-2, e.g. `GB`): phone numbers written the national
   * way are read as its numbers, so short ones are found too. Without it, only numbers with a
   * country code or long enough to be sure of are redacted.
   */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Expected an ISO 3166 alpha-2 country code in capitals, such as GB or DE')
    .refine(isSupportedCountry, 'Expected an ISO 3166 alpha-2 country code that exists')
    .optional(),
  credit: Credit.default('anonymous'),
});
export type PrivacyConfig = z.infer<typeof PrivacyConfig>;

export const CleanConfig = z.strictObject({
  /** Records with fewer letters than this after cleaning are excluded as too short. */
  minLetters: z.number().int().min(1).default(12),
  /** Passages are cut at sentence boundaries to stay under this many characters. */
  maxPassageChars: z.number().int().min(100).default(600),
  /** Paragraphs shorter than this are joined to a neighbour rather than standing alone. */
  minPassageChars: z.number().int().min(1).default(120),
  /** Word-shingle Jaccard similarity at or above which two records are near-duplicates. */
  nearDuplicateThreshold: z.number().min(0.5).max(1).default(0.8),
  /** Remove greetings, sign-offs, signatures and quoted replies (kept as recorded spans). */
  stripBoilerplate: z.boolean().default(true),
});
export type CleanConfig = z.infer<typeof CleanConfig>;

/**
 * How much of the findings the brief shows. Lists are cut to their best-supported items (the
 * rest stay in `findings.json`, and every cited contribution in `sources.csv`), so the body of
 * the brief stays readable and grows slowly with the consultation.
 */
export const BriefConfig = z.strictObject({
  /** Key points per theme. */
  keyPoints: z.number().int().min(0).default(3),
  /** Sub-themes named per theme (in one line: their points are the theme's key points). */
  subThemes: z.number().int().min(0).default(4),
  /** Proposals per theme and per guiding question. */
  proposals: z.number().int().min(0).default(3),
  /** Concerns per theme. */
  concerns: z.number().int().min(0).default(2),
  /** Opportunities per theme. */
  opportunities: z.number().int().min(0).default(1),
  /** Quotes per theme ("In their words") and highlights per week. */
  quotes: z.number().int().min(0).default(1),
  /** Minority views per theme. */
  minorityViews: z.number().int().min(0).default(2),
  /** Voted comments per theme under "Broad agreement", and as many under "Divided opinion". */
  votedComments: z.number().int().min(0).default(2),
  /** Main points per guiding question and per week. */
  questionPoints: z.number().int().min(0).default(3),
  /** Reasons per side of a split, and conditional and compromise positions each. */
  reasons: z.number().int().min(0).default(3),
  /**
   * Top-level themes given a full section, largest first; the others get a compact one (their
   * counts and summary paragraph), as do themes with under `compactBelowShare` of participants.
   */
  fullThemes: z.number().int().min(0).default(6),
  /** Share of participants under which a theme gets a compact section. */
  compactBelowShare: z.number().min(0).max(1).default(0.05),
  /** Citations shown as links after a statement; more are summarised as "+N more". */
  citations: z.number().int().min(1).max(20).default(3),
  /**
   * Breakdowns by respondent attribute: fewest participants a group needs to be shown and
   * tested (default 20); smaller groups are pooled as "Other" when together they reach it.
   */
  breakdownMinGroup: z.number().int().min(2).default(20),
  /**
   * Least difference between a group's share and the rest's (default 0.1, ten percentage points)
   * for a significant one to be marked: on a large consultation a tiny gap is significant too.
   */
  breakdownMinDifference: z.number().min(0).max(1).default(0.1),
  /** Attributes with more distinct values than this are not broken down (default 12). */
  breakdownMaxGroups: z.number().int().min(2).default(12),
  /**
   * Bytes of CSV above which `sources.csv` is written gzip-compressed as `sources.csv.gz`
   * (default 50,000,000, about 300,000 contributions; see `sourcesFile`).
   */
  sourcesGzipAbove: z.number().int().min(0).default(50_000_000),
});
export type BriefConfig = z.infer<typeof BriefConfig>;

/** How themes are found. Defaults are tuned with `brief eval themes`. */
export const ThemingConfig = z.strictObject({
  /**
   * Embedding provider: `offline` uses the bundled word vectors and TF-IDF; `model` the
   * embeddings model `llm.models.embeddings` on the LLM provider's server.
   */
  embeddings: z.enum(['offline', 'model']).default('offline'),
  /** Most top-level emergent themes. */
  maxThemes: z.number().int().min(1).max(50).default(12),
  /**
   * Top-level emergent themes wanted, when the count is known in advance: the clustering is cut
   * at this many clusters instead of where modularity is best, and `maxThemes` is ignored.
   * Fewer may result when the passages do not hold that many clusters of `minThemeSize`, or when
   * near-identical themes merge. Default: unset (chosen automatically).
   */
  themeCount: z.number().int().min(1).max(200).optional(),
  /** Most sub-themes under one theme. */
  maxSubthemes: z.number().int().min(2).max(20).default(6),
  /**
   * Fewest distinct participants an emergent theme needs (each contribution without an author
   * counting as one); smaller clusters join their nearest theme or go to "Other ideas".
   */
  minThemeSize: z.number().int().min(2).default(3),
  /** Least share of all participants a top-level emergent theme needs (default 1%). */
  minThemeShare: z.number().min(0).max(0.5).default(0.01),
  /** Fewest distinct participants a theme needs; themes with fewer go to "Other ideas". */
  minParticipants: z.number().int().min(1).default(2),
  /** Themes whose centres are at least this similar (cosine) are merged. */
  mergeSimilarity: z.number().min(0).max(1).default(0.9),
  /**
   * Least score (vector cosine and word alignment, see `guidedScores`) for a passage to join a
   * taxonomy theme; the rest go to discovery. Default 0: a fixed cut-off does not transfer
   * between corpora (`guidedOutlierDeviations` is the corpus-relative one).
   */
  guidedThreshold: z.number().min(0).max(1).default(0),
  /**
   * A passage goes to discovery when its best taxonomy score is more than this many robust
   * standard deviations (1.4826 x MAD) under the corpus's median best score, or is not positive.
   * Default 2: on the eval's dev sets, low-scoring texts are out of the taxonomy hardly more often
   * than the rest, so only clear outliers leave.
   */
  guidedOutlierDeviations: z.number().min(0).default(2),
  /** A passage joins a second taxonomy theme within this margin of its best one. */
  guidedSecondMargin: z.number().min(0).max(1).default(0.03),
});
export type ThemingConfig = z.infer<typeof ThemingConfig>;

/** USD per million tokens, prompt (`input`) and completion (`output`). */
export const ModelPrice = z.strictObject({
  input: z.number().min(0),
  output: z.number().min(0).default(0),
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/**
 * List prices of common OpenAI models (USD per million tokens, as published in 2025). A model
 * not listed here or under `llm.prices` has an unknown cost: tokens are still counted, and
 * `--max-cost` refuses to run it.
 */
export const DEFAULT_PRICES: Record<string, ModelPrice> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'gpt-5-mini': { input: 0.25, output: 2 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
};

/** Where a language model is reached; `offline` uses none. */
export const LlmProvider = z.enum(['offline', 'openai', 'openai-compatible']);
export type LlmProvider = z.infer<typeof LlmProvider>;

/**
 * The language model (optional). Secrets never go here: the key comes from `OPENAI_API_KEY`
 * (environment or `.env`), and the base URL may come from `OPENAI_BASE_URL`.
 */
export const LlmConfig = z.strictObject({
  provider: LlmProvider.default('offline'),
  /** Server of an `openai-compatible` provider, e.g. `http://localhost:11434/v1` (Ollama). */
  baseUrl: z.url().optional(),
  /** The model for each task. */
  models: z
    .strictObject({
      labels: z.string().min(1).default('gpt-4o-mini'),
      synthesis: z.string().min(1).default('gpt-4o-mini'),
      translation: z.string().min(1).default('gpt-4o-mini'),
      /** Reads statement kinds and stances when `readStatements` is on. */
      reading: z.string().min(1).default('gpt-4o-mini'),
      /** Used when `theming.embeddings` is `model`. */
      embeddings: z.string().min(1).default('text-embedding-3-small'),
    })
    .default({
      labels: 'gpt-4o-mini',
      synthesis: 'gpt-4o-mini',
      translation: 'gpt-4o-mini',
      reading: 'gpt-4o-mini',
      embeddings: 'text-embedding-3-small',
    }),
  /** Translate passages not in `language` before synthesis (originals are kept and quoted). */
  translate: z.boolean().default(false),
  /**
   * Read what each sentence does (proposal, concern, praise, ...) and each contribution's
   * position on a yes/no question with the model, in batches, instead of the rules; the rules
   * read whatever the model's replies leave out. Off: the rules read everything.
   */
  readStatements: z.boolean().default(true),
  /** Most sentences or contributions the model reads in one request. */
  readingBatchSize: z.number().int().min(1).max(200).default(40),
  /** Requests in flight at once. */
  concurrency: z.number().int().min(1).max(64).default(4),
  requestsPerMinute: z.number().int().min(1).default(500),
  tokensPerMinute: z.number().int().min(1000).default(200_000),
  /** A request not answered in this time is abandoned and retried. */
  timeoutSeconds: z.number().min(0.1).default(120),
  /** Retries of a request after a rate limit, server error, timeout or lost connection. */
  maxRetries: z.number().int().min(0).max(20).default(5),
  /** First retry delay; it doubles each time (a server's `retry-after` takes precedence). */
  retryDelaySeconds: z.number().min(0).default(1),
  /** Retries of a reply that does not match its schema, with the error fed back. */
  maxSchemaRetries: z.number().int().min(0).max(5).default(2),
  /**
   * Most tokens a chat reply may take (sent as `max_tokens`); `--max-cost` reserves this much
   * reply for every request in flight, so the limit holds whatever the model writes.
   */
  maxOutputTokens: z.number().int().min(256).default(4000),
  /** A theme whose passages would make a longer prompt is summarised by parts (map-reduce). */
  maxPromptTokens: z.number().int().min(500).default(6000),
  /** Stop before the run would cost more than this (USD); `--max-cost` overrides it. */
  maxCost: z.number().min(0).optional(),
  /** Prices by model, added to (and overriding) `DEFAULT_PRICES`. */
  prices: z.record(z.string(), ModelPrice).default({}),
  /**
   * Send the synthesis's requests (per theme, per question, per week, statement reading,
   * translation) through the OpenAI Batch API: half the price, no rate limits, answers within
   * 24 hours; `--batch` turns it on for one run. Theme labels and embeddings stay live.
   */
  batch: z.boolean().default(false),
  /** How often a batch in flight is checked on. */
  batchPollSeconds: z.number().min(0.01).default(30),
});
export type LlmConfig = z.infer<typeof LlmConfig>;

/** The consultation config (`consultation.yaml`). Unknown keys are errors. */
export const Consultation = z.strictObject({
  title: z.string().min(1),
  objective: z.string().default(''),
  intendedUse: z.string().default(''),
  /** Seed for every random choice, so a run is reproducible. */
  seed: z.number().int().default(1),
  /** Default language (ISO 639-1) assumed when detection is unsure. */
  language: z.string().min(2).default('en'),
  period: z.strictObject({ start: IsoDate, end: IsoDate }).optional(),
  weeks: z.array(Week).default([]),
  questions: z
    .array(z.union([z.string().min(1), GuidingQuestion]))
    .default([])
    .transform((qs) =>
      qs.map((q, i) => (typeof q === 'string' ? { id: `q${i + 1}`, text: q } : q)),
    ),
  themes: z.array(TaxonomyTheme).default([]),
  input: InputConfig,
  privacy: PrivacyConfig.default(PrivacyConfig.parse({})),
  clean: CleanConfig.default(CleanConfig.parse({})),
  theming: ThemingConfig.default(ThemingConfig.parse({})),
  llm: LlmConfig.default(LlmConfig.parse({})),
  brief: BriefConfig.default(BriefConfig.parse({})),
});
export type Consultation = z.infer<typeof Consultation>;
/** The config as written, before defaults are applied. */
export type ConsultationInput = z.input<typeof Consultation>;

/** Cross-field rules: unique theme ids and labels, unique question ids, ordered dates. */
export const ConsultationChecked = Consultation.superRefine((config, ctx) => {
  reportDuplicates(
    config.themes.map((t) => t.id),
    ['themes'],
    'id',
    ctx,
  );
  reportDuplicates(
    config.themes.map((t) => t.label.toLowerCase()),
    ['themes'],
    'label',
    ctx,
  );
  reportDuplicates(
    config.questions.map((q) => q.id),
    ['questions'],
    'id',
    ctx,
  );
  // A file's question is matched as a record's is; unlike a record's, naming none is an error.
  const questionOf = createQuestionLookup(config.questions);
  config.input.files.forEach((file, i) => {
    if (file.question !== undefined && questionOf(file.question) === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['input', 'files', i, 'question'],
        message: `${quoteInput(file.question)} is not one of the questions' ids or texts, even ignoring case and spacing (${config.questions.map((q) => q.id).join(', ') || 'the config has no questions'})`,
      });
    }
  });
  checkQuestionColumns(config, ctx);
  if (config.period && config.period.start > config.period.end) {
    ctx.addIssue({
      code: 'custom',
      path: ['period', 'end'],
      message: 'The period ends before it starts',
    });
  }
  config.weeks.forEach((week, i) => {
    if (week.start > week.end) {
      ctx.addIssue({
        code: 'custom',
        path: ['weeks', i, 'end'],
        message: 'The week ends before it starts',
      });
    }
    const previous = config.weeks[i - 1];
    if (previous && week.start <= previous.end) {
      ctx.addIssue({
        code: 'custom',
        path: ['weeks', i, 'start'],
        message: 'Weeks must be in order and not overlap',
      });
    }
  });
});

/**
 * The survey layout reads answers from the questions' `column`s: at least one, each distinct;
 * in the records layout a `column` would be ignored, so it is an error saying which layout to set.
 */
function checkQuestionColumns(config: Consultation, ctx: z.RefinementCtx): void {
  const columns = config.questions.map((q) => q.column);
  if (config.input.layout === 'records') {
    const i = columns.findIndex((column) => column !== undefined);
    if (i >= 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['questions', i, 'column'],
        message:
          'A question `column` is read only in the survey layout (one row per respondent, one column per question); set `input.layout: survey`, or map the answers with `input.fields.text`',
      });
    }
    return;
  }
  if (columns.every((column) => column === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['input', 'layout'],
      message:
        "The survey layout reads answers from the questions' columns, but no question has a `column`; give each open question the column holding its answers, e.g. `questions: [{id: q1, text: ..., column: ...}]`",
    });
    return;
  }
  const seen = new Set<string>();
  columns.forEach((column, i) => {
    if (column === undefined) return;
    if (seen.has(column)) {
      ctx.addIssue({
        code: 'custom',
        path: ['questions', i, 'column'],
        message: `Column "${column}" is already another question's; each question reads its own column`,
      });
    }
    seen.add(column);
  });
}

function reportDuplicates(
  values: string[],
  path: PropertyKey[],
  field: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  values.forEach((value, i) => {
    if (seen.has(value)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, field],
        message: `Duplicate ${field} "${value}"`,
      });
    }
    seen.add(value);
  });
}
