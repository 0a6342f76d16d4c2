// Loads the Cycling Dialogues corpus (eval/cycling-de): German contributions in 8 categories.
import { join } from 'node:path';
import { type CyclingCategory, CyclingDeRow } from '../../../schemas/cycling-de.js';
import { PACKAGE_ROOT } from '../../package-info.js';
import { readCsvRows } from './csv-rows.js';
import type { EvalGroup } from './eval-group.js';

/** The bundled copy of the corpus that the eval reads. */
export const CYCLING_DE_DIR = join(PACKAGE_ROOT, 'eval', 'cycling-de');

/**
 * The taxonomy a facilitator of this German consultation would write: the categories' short
 * German names. Kept here rather than in the data file, which stays as published.
 */
export const CYCLING_THEMES: Readonly<Record<CyclingCategory, string>> = {
  cycle_path_quality: 'Qualität der Radwege',
  traffic_lights: 'Ampeln',
  bicycle_parking: 'Fahrradparken',
  obstacles: 'Hindernisse',
  signage: 'Beschilderung',
  lighting: 'Beleuchtung',
  cycling_traffic_management: 'Radverkehrsführung',
  misc: 'Sonstiges',
};

/**
 * The corpus as one eval group: each contribution's title and text (one passage), labelled by
 * its main category, with the German theme names as the taxonomy. Throws an InputError naming
 * the line of a bad row.
 * @param dir the folder holding `dataset.csv`; default: the bundled `eval/cycling-de`.
 */
export async function loadCyclingDe(dir: string = CYCLING_DE_DIR): Promise<EvalGroup> {
  const rows = await readCsvRows(dir, 'dataset.csv', CyclingDeRow);
  const categories = Object.keys(CYCLING_THEMES) as CyclingCategory[];
  return {
    name: 'Cycling Dialogues Köln-Ehrenfeld and Moers',
    language: 'de',
    classes: categories.map((category) => CYCLING_THEMES[category]),
    texts: rows.map(({ row }) => [row.title.trim(), row.text.trim()].filter(Boolean).join('\n\n')),
    labels: Int32Array.from(rows, ({ row }) => categories.indexOf(row.main_category_level1)),
  };
}
