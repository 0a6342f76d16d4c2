import { describe, expect, it } from 'vitest';
import { applyReview, ReviewApplication } from '../../pipeline/review/apply.js';
import type { PassageFacts } from '../../pipeline/review/review-state.js';
import type { ReviewAction } from '../../schemas/review.js';
import { facts, foundThemes, logOf, ref } from './fixture.js';

const TEXTS: Record<string, string> = {
  'c1#1': 'More buses on the bus route to school.',
  'c1#2': 'A dog park by the river.',
  'c2#1': 'The bus route is late and the buses are full.',
  'c2#2': 'Street lights near the park at night.',
  'c3#1': 'Safe bike lanes for children.',
  'c3#2': 'Paint bike lanes on Main Street.',
  'c4#1': 'Bike lanes and bus lanes.',
  'c4#2': 'The rent is too high for young families.',
  'c5#1': 'Rent control would help young families.',
  'c5#2': 'Build social housing for tenants.',
  'c6#1': 'Street lights at night.',
  'c6#2': 'Police patrols at night.',
  'c7#1': 'Rent caps for tenants now.',
  'c7#2': 'The rent is rising.',
};

const found = foundThemes();

/** The fixture's facts with texts, the Safety theme worded by the taxonomy. */
function worded(): PassageFacts {
  return {
    ...facts(),
    text: {
      textOf: (id) => TEXTS[id] ?? '',
      languageOf: () => 'en',
      context: new Set(),
      taxonomy: new Map([['safety', { description: 'Configured.', keywords: ['safety'] }]]),
    },
  };
}

function review(...actions: ReviewAction[]) {
  const reviewed = applyReview(found, logOf(...actions), worded(), null);
  return {
    reviewed,
    theme: (id: string) => reviewed.themes.find((t) => t.id === id),
  };
}

describe('wording that follows the review', () => {
  it('rewords a theme whose passages changed: keywords, description and sub-theme label', () => {
    const { theme } = review({
      kind: 'move',
      passages: ['c4#2', 'c5#1', 'c7#1', 'c7#2'],
      to: ref(found, 't1.2'),
    });
    const cycling = theme('t1.2');
    expect(cycling?.keywords).toContain('rent');
    expect(cycling?.description).toMatch(/\(6 passages\)\.$/);
    expect(cycling?.label).not.toBe('Cycling');
    expect(cycling?.label.toLowerCase()).not.toBe('transport');
    expect(theme('t1')?.keywords).toContain('rent');
    expect(theme('t1')?.label).toBe('Transport');
    expect(theme('t2')?.description).toMatch(/\(2 passages\)\.$/);
    // Themes whose passages did not change keep their wording.
    expect(theme('t1.1')).toMatchObject({ label: 'Buses', keywords: ['buses'] });
  });

  it('keeps an automatic sub-theme label while most of its passages are those it was found with', () => {
    const { theme } = review({ kind: 'move', passages: ['c4#1'], to: ref(found, 't1.2') });
    const cycling = theme('t1.2');
    // Two of its three passages are the two it was found with: the label still fits.
    expect(cycling?.label).toBe('Cycling');
    expect(cycling?.description).toMatch(/\(3 passages\)\.$/);
  });

  it('keeps a label a reviewer wrote, and a taxonomy theme its configured wording', () => {
    const { theme, reviewed } = review(
      { kind: 'rename', theme: ref(found, 't1.1'), label: 'Coaches' },
      { kind: 'move', passages: ['c3#1', 'c6#2'], to: ref(found, 't1.1') },
    );
    expect(theme('t1.1')?.label).toBe('Coaches');
    expect(theme('t1.1')?.keywords).not.toEqual(['buses']);
    expect(reviewed.review.themes['t1.1']?.labelled).toBe(true);
    // Safety lost a passage, but its wording is the taxonomy's: it stays as found.
    expect(theme('safety')?.passageIds).not.toContain('c6#2');
    expect(theme('safety')).toMatchObject({
      description: 'Safety description',
      keywords: ['safety'],
    });
  });

  it('words the themes the same decision by decision (the app) as all at once (the stage)', () => {
    const actions: ReviewAction[] = [
      { kind: 'move', passages: ['c4#2', 'c7#1'], to: ref(found, 't1.2') },
      { kind: 'move', passages: ['c5#1', 'c7#2'], to: ref(found, 't1.1') },
      { kind: 'move', passages: ['c3#1'], to: ref(found, 't2.2') },
      { kind: 'rename', theme: ref(found, 't1'), label: 'Rent' },
    ];
    const log = logOf(...actions);
    const app = ReviewApplication.of(found, logOf(...actions.slice(0, 1)), worded());
    for (let n = 1; n < actions.length; n++) {
      app.result(null);
      app.extend(log.decisions.slice(n, n + 1));
    }
    const atOnce = applyReview(found, log, worded(), null);
    expect(atOnce.themes.find((t) => t.id === 't1.2')?.keywords).toContain('rent');
    expect(app.result(null).themes).toEqual(atOnce.themes);
    const labels = new Map(atOnce.themes.map((t) => [t.id, t.label.toLowerCase()]));
    for (const t of atOnce.themes)
      if (t.parentId) expect(t.label.toLowerCase()).not.toBe(labels.get(t.parentId));
  });

  it('rewords nothing on a rename alone, nor without the passages text', () => {
    const { theme } = review({ kind: 'rename', theme: ref(found, 't1.2'), label: 'Bikes' });
    expect(theme('t1.2')).toMatchObject({ label: 'Bikes', keywords: ['cycling'] });
    const plain = applyReview(
      found,
      logOf({ kind: 'move', passages: ['c4#2'], to: ref(found, 't1.2') }),
      facts(),
      null,
    );
    expect(plain.themes.find((t) => t.id === 't1.2')?.keywords).toEqual(['cycling']);
  });
});
