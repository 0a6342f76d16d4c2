// Loads IBM ArgKP (eval/argkp) as motion-stance groups of arguments labelled with key points.
import { join } from 'node:path';
import { ArgKpArgumentRow, ArgKpKeyPointRow, type ArgKpStance } from '../../../schemas/argkp.js';
import { InputError } from '../../errors.js';
import { PACKAGE_ROOT } from '../../package-info.js';
import { type Located, readCsvRows } from './csv-rows.js';

/** The bundled copy of IBM ArgKP (train and dev) that the eval reads. */
export const ARGKP_DIR = join(PACKAGE_ROOT, 'eval', 'argkp');

const ARGUMENTS_FILE = 'args_with_keypoint_labels.csv';
const KEY_POINT_FILES = ['kpm_data/key_points_train.csv', 'kpm_data/key_points_dev.csv'];

/** An expert-written key point of a motion and stance. */
export interface KeyPoint {
  id: string;
  text: string;
}

/** Which of ArgKP's splits to read: the 24 train motions, the 4 dev motions, or all 28. */
export type ArgKpSplit = 'train' | 'dev' | 'all';

/**
 * The arguments on one side of one motion, with human theme labels. `texts` are the arguments
 * matched to exactly one key point; `labels[i]` is the index in `keyPoints` of argument i's.
 * The group's other arguments, matched to none or to several, are kept apart.
 */
export interface MotionStanceGroup {
  topic: string;
  stance: ArgKpStance;
  /** The group's taxonomy for guided themes, in file order (some may label no argument). */
  keyPoints: KeyPoint[];
  argumentIds: string[];
  texts: string[];
  labels: Int32Array;
  /** Arguments that match no key point: outside the taxonomy, they should go to "other". */
  unmatched: string[];
  /** Arguments that match two or more key points. */
  multiple: string[];
}

/**
 * Reads ArgKP and groups the arguments by (topic, stance), in the order of the key point files;
 * groups without a singly-labelled argument are left out. Throws an InputError naming the file
 * and line of any malformed or inconsistent row (an unknown key point, one of another motion or
 * stance, a count that does not match the ids).
 * @param dir the folder holding the files; default: the bundled `eval/argkp`.
 * @param split the arguments to read; default: all.
 */
export async function loadArgKp(
  dir: string = ARGKP_DIR,
  split: ArgKpSplit = 'all',
): Promise<MotionStanceGroup[]> {
  const keyPoints = (
    await Promise.all(KEY_POINT_FILES.map((file) => readCsvRows(dir, file, ArgKpKeyPointRow)))
  ).flat();
  const args = await readCsvRows(dir, ARGUMENTS_FILE, ArgKpArgumentRow);
  return groupArgKp(
    args.filter(({ row }) => split === 'all' || row.split === split),
    keyPoints,
  );
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
    const { row } = located;
    const entry = groups.get(groupKey(row));
    // A motion and stance without key points has nothing to label against.
    if (entry === undefined) continue;
    const [id] = ids;
    if (id === undefined || ids.length !== 1) {
      (id === undefined ? entry.group.unmatched : entry.group.multiple).push(row.argument);
      continue;
    }
    entry.group.argumentIds.push(row.arg_id);
    entry.group.texts.push(row.argument);
    entry.labels.push(entry.group.keyPoints.findIndex((keyPoint) => keyPoint.id === id));
  }
  return [...groups.values()]
    .filter(({ labels }) => labels.length > 0)
    .map(({ group, labels }) => ({ ...group, labels: Int32Array.from(labels) }));
}

function emptyGroup(topic: string, stance: ArgKpStance): MotionStanceGroup {
  return {
    topic,
    stance,
    keyPoints: [],
    argumentIds: [],
    texts: [],
    labels: new Int32Array(),
    unmatched: [],
    multiple: [],
  };
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
