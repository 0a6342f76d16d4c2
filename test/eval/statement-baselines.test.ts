import { describe, expect, it } from 'vitest';
import { cueKinds, cueStatementKind } from '../../pipeline/eval/cue-baseline.js';
import { openingStance } from '../../pipeline/eval/opening-baseline.js';

describe('the cue-word baseline of kinds', () => {
  it('keeps the old classifier and adds praise, nothing to change and self-description', () => {
    expect(cueKinds('The council should add benches.')).toEqual(['proposal']);
    expect(cueStatementKind('The council should add benches.')).toBe('proposal');
    expect(cueKinds('Staff were very helpful and friendly.')).toEqual(['praise']);
    expect(cueKinds('Nothing, keep it as it is.')).toEqual(['nothing_to_change']);
    expect(cueKinds("I'm a retired teacher.")).toEqual(['self_description']);
    expect(cueKinds('Great staff, but parking is a problem.')).toEqual(['concern', 'praise']);
    expect(cueKinds('The park opened in 1990.')).toEqual(['other']);
  });
});

describe('the opening-word baseline of stance', () => {
  it('reads a yes or a no at the opening, in the languages the tool reads', () => {
    expect(openingStance('Yes, the air would be cleaner.')).toBe('favour');
    expect(openingStance('"Absolutely."')).toBe('favour');
    expect(openingStance('Nein, das ist zu teuer.')).toBe('against');
    expect(openingStance('Sí, claro.')).toBe('favour');
    expect(openingStance('Non.')).toBe('against');
    expect(openingStance('No. Shops would lose customers.')).toBe('against');
  });

  it('leaves the rest unclear, "No more ..." included', () => {
    expect(openingStance('No more cars in the centre!')).toBe('unclear');
    expect(openingStance('Shops would lose customers. No.')).toBe('unclear');
    expect(openingStance('Nobody asked us.')).toBe('unclear');
  });
});
