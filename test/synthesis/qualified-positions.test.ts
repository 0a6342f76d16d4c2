import { describe, expect, it } from 'vitest';
import { type Claim, questionClaim } from '../../pipeline/synthesis/reading/en/claim.js';
import { qualifiedPosition } from '../../pipeline/synthesis/reading/en/qualified.js';
import { qualifiedStance } from '../../pipeline/synthesis/reading/stance.js';

const vaccination = questionClaim('Should vaccination be compulsory?') as Claim;
const legalise = questionClaim('Should we legalize cannabis?') as Claim;

describe('qualifiedPosition (English)', () => {
  it.each([
    'Only if the vaccine is proven safe.',
    'Yes, but only if the vaccine is proven safe.',
    'As long as it is regulated, homeschooling can be a rewarding experience.',
    'It should be allowed as long as the children are inspected every year.',
    'I support it, provided that exemptions exist for medical reasons.',
    'Cannabis should not be legalized unless the link with psychosis is disproven.',
    'It depends on whether there are enough buses to the centre.',
    'Quarantine yes, forced vaccination no.',
    'Yes to masks in hospitals, no to masks in schools.',
  ])('reads "%s" as conditional', (sentence) => {
    expect(qualifiedPosition(sentence, vaccination)).toBe('conditional');
  });

  it.each([
    'There should be a public option beside private insurance.',
    'We should regulate it rather than ban it outright.',
    'Decriminalise it instead of legalizing it.',
    'A middle ground would be a licence for small growers.',
    'We need to strike a balance between safety and freedom.',
  ])('reads "%s" as a compromise', (sentence) => {
    expect(qualifiedPosition(sentence, legalise)).toBe('compromise');
  });

  it.each([
    'Maybe, it depends.',
    'People should be allowed to work as long as they want to.',
    'As long as nuclear weapons exist, the world has to worry.',
    'Schools should be provided with more money.',
    'Voting should come from the heart rather than from a fear of fines.',
    'Selecting sex might throw off the balance between male and female.',
    'Cannabis is a gateway drug.',
    'Yes, definitely.',
  ])('reads "%s" as neither', (sentence) => {
    expect(qualifiedPosition(sentence, legalise)).toBeNull();
  });

  it("takes the claim's own action as a measure a milder one replaces", () => {
    const ban = questionClaim('Should the city ban cars from the old town?') as Claim;
    expect(qualifiedPosition('Slow them down rather than banning them.', ban)).toBe('compromise');
    expect(qualifiedPosition('Close the road rather than widening it.', ban)).toBeNull();
  });
});

describe('qualifiedStance', () => {
  it('reads a contribution from its first sentence that qualifies, in English only', () => {
    const text = 'Vaccines save lives. But only if they are proven safe.';
    expect(qualifiedStance(text, vaccination, 'en')).toBe('conditional');
    expect(qualifiedStance('Nur wenn der Impfstoff sicher ist.', vaccination, 'de')).toBeNull();
  });
});
