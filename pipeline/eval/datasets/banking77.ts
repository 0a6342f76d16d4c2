// Loads BANKING77 (eval/banking77): customer queries labelled with one of 77 intents.
import { join } from 'node:path';
import { Banking77Row } from '../../../schemas/banking77.js';
import { PACKAGE_ROOT } from '../../package-info.js';
import { readCsvRows } from './csv-rows.js';
import type { EvalGroup } from './eval-group.js';

/** The bundled copy of BANKING77 that the eval reads. */
export const BANKING77_DIR = join(PACKAGE_ROOT, 'eval', 'banking77');

/** Options of `loadBanking77`. */
export interface Banking77Options {
  /** The folder holding the files; default: the bundled `eval/banking77`. */
  dir?: string;
  /** The file to read; default `test.csv`. */
  file?: string;
  /** Keep only the first this many queries of each intent; default: all. */
  perIntent?: number;
}

/**
 * An intent name as a user would write the theme: `card_arrival` → "Card arrival",
 * `Refund_not_showing_up` → "Refund not showing up".
 */
export function intentLabel(name: string): string {
  const words = name.toLowerCase().replaceAll('_', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * BANKING77 as one eval group: the queries, labelled by intent, with the intents (in order of
 * first appearance) as the taxonomy. Throws an InputError naming the file and line of a bad row.
 */
export async function loadBanking77(options: Banking77Options = {}): Promise<EvalGroup> {
  const file = options.file ?? 'test.csv';
  const rows = await readCsvRows(options.dir ?? BANKING77_DIR, file, Banking77Row);
  const intents = new Map<string, number>();
  const seen = new Map<string, number>();
  const texts: string[] = [];
  const labels: number[] = [];
  for (const { row } of rows) {
    const count = seen.get(row.category) ?? 0;
    seen.set(row.category, count + 1);
    if (count >= (options.perIntent ?? Number.POSITIVE_INFINITY)) continue;
    if (!intents.has(row.category)) intents.set(row.category, intents.size);
    texts.push(row.text);
    labels.push(intents.get(row.category) as number);
  }
  return {
    name: `BANKING77 ${file}`,
    language: 'en',
    classes: [...intents.keys()].map(intentLabel),
    texts,
    labels: Int32Array.from(labels),
  };
}
