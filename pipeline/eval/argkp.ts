import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { ArgKpArgumentRow, ArgKpKeyPointRow, type ArgKpStance } from '../../schemas/argkp.js';
import { InputError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-info.js';
import { formatIssues } from '../zod-issues.js';

/** The bundled copy of IBM ArgKP (train and dev) that the eval reads. */
export const ARGKP_DIR = join(PACKAGE_ROOT, 'eval', 'argkp');

const ARGUMENTS_FILE = 'args_with_keypoint_labels.csv';
const KEY_POINT_FILES = ['kpm_data/key_points_train.csv', 'kpm_data/key_points_dev.csv'];

/** An expert-written key point of a motion and stance. */
export interface KeyPoint {
  id: string;
  text: string;
}

/**
 * The arguments on one side of one motion, with human theme labels. Only arguments matched to
 * exactly one key point are kept; `labels[i]` is the index in `keyPoints` of argument i's.
 */
export interface MotionStanceGroup {
  topic: string;
  stance: ArgKpStance;
  /** The group's taxonomy for guided themes, in file order (some may label no argument). */
  keyPoints: KeyPoint[];
  argumentIds: string[];
  texts: string[];
  labels: Int32Array;
}

/** A parsed CSV row with the line it ends on, for messages. */
export interface Located<T> {
  row: T;
  line: number;
}

/**
 * Reads ArgKP and groups the labelled arguments by (topic, stance), in the order of the key
 * point files; groups without a labelled argument are left out. Throws an InputError naming
 * the file and line of any malformed or inconsistent row (an unknown key point, one of another
 * motion or stance, a count that does not match the ids).
 * @param dir the folder holding the files; default: the bundled `eval/argkp`.
 */
export async function loadArgKp(dir: string = ARGKP_DIR): Promise<MotionStanceGroup[]> {
  const keyPoints = (
    await Promise.all(KEY_POINT_FILES.map((file) => readRows(dir, file, ArgKpKeyPointRow)))
  ).flat();
  const args = await readRows(dir, ARGUMENTS_FILE, ArgKpArgumentRow);
  return groupArgKp(args, keyPoints);
}

/** Builds the motion-stance groups from parsed rows; see `loadArgKp`. */
export function groupArgKp(
  args: readonly Located<ArgKpArgumentRow>[],
  keyPoints: readonly Located<ArgKpKeyPointRow>[],
): MotionStanceGroup[] {
  const keyPointsById = new Map(keyPoints.map(({ row }) => [row.key_point_id, row]));
  const groups = new Map<string, { group: MotionStanceGroup; labels: number[] }>();
  for (const { row } of keyPoints) {
    const key = groupKey(row);
    const entry = groups.get(key) ?? { group: emptyGroup(row.topic, row.stance), labels: [] };
    entry.group.keyPoints.push({ id: row.key_point_id, text: row.key_point });
    groups.set(key, entry);
  }
  for (const located of args) {
    const ids = matchingKeyPoints(located, keyPointsById);
    const [id] = ids;
    if (id === undefined || ids.length !== 1) continue;
    const { row } = located;
    // Known to exist: matchingKeyPoints checked that the key point is of this group.
    const entry = groups.get(groupKey(row)) as { group: MotionStanceGroup; labels: number[] };
    entry.group.argumentIds.push(row.arg_id);
    entry.group.texts.push(row.argument);
    entry.labels.push(entry.group.keyPoints.findIndex((keyPoint) => keyPoint.id === id));
  }
  return [...groups.values()]
    .filter(({ labels }) => labels.length > 0)
    .map(({ group, labels }) => ({ ...group, labels: Int32Array.from(labels) }));
}

function emptyGroup(topic: string, stance: ArgKpStance): MotionStanceGroup {
  return { topic, stance, keyPoints: [], argumentIds: [], texts: [], labels: new Int32Array() };
}

/** The argument's matching key point ids, checked against its count, motion and stance. */
function matchingKeyPoints(
  { row, line }: Located<ArgKpArgumentRow>,
  keyPointsById: ReadonlyMap<string, ArgKpKeyPointRow>,
): string[] {
  const fail = (message: string) =>
    new InputError(`${ARGUMENTS_FILE}:${line}: ${row.arg_id}: ${message}`, ARGUMENTS_FILE, line);
  const ids = row.key_point_ids === '' ? [] : row.key_point_ids.split('|');
  if (ids.length !== row.n_matching_kps) {
    throw fail(`n_matching_kps is ${row.n_matching_kps} but key_point_ids lists ${ids.length}`);
  }
  for (const id of ids) {
    const keyPoint = keyPointsById.get(id);
    if (keyPoint === undefined) throw fail(`unknown key point "${id}"`);
    if (groupKey(keyPoint) !== groupKey(row)) {
      throw fail(`key point "${id}" is of another motion or stance than the argument`);
    }
  }
  return ids;
}

function groupKey(row: { topic: string; stance: ArgKpStance }): string {
  return `${row.stance} ${row.topic}`;
}

async function readRows<T extends z.ZodType>(
  dir: string,
  file: string,
  schema: T,
): Promise<Located<z.infer<T>>[]> {
  const path = join(dir, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new InputError(
      `${file}: cannot read ${path}: ${(cause as Error).message}`,
      path,
      undefined,
      { cause },
    );
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, bom: true, skip_empty_lines: true, info: true });
  } catch (cause) {
    if (!(cause instanceof CsvError)) throw cause;
    const line = typeof cause.lines === 'number' ? cause.lines : undefined;
    throw new InputError(`${file}: ${cause.message}`, path, line, { cause });
  }
  return records.map(({ record, info }) => {
    const parsed = schema.safeParse(record);
    if (!parsed.success) {
      throw new InputError(
        `${file}:${info.lines}: ${formatIssues(parsed.error)}`,
        path,
        info.lines,
      );
    }
    return { row: parsed.data, line: info.lines };
  });
}
