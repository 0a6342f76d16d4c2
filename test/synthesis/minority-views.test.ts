// Minority views state a view: not who their author is, praise, or that nothing needs to change.
import { describe, expect, it } from 'vitest';
import { createMatrix, normalise, rowOf } from '../../pipeline/matrix.js';
import type {
  SynthesisCorpus,
  SynthesisPassage,
} from '../../pipeline/synthesis/findings/corpus.js';
import { minorityViews } from '../../pipeline/synthesis/findings/minority.js';
import { ownPassage } from '../helpers/passages.js';

/** A theme of ten passages along one axis, and outvoted comments along others. */
function themeWith(outvoted: readonly string[]): {
  corpus: SynthesisCorpus;
  passages: SynthesisPassage[];
} {
  const main = Array.from({ length: 10 }, (_, i) =>
    ownPassage(`The ward should hire more night nurses for patients, number ${i + 1}.`),
  );
  const odd = outvoted.map((text) => ({
    ...ownPassage(text),
    questionId: 'q1',
    votes: { agrees: 2, disagrees: 20, passes: 0 },
  }));
  const passages = [...main, ...odd];
  const vectors = createMatrix(Math.max(...passages.map((p) => p.index)) + 1, 8);
  passages.forEach((p, i) => {
    const row = rowOf(vectors, p.index);
    row[i < main.length ? 0 : 1 + (i - main.length)] = 1;
    normalise(row);
  });
  const questions = [{ id: 'q1', text: 'What could we do better?' }];
  const corpus = { vectors, config: { questions } } as unknown as SynthesisCorpus;
  return { corpus, passages };
}

describe('minorityViews', () => {
  it('leaves out praise, nothing-to-change answers and self-descriptions, keeping a view', () => {
    const { corpus, passages } = themeWith([
      'The nurses were lovely and very kind to me.',
      'Nothing, everything was perfect.',
      'I am a retired teacher from the east side.',
      'The ward should close its visiting hours at six in the evening.',
    ]);
    const centre = new Float32Array(8);
    centre[0] = 1;
    const views = minorityViews(corpus, passages, [
      { passages: passages.slice(0, 10), centre, label: 'night nurses' },
    ]);
    expect(views.map((v) => v.text)).toEqual([
      'The ward should close its visiting hours at six in the evening.',
    ]);
  });
});
