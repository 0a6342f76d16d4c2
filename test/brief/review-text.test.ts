import { describe, expect, it } from 'vitest';
import {
  reviewExclusionsAccount,
  reviewedDescription,
  reviewMethodology,
  reviewNotesAnnex,
} from '../../pipeline/brief/review-text.js';
import type { ReviewedThemes, ThemeReview } from '../../schemas/review.js';
import type { Theme } from '../../schemas/themes.js';

function theme(id: string, label: string, parentId: string | null = null): Theme {
  return {
    id,
    label,
    description: `About ${label}.`,
    keywords: [],
    parentId,
    origin: { kind: 'emergent' },
    passageIds: [`${id}-1#1`],
    scores: [1],
    contributionCount: 1,
    participantCount: 1,
    representativeIds: [`${id}-1#1`],
  };
}

function review(overrides: Partial<ThemeReview> = {}): ThemeReview {
  return {
    approved: false,
    promoted: false,
    changed: false,
    newSinceReview: [],
    quotes: [],
    examples: [],
    notes: [],
    ...overrides,
  };
}

/** Two top-level themes (one approved, one not) and a sub-theme, after a small review. */
function reviewed(): ReviewedThemes {
  return {
    themes: [theme('t1', 'Buses'), theme('t1.1', 'Night buses', 't1'), theme('t2', 'Parks *')],
    other: { label: 'Other ideas', passageIds: [] },
    nonEnglishPassageIds: [],
    method: {
      provider: 'offline',
      chosenK: 2,
      criterion: 'modularity',
      labelledBy: null,
      scores: [],
    },
    review: {
      reviewed: true,
      reviewers: ['Ana', 'Ben'],
      counts: { rename: 1, exclude: 2, approve: 1, note: 2 },
      decisions: [
        { n: 1, kind: 'rename', status: 'applied', detail: '"Transport" renamed "Buses"' },
        { n: 2, kind: 'pin', status: 'orphaned', detail: 'passage 9#1 is no longer in "Buses"' },
      ],
      themes: {
        t1: review({ approved: true, described: true, notes: ['Check the *timetable* data.'] }),
        't1.1': review(),
        t2: review(),
      },
      excluded: [
        {
          target: { contribution: '7' },
          reason: 'spam',
          note: 'An advert.',
          passageIds: ['7#1', '7#2'],
        },
        { target: { passage: '8#1' }, reason: 'personal-data', note: '', passageIds: ['8#1'] },
      ],
      notes: ['Reviewed on 3 June.'],
    },
  };
}

describe('what the brief says about the review', () => {
  it('says who reviewed, the decisions in force by kind, the themes not approved and the orphans', () => {
    expect(reviewMethodology(reviewed())).toBe(
      'The themes were reviewed by Ana and Ben: 6 decisions in force (1 rename, 2 exclusions, 1 approval, 2 notes). ' +
        'Top-level themes not approved yet: Parks \\*. ' +
        '1 decision no longer applies to these themes and was left out: decision 2 (pin: passage 9#1 is no longer in "Buses").',
    );
  });

  it('says the themes are as found when nobody reviewed them', () => {
    const themes = reviewed();
    themes.review = { ...themes.review, reviewed: false };
    expect(reviewMethodology(themes)).toBe(
      'The themes are as the tool found them, unreviewed: no facilitator has reviewed them.',
    );
  });

  it('lists notes by theme, then on the whole review, as inert text', () => {
    expect(reviewNotesAnnex(reviewed())).toEqual([
      '### Notes from the review',
      '',
      '**Buses**',
      '',
      '- Check the \\*timetable\\* data.',
      '',
      '**On the review as a whole**',
      '',
      '- Reviewed on 3 June.',
      '',
    ]);
    const none = reviewed();
    none.review = { ...none.review, notes: [], themes: { t1: review() } };
    expect(reviewNotesAnnex(none)).toEqual([]);
  });

  it('accounts for every excluded passage by reason and target', () => {
    expect(reviewExclusionsAccount(reviewed().review)).toEqual([
      'Excluded by a reviewer: 3 passages (spam 2, personal data 1), left out of every finding, count and chart above.',
      '',
      '- Contribution 7 (2 passages): spam. An advert.',
      '- Passage 8#1: personal data',
      '',
    ]);
  });

  it('shows only descriptions a reviewer wrote', () => {
    expect(reviewedDescription(reviewed(), 't1')).toBe('About Buses.');
    expect(reviewedDescription(reviewed(), 't2')).toBe('');
  });
});
