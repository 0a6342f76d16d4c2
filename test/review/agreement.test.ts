import { describe, expect, it } from 'vitest';
import { reviewAgreementAnnex, reviewMethodology } from '../../pipeline/brief/review-text.js';
import { reviewAgreement } from '../../pipeline/review/agreement.js';
import { ReviewApplication } from '../../pipeline/review/apply.js';
import type { ReviewAction } from '../../schemas/review.js';
import { ReviewAgreement } from '../../schemas/review-summary.js';
import { facts, foundThemes, logOf, PASSAGES, ref } from './fixture.js';

const found = foundThemes();

function summary(...actions: ReviewAction[]) {
  const application = ReviewApplication.of(found, logOf(...actions), facts());
  const reviewed = application.result(null);
  const agreement = ReviewAgreement.parse(
    reviewAgreement(found, reviewed, (id) => application.successorOf(id)),
  );
  return { agreement, reviewed: { ...reviewed, review: { ...reviewed.review, agreement } } };
}

describe('how much of the tool assignment the review kept', () => {
  it('counts passages kept, moved and excluded, overall once and per found theme', () => {
    const { agreement } = summary(
      { kind: 'rename', theme: ref(found, 't1'), label: 'Mobility' },
      { kind: 'move', passages: ['c1#1', 'c7#1'], to: ref(found, 't2') },
      { kind: 'exclude', target: { passage: 'c2#2' }, reason: 'spam', note: '' },
    );
    expect(agreement.overall).toEqual({
      passages: PASSAGES.length,
      kept: PASSAGES.length - 3,
      moved: 2,
      excluded: 1,
    });
    const byId = new Map(agreement.themes.map((t) => [t.id, t]));
    expect(byId.get('t1')).toMatchObject({ passages: 5, kept: 4, moved: 1, excluded: 0 });
    expect(byId.get('t1')?.now).toEqual({ id: 't1', label: 'Mobility' });
    expect(byId.get('other')).toMatchObject({ passages: 3, kept: 2, moved: 1 });
    expect(byId.get('safety')).toMatchObject({ passages: 3, kept: 2, excluded: 1 });
    expect(agreement.merged).toEqual([]);
  });

  it('counts a merge as kept and reports it; a passage in two themes is kept if in either', () => {
    const { agreement } = summary({
      kind: 'merge',
      themes: [ref(found, 'safety')],
      into: ref(found, 't2'),
    });
    expect(agreement.overall.moved).toBe(0);
    expect(agreement.merged).toEqual([
      { id: 'safety', label: 'Safety', into: 't2', intoLabel: 'Housing' },
    ]);
  });

  it('says it in the methodology, and per theme in an annex table', () => {
    const { reviewed } = summary(
      { kind: 'move', passages: ['c1#1', 'c7#1'], to: ref(found, 't2') },
      { kind: 'exclude', target: { passage: 'c2#2' }, reason: 'spam', note: '' },
      { kind: 'merge', themes: [ref(found, 'safety')], into: ref(found, 't2') },
    );
    const text = reviewMethodology(reviewed);
    expect(text).toContain(
      "The review kept the tool's theme for 79% of the 14 passages; 14% were moved to another theme and 7% excluded.",
    );
    expect(text).toContain(
      'Themes merged into another count as kept, not moved: Safety into Housing.',
    );
    const renamed = summary({ kind: 'rename', theme: ref(found, 't1'), label: 'Mobility' });
    expect(reviewMethodology(renamed.reviewed)).toContain(
      "The review kept the tool's theme for all 14 passages.",
    );
    expect(reviewAgreementAnnex(renamed.reviewed.review)).toEqual([]);
    const annex = reviewAgreementAnnex(reviewed.review);
    expect(annex[0]).toBe('### What the review changed');
    expect(annex).toContain('| Transport | 5 | 4 | 1 | 0 | Transport |');
    expect(annex).toContain('| Safety | 3 | 2 | 0 | 1 | Housing |');
  });
});
