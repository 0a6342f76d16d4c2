import { describe, expect, it } from 'vitest';
import { buildThemes } from '../../pipeline/themes/build-themes.js';
import { TaxonomyTheme } from '../../schemas/consultation.js';
import { expectThemeInvariants, themesInput, unitRows } from '../helpers/themes.js';

const LIMITS = { maxThemes: 12, maxSubthemes: 6 };
const BUS = 'We need more buses on the west side routes.';

describe('buildThemes', () => {
  it('puts twenty identical passages in one theme', () => {
    const vectors = unitRows(Array.from({ length: 20 }, () => [0.3, 0.5, 0.8, 0.1]));
    const input = themesInput(vectors, { texts: Array.from({ length: 20 }, () => BUS) });
    const themes = buildThemes(input);
    expectThemeInvariants(themes, input.passages.ids, LIMITS);
    expect(themes.themes).toHaveLength(1);
    expect([...(themes.themes[0]?.passageIds ?? [])].sort()).toEqual(
      [...input.passages.ids].sort(),
    );
    expect(themes.themes[0]?.participantCount).toBe(20);
    expect(themes.other.passageIds).toEqual([]);
  });

  it('sends rows with nothing to cluster on to other', () => {
    const rows = Array.from({ length: 12 }, (_, i) => (i % 4 === 0 ? [0, 0, 0] : [1, 0.1, 0]));
    const input = themesInput(unitRows(rows));
    const themes = buildThemes(input);
    expectThemeInvariants(themes, input.passages.ids, LIMITS);
    expect(themes.other.passageIds).toEqual(['p0', 'p4', 'p8']);
  });

  it('sends a group voiced by too few participants to other', () => {
    const rows = Array.from({ length: 12 }, (_, i) => (i < 6 ? [1, 0, 0.1 * i] : [0, 1, 0.1 * i]));
    const input = themesInput(unitRows(rows));
    const participantsOf = input.passages.participantsOf.map((a, i) => (i < 6 ? ['same'] : a));
    const themes = buildThemes({ ...input, passages: { ...input.passages, participantsOf } });
    expectThemeInvariants(themes, input.passages.ids, LIMITS);
    expect(themes.other.passageIds).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    expect(themes.themes.map((t) => t.passageIds.length)).toEqual([6]);
  });

  it('puts a passage between two taxonomy themes in both, and clusters the rest', () => {
    const taxonomy = [
      TaxonomyTheme.parse({ id: 'buses', label: 'Buses' }),
      TaxonomyTheme.parse({ id: 'parks', label: 'Parks' }),
    ];
    const taxonomyVectors = unitRows([
      [1, 0, 0, 0],
      [0, 1, 0, 0],
    ]);
    const rows = [
      [1, 0.05, 0, 0], // p0-p2: buses
      [1, 0, 0.05, 0],
      [1, 0.02, 0, 0.02],
      [0.05, 1, 0, 0], // p3-p5: parks
      [0, 1, 0.05, 0],
      [0.02, 1, 0.02, 0],
      [1, 1, 0, 0], // p6: buses and parks alike
      ...Array.from({ length: 6 }, (_, i) => [0, 0, 1, 0.05 * i]), // p7-p12: something else
    ];
    // Almost half the passages are off-taxonomy, too many for the relative rule: a set cut-off.
    const settings = { guidedThreshold: 0.1 };
    const input = themesInput(unitRows(rows), { taxonomy, taxonomyVectors, settings });
    const themes = buildThemes(input);
    expectThemeInvariants(themes, input.passages.ids, LIMITS);
    const byId = new Map(themes.themes.map((t) => [t.id, t]));
    expect(byId.get('buses')?.origin).toEqual({ kind: 'guided', themeId: 'buses' });
    expect(byId.get('buses')?.label).toBe('Buses');
    expect(byId.get('buses')?.passageIds.sort()).toEqual(['p0', 'p1', 'p2', 'p6']);
    expect(byId.get('parks')?.passageIds.sort()).toEqual(['p3', 'p4', 'p5', 'p6']);
    const emergent = themes.themes.filter((t) => t.origin.kind === 'emergent');
    expect(emergent.map((t) => t.passageIds.length)).toEqual([6]);
  });

  it('moves a passage to the theme whose examples share its wording', () => {
    const texts = ['The evening timetable leaves commuters stranded', 'Swings for toddlers'];
    // By their vectors both passages lean to Streets; only the words can move them.
    const vectors = unitRows([
      [1, 0.8, 0.2],
      [1, 0.8, -0.2],
    ]);
    const taxonomyVectors = unitRows([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    const guidedIds = (examples: string[]) => {
      const taxonomy = [
        TaxonomyTheme.parse({ id: 'streets', label: 'Streets' }),
        TaxonomyTheme.parse({ id: 'services', label: 'Services', examples }),
      ];
      // Each example's vector as neutral as can be: only its words move the passage.
      const exampleVectors = unitRows(examples.map(() => [1, 1, 0]));
      const input = themesInput(vectors, { taxonomy, taxonomyVectors, exampleVectors, texts });
      return buildThemes(input).themes.find((t) => t.id === 'services')?.passageIds ?? [];
    };
    expect(guidedIds([])).not.toContain('p0');
    expect(guidedIds(['The timetable changed again in the evening'])).toContain('p0');
  });

  it('leaves out a taxonomy theme no passage is close to', () => {
    const taxonomy = [TaxonomyTheme.parse({ id: 'tax', label: 'Taxes' })];
    const input = themesInput(
      unitRows([
        [1, 0, 0],
        [1, 0, -0.1],
        [1, 0, 0.1],
      ]),
      {
        taxonomy,
        taxonomyVectors: unitRows([[0, 1, 0]]),
      },
    );
    const themes = buildThemes(input);
    expectThemeInvariants(themes, input.passages.ids, LIMITS);
    expect(themes.themes.map((t) => t.id)).not.toContain('tax');
  });
});
