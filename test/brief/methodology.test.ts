// The methodology names the taxonomy themes no passage joined, since themes.json leaves them out.
import { describe, expect, it } from 'vitest';
import { describeEmptyTaxonomy } from '../../pipeline/brief/methodology.js';

const TAXONOMY = [
  { id: 'buses', label: 'Buses' },
  { id: 'tax', label: 'Taxes' },
  { id: 'parks', label: 'Parks' },
];

describe('describeEmptyTaxonomy', () => {
  it('lists the taxonomy themes absent from the themes as having no contributions', () => {
    const themes = { themes: [{ id: 'buses' }, { id: 't1' }] } as never;
    expect(describeEmptyTaxonomy(TAXONOMY, themes)).toBe(
      ' Taxonomy themes with no contributions: Taxes, Parks.',
    );
  });

  it('says nothing when every taxonomy theme has passages, or there is no taxonomy', () => {
    const themes = { themes: TAXONOMY.map(({ id }) => ({ id })) } as never;
    expect(describeEmptyTaxonomy(TAXONOMY, themes)).toBe('');
    expect(describeEmptyTaxonomy([], themes)).toBe('');
  });
});
