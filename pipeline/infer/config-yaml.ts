// The inferred config as YAML for the user to edit, and the few lines that say what was taken for what.
import { stringify } from 'yaml';
import type { ClassifiedColumn } from './column-class.js';
import type { InferredConfig } from './infer-config.js';

/** Columns named in a summary line before the rest are counted. */
const LISTED = 8;

/**
 * The config as YAML, headed by comments saying where it came from and that editing it is how
 * any guess is overridden, and ending with the columns left unread.
 */
export function formatConfigYaml(inferred: InferredConfig): string {
  const ignored = ignoredColumns(inferred);
  const lines = [
    `# Inferred by \`brief init\` from ${inferred.sample.name}: check it, edit anything that is wrong`,
    '# (layout, fields, questions, attributes, title, language), then `brief run` this file.',
    ...(ignored.system.length > 0
      ? [`# Not read (system columns): ${ignored.system.join(', ')}`]
      : []),
    ...(ignored.other.length > 0 ? [`# Not read: ${ignored.other.join(', ')}`] : []),
    stringify(inferred.config, { lineWidth: 0 }),
  ];
  return lines.join('\n');
}

/**
 * What was taken for what, in a few lines: e.g. `text: comment-body · id: comment-id · votes:
 * agrees/disagrees`, the questions, the attributes, and the columns ignored.
 */
export function describeInference(inferred: InferredConfig): string[] {
  const { sample, roles, config } = inferred;
  const f = roles.fields;
  const header = sample.headerRows > 1 ? `, ${sample.headerRows} header rows` : '';
  const parts = [
    f.text && `text: ${[f.text].flat().join(' + ')}`,
    f.id && `id: ${f.id}`,
    f.author && `author: ${f.author}`,
    f.date && `date: ${f.date}`,
    f.question && `question: ${f.question}`,
    f.agrees && `votes: ${[f.agrees, f.disagrees, f.passes].filter(Boolean).join('/')}`,
    f.moderation && `moderation: ${f.moderation}`,
    config.input.votes && `vote matrix: ${config.input.votes as string}`,
  ].filter(Boolean);
  const ignored = ignoredColumns(inferred);
  return [
    `${sample.name}: ${roles.layout} layout (${roles.layout === 'survey' ? 'one row per respondent' : 'one contribution per row'}${header}), title "${config.title}", language ${config.language}`,
    ...(parts.length > 0 ? [parts.join(' · ')] : []),
    ...(roles.questions.length > 0 ? [questionLine(inferred)] : []),
    ...(roles.attributes.length > 0 ? [`attributes: ${listOf(attributeNames(inferred))}`] : []),
    ...(ignored.system.length > 0 ? [`ignored (system): ${listOf(ignored.system)}`] : []),
    ...(ignored.other.length > 0 ? [`ignored: ${listOf(ignored.other)}`] : []),
  ];
}

/** The guiding questions and where they came from; codes (`q1`) are flagged for wording. */
function questionLine({ roles }: InferredConfig): string {
  const texts = roles.questions.map((q) => `"${clip(q.text.replace(/\s+/g, ' '))}"`);
  const from = roles.layout === 'survey' ? 'from columns' : `from ${roles.fields.question}`;
  const codes = roles.questions.every((q) => q.id === q.text)
    ? " (codes only: write each question's wording as its text in the config)"
    : '';
  const count = `${texts.length} question${texts.length === 1 ? '' : 's'}`;
  return `${count} ${from}: ${listOf(texts)}${codes}`;
}

/** Attributes by name, with what they ask when the name is a code (Qualtrics' `Q1`). */
function attributeNames({ roles, columns }: InferredConfig): string[] {
  return roles.attributes.map((name) => {
    const asked = columns.find((c) => c.name === name)?.question ?? name;
    return plain(name).includes(plain(asked)) ? name : `${name} ("${clip(asked, 40)}")`;
  });
}

/** Columns the config does not read: the survey tool's own, and the rest. */
function ignoredColumns(inferred: InferredConfig): { system: string[]; other: string[] } {
  const read = readColumns(inferred);
  const unread = inferred.columns.filter((c) => !read.has(c.name));
  const names = (list: ClassifiedColumn[]) => list.map((c) => c.name);
  return {
    system: names(unread.filter((c) => c.kind === 'system')),
    other: names(unread.filter((c) => c.kind !== 'system')),
  };
}

function readColumns({ roles }: InferredConfig): Set<string> {
  return new Set([
    ...Object.values(roles.fields).flatMap((value) => (value === undefined ? [] : [value].flat())),
    ...roles.attributes,
    ...roles.questions.flatMap((q) => (q.column ? [q.column] : [])),
  ]);
}

/** Letters and digits only, lower-case: `main_category_level1` reads as `Main category level1`. */
function plain(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function listOf(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
