import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { ARGKP_DIR, loadArgKp } from '../../pipeline/eval/datasets/argkp.js';
import {
  evalGroupOfArgKp,
  MANY_CLASSES,
  NO_CLASS,
} from '../../pipeline/eval/datasets/eval-group.js';

/** The raw rows of a bundled ArgKP file, read independently of the loader. */
async function readCsv(file: string): Promise<Record<string, string>[]> {
  return parse(await readFile(join(ARGKP_DIR, file), 'utf8'), { columns: true, bom: true });
}

describe('loadArgKp', () => {
  it('finds 28 motions x 2 stances = 56 groups of 4,382 singly-labelled arguments', async () => {
    const groups = await loadArgKp();
    expect(groups).toHaveLength(56);
    expect(new Set(groups.map((g) => g.topic)).size).toBe(28);
    expect(new Set(groups.map((g) => `${g.topic} ${g.stance}`)).size).toBe(56);
    expect(groups.reduce((sum, g) => sum + g.texts.length, 0)).toBe(4382);
    expect(groups.reduce((sum, g) => sum + g.keyPoints.length, 0)).toBe(243);
  });

  it('reads the dev split: 8 groups, 604 singly-labelled arguments, 261 matching none', async () => {
    const groups = await loadArgKp(undefined, 'dev');
    expect(groups).toHaveLength(8);
    const total = (count: (g: (typeof groups)[number]) => number) =>
      groups.reduce((sum, g) => sum + count(g), 0);
    expect(total((g) => g.texts.length)).toBe(604);
    expect(total((g) => g.unmatched.length)).toBe(261);
    expect(total((g) => g.multiple.length)).toBe(67);
    const train = await loadArgKp(undefined, 'train');
    expect(train).toHaveLength(48);
    expect(train.some((g) => groups.some((d) => d.topic === g.topic))).toBe(false);
  });

  it('turns a group into an eval group: key points as the taxonomy, other arguments last', async () => {
    const [group] = await loadArgKp(undefined, 'dev');
    if (!group) throw new Error('no dev group');
    const evalGroup = evalGroupOfArgKp(group);
    expect(evalGroup.classes).toEqual(group.keyPoints.map((kp) => kp.text));
    expect(evalGroup.texts).toEqual([...group.texts, ...group.unmatched, ...group.multiple]);
    const labels = [...evalGroup.labels];
    expect(labels.slice(0, group.texts.length)).toEqual([...group.labels]);
    expect(labels.filter((label) => label === NO_CLASS)).toHaveLength(group.unmatched.length);
    expect(labels.slice(-group.multiple.length).every((l) => l === MANY_CLASSES)).toBe(true);
  });

  it('labels every argument with its one matching key point, of its own motion and stance', async () => {
    const rows = await readCsv('args_with_keypoint_labels.csv');
    const keyPoints = [
      ...(await readCsv('kpm_data/key_points_train.csv')),
      ...(await readCsv('kpm_data/key_points_dev.csv')),
    ];
    const expected = new Map(
      rows.filter((row) => row.n_matching_kps === '1').map((row) => [row.arg_id, row]),
    );
    let seen = 0;
    for (const group of await loadArgKp()) {
      const stance = group.stance === 'pro' ? '1' : '-1';
      const own = keyPoints.filter((kp) => kp.topic === group.topic && kp.stance === stance);
      expect(group.keyPoints.map((kp) => kp.id)).toEqual(own.map((kp) => kp.key_point_id));
      expect(group.keyPoints.map((kp) => kp.text)).toEqual(own.map((kp) => kp.key_point));
      group.argumentIds.forEach((id, i) => {
        const row = expected.get(id);
        expect([row?.topic, row?.stance, row?.argument]).toEqual([
          group.topic,
          stance,
          group.texts[i],
        ]);
        expect(group.keyPoints[group.labels[i] ?? -1]?.id).toBe(row?.key_point_ids);
        seen++;
      });
    }
    expect(seen).toBe(expected.size);
  });

  it('names the file and line of an inconsistent row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-argkp-'));
    await cp(ARGKP_DIR, dir, { recursive: true });
    const file = join(dir, 'args_with_keypoint_labels.csv');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[2] = (lines[2] as string).replace(',kp_0_2,', ',kp_9_0,');
    await writeFile(file, lines.join('\n'));
    const error = await loadArgKp(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe(
      'args_with_keypoint_labels.csv:3: arg_0_1: key point "kp_9_0" is of another motion or stance than the argument',
    );
    expect((error as InputError).line).toBe(3);
  });

  it('names the file, line and field of a malformed row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-argkp-'));
    await cp(ARGKP_DIR, dir, { recursive: true });
    const file = join(dir, 'kpm_data/key_points_dev.csv');
    const lines = (await readFile(file, 'utf8')).split('\n');
    lines[1] = (lines[1] as string).replace(/,-?1$/, ',pro');
    await writeFile(file, lines.join('\n'));
    await expect(loadArgKp(dir)).rejects.toThrow(/^kpm_data\/key_points_dev\.csv:2: stance: /);
  });
});
