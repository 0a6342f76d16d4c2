import { describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { rowOf } from '../../pipeline/matrix.js';
import { loadWordVectors } from '../../pipeline/nlp/word-vectors.js';
import { createOfflineEmbeddings } from '../../pipeline/providers/offline-embeddings.js';

const GERMAN = [
  'Der Radweg auf der Venloer Straße ist zu schmal.',
  'Autos parken ständig auf dem Radweg.',
  'Die Ampel an der Kreuzung ist für Radfahrer zu kurz.',
  'Der Radweg endet plötzlich an der Kreuzung.',
];
const ENGLISH = ['The bike lane on Main Street is too narrow.', 'Cars park in the bike lane.'];

async function embed(texts: string[], languages: string[]) {
  const words = await loadWordVectors(defaultCacheDir(process.env));
  const warnings: string[] = [];
  const provider = createOfflineEmbeddings({ words });
  const matrix = await provider.embed(texts, {
    signal: new AbortController().signal,
    languages,
    onWarning: (message) => warnings.push(message),
  });
  return { matrix, warnings, dims: words.dims };
}

describe('offline embeddings per language', () => {
  it('uses the English word vectors for English texts only', async () => {
    const texts = [...GERMAN, ...ENGLISH];
    const { matrix, dims } = await embed(texts, [...GERMAN.map(() => 'de'), 'en', 'en']);
    const wordPart = (i: number) => rowOf(matrix, i).subarray(0, dims);
    for (let i = 0; i < GERMAN.length; i++) expect(wordPart(i).some((x) => x !== 0)).toBe(false);
    expect(wordPart(GERMAN.length).some((x) => x !== 0)).toBe(true);
  });

  it('warns once when most texts are in a language without word vectors', async () => {
    const mostlyGerman = await embed(
      [...GERMAN, ENGLISH[0] as string],
      ['de', 'de', 'de', 'de', 'en'],
    );
    expect(mostlyGerman.warnings).toHaveLength(1);
    expect(mostlyGerman.warnings[0]).toMatch(/4 of 5 passages are not in English.*TF-IDF/);
    const english = await embed(ENGLISH, ['en', 'en']);
    expect(english.warnings).toEqual([]);
  });
});
