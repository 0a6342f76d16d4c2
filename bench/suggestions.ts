// `npm run bench -- suggestions`: the review app's suggestions and misfits on 100,000 passages.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactData, ArtifactName } from '../pipeline/artifacts.js';
import { createMatrix, normalise, rowOf } from '../pipeline/matrix.js';
import { createRandom, gaussian } from '../pipeline/random.js';
import { indexPassages } from '../pipeline/review/passage-index.js';
import { answerMisfits, answerSuggestions } from '../pipeline/review/suggest-api.js';
import type { Vectors } from '../pipeline/vectors-file.js';
import type { Themes } from '../schemas/themes.js';
import { fakeRun } from './review.js';
import { corpusSession, reviewCorpus } from './review-corpus.js';

/** Dimensions of the synthetic vectors: those of the offline provider (300 + 100). */
const DIMS = 400;

/**
 * Suggestions and misfits on `passages` synthetic passages (default 100,000) with vectors
 * clustered by top-level theme: the first request (which loads the vectors), "N more look like
 * these" after a move of 50 passages, "more like this" on one, and the misfits of the
 * 10,000-passage theme and of a small one.
 */
export async function benchSuggestions(passages: number): Promise<string> {
  const corpus = reviewCorpus(passages);
  const outDir = await mkdtemp(join(tmpdir(), 'brief-bench-suggest-'));
  try {
    const run = await fakeRun(outDir, vectorsOnly(clusteredVectors(corpus.themes, passages)));
    const session = corpusSession(run, corpus);
    const index = indexPassages(session);
    const lines = [`suggestions on ${passages.toLocaleString('en')} passages`];
    const time = async (what: string, act: () => Promise<{ status: number; body: unknown }>) => {
      const started = performance.now();
      const answer = await act();
      const ms = performance.now() - started;
      if (answer.status !== 200) throw new Error(`${what}: ${JSON.stringify(answer.body)}`);
      const count = (answer.body as { items: unknown[] }).items.length;
      lines.push(`  ${what.padEnd(52)} ${ms.toFixed(1).padStart(8)} ms  (${count} items)`);
    };
    const [big, , , target] = session.state().themes.filter((t) => t.parentId === null);
    if (!big || !target) throw new Error('the benchmark corpus has too few themes');
    const moved = big.passageIds.slice(100, 150);
    const suggest = (like: string[]) =>
      answerSuggestions(session, index, { like, target: { theme: target.id }, limit: 20 });
    await time('first request (loads the vectors)', () => suggest(moved.slice(0, 3)));
    const ref = { id: target.id, label: target.label, anchor: target.passageIds.slice(0, 10) };
    await session.decide([{ kind: 'move', passages: moved, to: ref }], 0, 'bench');
    await time('after a move of 50 passages: 20 more like these', () => suggest(moved));
    await time('again (same state)', () => suggest(moved));
    await time('more like this (one passage)', () => suggest([big.passageIds[500] ?? '']));
    const small = session.state().themes.find((t) => t.passageIds.length < 5000);
    await time(`misfits of a ${big.passageIds.length.toLocaleString('en')}-passage theme`, () =>
      answerMisfits(session, index, big.id, '20'),
    );
    if (small)
      await time(`misfits of a ${small.passageIds.length.toLocaleString('en')}-passage theme`, () =>
        answerMisfits(session, index, small.id, '20'),
      );
    return lines.join('\n');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/** A run's `load` that has the vectors and nothing else. */
export function vectorsOnly(vectors: Vectors) {
  return async <K extends ArtifactName>(name: K): Promise<ArtifactData<K>> => {
    if (name !== 'vectors') throw new Error(`the benchmark run has no ${name}`);
    return vectors as ArtifactData<K>;
  };
}

/** Unit vectors around one random centre per top-level theme (the theme a passage is in first). */
export function clusteredVectors(themes: Themes, passages: number): Vectors {
  const random = createRandom(7);
  const top = themes.themes.filter((t) => t.parentId === null);
  const centres = top.map(() => Float32Array.from({ length: DIMS }, () => gaussian(random)));
  const themeOf = new Map<string, number>();
  top.forEach((theme, t) => {
    for (const id of theme.passageIds) if (!themeOf.has(id)) themeOf.set(id, t);
  });
  const ids = [...themeOf.keys(), ...themes.other.passageIds].slice(0, passages);
  const matrix = createMatrix(ids.length, DIMS);
  ids.forEach((id, i) => {
    const row = rowOf(matrix, i);
    const centre = centres[themeOf.get(id) ?? 0] as Float32Array;
    for (let k = 0; k < DIMS; k++) row[k] = (centre[k] as number) + 1.5 * gaussian(random);
    normalise(row);
  });
  return { header: { provider: 'bench', dims: DIMS, ids }, matrix };
}
