// Which column plays which part: the layout, the field mapping, the guiding questions, the attributes.
import type { FieldMapping, GuidingQuestion, InputLayout } from '../../schemas/consultation.js';
import { type ClassifiedColumn, isIdName } from './column-class.js';
import { normaliseName } from './system-columns.js';

/** The fields a config maps, as inferred (`text` an array for a title beside a body). */
export type InferredFields = Partial<
  Pick<
    FieldMapping,
    'id' | 'author' | 'date' | 'question' | 'moderation' | 'agrees' | 'disagrees' | 'passes'
  >
> & { text?: string | string[] };

/** The parts the columns play. */
export interface InferredRoles {
  layout: InputLayout;
  fields: InferredFields;
  questions: GuidingQuestion[];
  attributes: string[];
}

/** Vote counts by normalised column name. */
const VOTE_NAMES = {
  agrees: ['agrees', 'agree', 'agreecount', 'upvotes', 'likes'],
  disagrees: ['disagrees', 'disagree', 'disagreecount', 'downvotes', 'dislikes'],
  passes: ['passes', 'pass', 'passcount'],
} as const;
/** Submission times, best first (Google, Kobo, LimeSurvey, Qualtrics, Microsoft, SurveyMonkey). */
const DATE_NAMES = [
  'timestamp',
  'submissiontime',
  'submitdate',
  'recordeddate',
  'completiontime',
  'enddate',
  'datecreated',
  'date',
  'created',
  'createdat',
  'datestamp',
  'end',
];
const AUTHOR_NAME = /author|respondent|participant|user|member|voter|contributor|submitted.?by/i;
const TITLE_NAME = /^(?:title|subject|headline|heading|summary)$/i;
const QUESTION_NAME = /question|prompt/i;
/** "Other (please specify)" boxes beside a closed question: not questions of their own. */
const OTHER_BOX = /please specify|\bother\b\s*[)\]]|\[other\]|_other$|- other\b/i;
/** A question's code rather than its text: `q1`, `Q3_a`. */
const CODE = /^\S{1,24}$/;
/** Most attributes inferred: a breakdown by more is unreadable. */
const MAX_ATTRIBUTES = 8;
const STOP_WORDS = new Set(
  (
    'a an and are any be about can could did do does for from had has have how i if in is it ' +
    'of on or our please should that the this to was we were what when which who why will ' +
    'with would you your'
  ).split(' '),
);

/** Decides the layout and which column plays which part. */
export function inferRoles(columns: readonly ClassifiedColumn[]): InferredRoles {
  const used = new Set<string>();
  const fields = namedFields(columns, used);
  const questionColumn = columns.find((c) => c.name === fields.question);
  const open = columns.filter((c) => c.kind === 'open' && !OTHER_BOX.test(c.name));
  const asked = open.filter((c) => isQuestionLike(c));
  const pair = titleAndBody(open);
  const records =
    questionColumn !== undefined ||
    fields.agrees !== undefined ||
    pair !== null ||
    asked.length === 0;
  const layout: InputLayout = records ? 'records' : 'survey';
  let questions: GuidingQuestion[];
  if (layout === 'survey') {
    for (const c of asked) used.add(c.name);
    questions = surveyQuestions(asked);
  } else {
    const text =
      pair ?? mostWords(open.length > 0 ? open : columns.filter((c) => c.kind !== 'system'));
    if (text) {
      for (const name of [text].flat()) used.add(name);
      fields.text = text;
    }
    questions = questionColumn ? recordQuestions(questionColumn) : [];
  }
  Object.assign(fields, identityFields(columns, layout, used));
  const attributes = columns
    .filter((c) => c.kind === 'closed' && !used.has(c.name) && isAttribute(c))
    .slice(0, MAX_ATTRIBUTES)
    .map((c) => c.name);
  return { layout, fields: definedOnly(fields), questions, attributes };
}

/** Fields found by their column's name: vote counts, moderation, and a question column. */
function namedFields(columns: readonly ClassifiedColumn[], used: Set<string>): InferredFields {
  const take = (column: ClassifiedColumn | undefined) => {
    if (column) used.add(column.name);
    return column?.name;
  };
  const fields: InferredFields = {};
  for (const [field, names] of Object.entries(VOTE_NAMES)) {
    const column = columns.find(
      (c) => c.kind === 'numeric' && (names as readonly string[]).includes(normaliseName(c.name)),
    );
    fields[field as keyof typeof VOTE_NAMES] = take(column);
  }
  fields.moderation = take(columns.find((c) => /moderat/i.test(c.name) && c.kind !== 'open'));
  fields.question = take(
    columns.find(
      (c) => c.kind === 'closed' && (QUESTION_NAME.test(c.name) || c.profile.questionShare >= 0.5),
    ),
  );
  return fields;
}

/**
 * A header that asks something: a question mark, four words or more, or a KoboToolbox path
 * (`group/question_name`); not a field name such as `comment-body` or `text`.
 */
function isQuestionLike(column: ClassifiedColumn): boolean {
  const text = column.question;
  const path = /^[^\s/]+(?:\/[^\s/]+)+$/.test(column.name);
  return text.endsWith('?') || text.split(/\s+/).length >= 4 || path;
}

/** A short title column beside a long body, in the file's order; null when there is none. */
function titleAndBody(open: readonly ClassifiedColumn[]): string[] | null {
  if (open.length !== 2) return null;
  const [a, b] = open as [ClassifiedColumn, ClassifiedColumn];
  const [short, long] = a.profile.meanLength <= b.profile.meanLength ? [a, b] : [b, a];
  const titled = TITLE_NAME.test(short.name);
  const shorter = short.profile.meanLength * 3 <= long.profile.meanLength && !isQuestionLike(short);
  if (!titled && !(shorter && short.profile.meanWords <= 15)) return null;
  return [short.name, long.name];
}

function mostWords(columns: readonly ClassifiedColumn[]): string | undefined {
  let best: ClassifiedColumn | undefined;
  for (const c of columns) if (!best || c.profile.meanWords > best.profile.meanWords) best = c;
  return best && best.profile.meanWords >= 2 ? best.name : undefined;
}

/** Id, author and date: who wrote each row and when. */
function identityFields(
  columns: readonly ClassifiedColumn[],
  layout: InputLayout,
  used: Set<string>,
): InferredFields {
  const free = columns.filter((c) => !used.has(c.name) && c.system !== 'personal');
  const unique = (c: ClassifiedColumn) =>
    c.profile.distinct === c.profile.filled && c.profile.filled > 0;
  const idLike = (c: ClassifiedColumn) =>
    c.kind === 'id' ||
    (c.system === 'response id' && isIdName(c.name)) ||
    (c.kind === 'numeric' && isIdName(c.name));
  const author = free.find(
    (c) => AUTHOR_NAME.test(c.name) && (idLike(c) || c.kind === 'numeric') && !unique(c),
  );
  const id =
    free.find((c) => c !== author && idLike(c) && unique(c) && isIdName(c.name)) ??
    free.find((c) => c !== author && c.kind === 'id');
  const dates = free.filter((c) => c.profile.dateShare >= 0.8);
  const rank = (c: ClassifiedColumn) => {
    const at = DATE_NAMES.indexOf(normaliseName(c.name));
    return at < 0 ? DATE_NAMES.length : at;
  };
  const date = [...dates].sort((a, b) => rank(a) - rank(b))[0];
  const result: InferredFields = { id: id?.name, date: date?.name };
  // In the survey layout the respondent is the row: its id is `fields.id`.
  if (layout === 'records') result.author = author?.name;
  for (const name of [id?.name, author?.name, date?.name]) if (name) used.add(name);
  return result;
}

/** A closed column worth a breakdown: two or more groups, mostly answered, not bare numbers. */
function isAttribute(column: ClassifiedColumn): boolean {
  const p = column.profile;
  return p.distinct >= 2 && p.blankShare <= 0.5 && p.numericShare < 0.9;
}

/** The guiding questions of a records file: the question column's values, in order of appearance. */
function recordQuestions(column: ClassifiedColumn): GuidingQuestion[] {
  const ids = new UniqueSlugs();
  const values = [...column.profile.values.keys()];
  const codes = values.every((value) => CODE.test(value));
  // Codes (`q1`, `q2`) in their natural order; texts as they first appear.
  if (codes) values.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return values.map((value) => ({
    id: ids.claim(CODE.test(value) ? value : slugOf(value)),
    text: value,
  }));
}

/** One guiding question per open column: its id from the column's code or the question's words. */
function surveyQuestions(columns: readonly ClassifiedColumn[]): GuidingQuestion[] {
  const ids = new UniqueSlugs();
  return columns.map((c) => ({ id: ids.claim(questionId(c)), text: c.question, column: c.name }));
}

function questionId(column: ClassifiedColumn): string {
  const { name, question } = column;
  if (name !== question) {
    const code = (name.endsWith(question) ? name.slice(0, -question.length) : name)
      .replace(/[.\s]+$/, '')
      .split('/')
      .pop() as string;
    if (/^[A-Za-z_][\w.[\]-]{0,29}$/.test(code)) return slugOf(code);
  }
  return slugOf(question);
}

/** A short, stable slug: the first three words that say something, lower-case, joined by `-`. */
function slugOf(text: string): string {
  const words =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[a-z0-9]+/g) ?? [];
  const telling = words.filter((word) => !STOP_WORDS.has(word));
  return (telling.length > 0 ? telling : words).slice(0, 3).join('-') || 'q';
}

/** Slugs made unique with `-2`, `-3`. */
class UniqueSlugs {
  private readonly seen = new Map<string, number>();
  claim(slug: string): string {
    const count = (this.seen.get(slug) ?? 0) + 1;
    this.seen.set(slug, count);
    return count === 1 ? slug : `${slug}-${count}`;
  }
}

/** The order fields are written in: what is read first, then who and when, then votes. */
const FIELD_ORDER = [
  'text',
  'id',
  'author',
  'date',
  'question',
  'moderation',
  'agrees',
  'disagrees',
  'passes',
] as const;

function definedOnly(fields: InferredFields): InferredFields {
  return Object.fromEntries(
    FIELD_ORDER.flatMap((key) => (fields[key] === undefined ? [] : [[key, fields[key]]])),
  ) as InferredFields;
}
