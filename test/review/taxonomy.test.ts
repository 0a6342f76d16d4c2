import { describe, expect, it } from 'vitest';
import { reviewedTaxonomy } from '../../pipeline/review/taxonomy.js';
import type { TaxonomyTheme } from '../../schemas/consultation.js';
import type { ReviewAction, ThemeRef } from '../../schemas/review.js';
import { foundThemes, logOf, ref } from './fixture.js';

const found = foundThemes();
const TAXONOMY: TaxonomyTheme[] = [
  {
    id: 'safety',
    label: 'Safety',
    description: 'Feeling safe',
    keywords: ['safe'],
    examples: ['Dark streets'],
  },
];

function pin(theme: ThemeRef, passage: string, pinned: boolean, text: string): ReviewAction {
  return { kind: 'pin', theme, passage, as: 'example', pinned, text };
}

describe('reviewedTaxonomy', () => {
  it('is the config taxonomy without a log, and never changes the config objects', () => {
    const taxonomy = structuredClone(TAXONOMY);
    expect(reviewedTaxonomy(taxonomy, null)).toEqual(TAXONOMY);
    reviewedTaxonomy(taxonomy, logOf(pin(ref(found, 'safety'), 'c6#2', true, 'Unlit path')));
    expect(taxonomy).toEqual(TAXONOMY);
  });

  it('adds pinned examples to a taxonomy theme, not unpinned ones nor quotes', () => {
    const safety = ref(found, 'safety');
    const log = logOf(
      pin(safety, 'c6#2', true, 'The path by the park is unlit'),
      pin(safety, 'c2#2', true, 'Speeding cars'),
      pin(safety, 'c2#2', false, 'Speeding cars'),
      { kind: 'pin', theme: safety, passage: 'c6#1', as: 'quote', pinned: true, text: 'Quote' },
      // An example on an emergent theme has no taxonomy theme to join.
      pin(ref(found, 't1'), 'c1#1', true, 'More buses'),
    );
    expect(reviewedTaxonomy(TAXONOMY, log)).toEqual([
      { ...TAXONOMY[0], examples: ['Dark streets', 'The path by the park is unlit'] },
    ]);
  });

  it('adds promoted themes under promoted-<n>, with their last renamed label', () => {
    const log = logOf(
      { kind: 'rename', theme: ref(found, 't2'), label: 'Homes' },
      {
        kind: 'promote',
        theme: { ...ref(found, 't2'), label: 'Homes' },
        description: 'Rents and building',
        keywords: ['rent', 'housing'],
        examples: ['Rents are too high'],
      },
      {
        kind: 'rename',
        theme: { ...ref(found, 't2'), id: 'promoted-2', label: 'Homes' },
        label: 'Affordable homes',
      },
      pin({ ...ref(found, 't2'), id: 'promoted-2' }, 'c5#2', true, 'Build social housing'),
    );
    expect(reviewedTaxonomy(TAXONOMY, log)).toEqual([
      TAXONOMY[0],
      {
        id: 'promoted-2',
        label: 'Affordable homes',
        description: 'Rents and building',
        keywords: ['rent', 'housing'],
        examples: ['Rents are too high', 'Build social housing'],
      },
    ]);
  });

  it('leaves out an undone promotion', () => {
    const log = logOf(
      { kind: 'promote', theme: ref(found, 't1'), description: '', keywords: [], examples: [] },
      { kind: 'undo', decision: 1 },
    );
    expect(reviewedTaxonomy(TAXONOMY, log)).toEqual(TAXONOMY);
  });
});
