import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { ARGKP_DIR, loadArgKp } from '../../pipeline/eval/argkp.js';

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
