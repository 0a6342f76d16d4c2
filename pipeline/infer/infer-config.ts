// A consultation config inferred from a data file: its layout, fields, questions and attributes.
import { access } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import type { ConsultationInput } from '../../schemas/consultation.js';
import { InputError } from '../errors.js';
import { detectLanguages, quickEnglish } from '../nlp/language.js';
import { type ClassifiedColumn, classifyColumn } from './column-class.js';
import { profileColumn } from './column-profile.js';
import { type InferredRoles, inferRoles } from './infer-fields.js';
import { sampleTable, type TableSample } from './sample-table.js';

/** A Polis export's vote matrix, read beside its `comments.csv`. */
const POLIS_VOTES = 'participants-votes.csv';
/** File names that say nothing of the consultation: its folder names it instead. */
const GENERIC_NAMES =
  /^(?:comments|contributions|responses|answers|data|dataset|export|results|submissions|survey)$/i;
/** Texts whose language is detected: enough for a majority, quick on any file. */
const LANGUAGE_SAMPLE = 50;

/** What was inferred from a data file, and the config that says it. */
export interface InferredConfig {
  /** The config as it is written (before defaults). */
  config: ConsultationInput;
  sample: TableSample;
  columns: ClassifiedColumn[];
  roles: InferredRoles;
}

/**
 * Infers a config for `dataPath` from its header and first rows, with input paths relative to
 * `configDir` (the folder the config is written to).
 */
export async function inferConfig(dataPath: string, configDir: string): Promise<InferredConfig> {
  const sample = await sampleTable(dataPath);
  const columns = classifyColumns(sample);
  const roles = inferRoles(columns);
  if (roles.fields.text === undefined && roles.questions.length === 0) {
    const seen = columns.map((c) => `${c.name} (${c.kind})`).join(', ');
    throw new InputError(
      `${sample.name}: no column of free text found in the first ${sample.rows.length} rows (columns: ${seen}); write consultation.yaml by hand and name the text column in input.fields.text`,
      sample.name,
    );
  }
  const language = await detectMajorityLanguage(sample, columns, roles);
  const votes =
    roles.fields.agrees !== undefined && (await exists(join(dirname(dataPath), POLIS_VOTES)))
      ? relativePath(configDir, join(dirname(dataPath), POLIS_VOTES))
      : undefined;
  const file = relativePath(configDir, dataPath);
  const config: ConsultationInput = {
    title: titleOf(dataPath),
    language,
    ...(roles.questions.length > 0 ? { questions: roles.questions } : {}),
    input: {
      ...(roles.layout === 'survey' ? { layout: 'survey' as const } : {}),
      files: [sample.headerRows > 1 ? { path: file, headerRows: sample.headerRows } : file],
      fields: roles.fields as ConsultationInput['input']['fields'],
      ...(roles.attributes.length > 0 ? { attributes: attributeEntries(roles, columns) } : {}),
      ...(votes ? { votes } : {}),
    },
  };
  return { config, sample, columns, roles };
}

/**
 * The attributes as the config lists them: a column's name alone when it says what it asks,
 * else with the question as its label (Qualtrics' `Q3`, LimeSurvey's `G01Q02. …`, KoboToolbox's
 * `group/xml_name`), so the brief and the review app show words, not codes.
 */
function attributeEntries(roles: InferredRoles, columns: readonly ClassifiedColumn[]) {
  return roles.attributes.map((name) => {
    const asked = columns.find((c) => c.name === name)?.question.trim() ?? name;
    const same = asked === '' || asked.toLowerCase() === name.toLowerCase();
    return same ? name : { column: name, label: asked };
  });
}

/** Profiles and classifies every column of the sample. */
function classifyColumns(sample: TableSample): ClassifiedColumn[] {
  return sample.columns.map((column, i) =>
    classifyColumn(
      column.name,
      column.question,
      profileColumn(sample.rows.map((row) => row[i] ?? '')),
    ),
  );
}

/** The consultation's title from the file's name, or its folder's when the name is generic. */
export function titleOf(dataPath: string): string {
  const stem = basename(dataPath, extname(dataPath)).replace(EXPORT_SUFFIX, '');
  const folder = basename(dirname(dataPath));
  const name = GENERIC_NAMES.test(stem) && folder !== '' && folder !== '.' ? folder : stem;
  const words = name
    .replace(/[_.-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * What survey tools add to a form's name in an export's file name: Google Forms' "(Responses) -
 * Form responses 1" (and its translations), Microsoft Forms' "(1-42)" response range.
 */
const EXPORT_SUFFIX =
  /\s*(?:\((?:responses|antworten|réponses|respuestas|risposte|respostas|reacties|odpowiedzi|svar)\)(?:\s*-\s*.*)?|\(\d+-\d+\))$/iu;

/** The language most of the sampled texts are in; English when none can be told. */
async function detectMajorityLanguage(
  sample: TableSample,
  columns: readonly ClassifiedColumn[],
  roles: InferredRoles,
): Promise<string> {
  const names = new Set([
    ...[roles.fields.text ?? []].flat(),
    ...roles.questions.flatMap((q) => (q.column ? [q.column] : [])),
  ]);
  const at = columns.flatMap((c, i) => (names.has(c.name) ? [i] : []));
  const texts = sample.rows
    .flatMap((row) => at.map((i) => row[i] ?? ''))
    .filter((text) => text.trim().length >= 40)
    .slice(0, LANGUAGE_SAMPLE);
  // Mostly plain English is settled without loading the detector (half a second).
  const english = texts.filter((text) => quickEnglish(text) === 'en').length;
  if (english * 2 >= texts.length) return 'en';
  const languages = await detectLanguages(
    texts.map((text) => ({ text, declared: null })),
    'en',
  );
  const counts = new Map<string, number>();
  for (const language of languages) counts.set(language, (counts.get(language) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'en';
}

/** A path as the config writes it: relative to its folder, with `/`. */
function relativePath(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
