import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { intentLabel, loadBanking77 } from '../../pipeline/eval/datasets/banking77.js';
import { CYCLING_THEMES, loadCyclingDe } from '../../pipeline/eval/datasets/cycling-de.js';
import { singlyLabelled, trueCount } from '../../pipeline/eval/datasets/eval-group.js';

async function folderWith(file: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-eval-data-'));
  await writeFile(join(dir, file), text);
  return dir;
}

describe('loadBanking77', () => {
  it('names intents as a user would write themes', () => {
    expect(intentLabel('card_arrival')).toBe('Card arrival');
    expect(intentLabel('Refund_not_showing_up')).toBe('Refund not showing up');
    expect(intentLabel('reverted_card_payment?')).toBe('Reverted card payment?');
  });

  it('reads the bundled test set: 3,080 queries in 77 intents of 40', async () => {
    const group = await loadBanking77();
    expect(group.texts).toHaveLength(3080);
    expect(group.classes).toHaveLength(77);
    expect(group.classes[0]).toBe('Card arrival');
    expect(trueCount(group)).toBe(77);
    const quick = await loadBanking77({ perIntent: 5 });
    expect(quick.texts).toHaveLength(385);
    expect(quick.texts.slice(0, 5)).toEqual(group.texts.slice(0, 5));
  });

  it('reads quoted fields with newlines and commas, and names the line of a bad row', async () => {
    const dir = await folderWith(
      'test.csv',
      'text,category\n"Where is my card,\nI ordered it weeks ago?",card_arrival\nHow do I top up?,top_up\n',
    );
    const group = await loadBanking77({ dir });
    expect(group.texts[0]).toBe('Where is my card,\nI ordered it weeks ago?');
    expect([...group.labels]).toEqual([0, 1]);
    expect(group.classes).toEqual(['Card arrival', 'Top up']);
    const bad = await folderWith('test.csv', 'text,category\n"A\nquery",card_arrival\n ,top_up\n');
    const error = await loadBanking77({ dir: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toMatch(/^test\.csv:4: text: /);
  });
});

describe('loadCyclingDe', () => {
  const HEADER = 'ID,title,text,main_category_level1,URL\n';

  it('reads title and text as one passage and maps each category to its German theme', async () => {
    const dir = await folderWith(
      'dataset.csv',
      `${HEADER}E1,Ampel zu kurz,"Die Ampel am Ring
ist viel zu kurz grün.",level1_traffic_lights,https://example.org/1
M2,Nur ein Titel,,level1_bicycle_parking,https://example.org/2
`,
    );
    const group = await loadCyclingDe(dir);
    expect(group.language).toBe('de');
    expect(group.texts).toEqual([
      'Ampel zu kurz\n\nDie Ampel am Ring\nist viel zu kurz grün.',
      'Nur ein Titel',
    ]);
    expect(group.classes).toEqual(Object.values(CYCLING_THEMES));
    expect(group.classes[group.labels[0] as number]).toBe('Ampeln');
    expect(group.classes[group.labels[1] as number]).toBe('Fahrradparken');
  });

  it('names the line of an unknown category', async () => {
    const dir = await folderWith(
      'dataset.csv',
      `${HEADER}E1,Titel,"Zwei\nZeilen",level1_traffic_lights,u\nE2,Titel,Text,level1_potholes,u\n`,
    );
    await expect(loadCyclingDe(dir)).rejects.toThrow(/^dataset\.csv:4: main_category_level1: /);
  });

  it('reads the bundled corpus: 825 contributions in 8 categories', async () => {
    const group = await loadCyclingDe();
    expect(group.texts).toHaveLength(825);
    expect(trueCount(group)).toBe(8);
    expect(singlyLabelled(group).texts).toHaveLength(825);
    const counts = group.classes.map((_, c) => group.labels.filter((l) => l === c).length);
    expect(counts[group.classes.indexOf('Radverkehrsführung')]).toBe(417);
    expect(counts[group.classes.indexOf('Beleuchtung')]).toBe(11);
  });
});
