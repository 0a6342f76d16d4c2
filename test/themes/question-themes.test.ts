import { describe, expect, it } from 'vitest';
import { questionRows } from '../../pipeline/stages/themes.js';
import { buildThemes } from '../../pipeline/themes/build-themes.js';
import { baseLabel, tellApart } from '../../pipeline/themes/question-themes.js';
import { TaxonomyTheme } from '../../schemas/consultation.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { Theme } from '../../schemas/themes.js';
import { expectThemeInvariants, themesInput, unitRows } from '../helpers/themes.js';

const LIMITS = { maxThemes: 12, maxSubthemes: 6 };

/**
 * Twenty passages: rows 0-9 answer question `a`, rows 10-19 question `b`. Rows 0-4 and 10-14
 * point the same way (answers to both questions about "information"); 5-9 and 15-19 are each
 * question's own topic.
 */
function twoQuestions() {
  const rows = Array.from({ length: 20 }, (_, i) => {
    const jitter = 0.02 * (i % 5);
    if (i % 10 < 5) return [1, jitter, 0, 0];
    return i < 10 ? [0, 1, jitter, 0] : [0, 0, 1, jitter];
  });
  const texts = rows.map((_, i) =>
    i % 10 < 5
      ? 'Wrong information spreads and nobody checks it.'
      : i < 10
        ? 'Homework help for pupils.'
        : 'Advertising in posts.',
  );
  const input = themesInput(unitRows(rows), { texts });
  const questions = { ids: ['a', 'b'], of: rows.map((_, i) => (i < 10 ? 0 : 1)) };
  return { input, questions };
}

/** The questions (by index) each top-level theme draws passages from. */
function questionsPerTheme(themes: readonly Theme[]): string[][] {
  return themes
    .filter((t) => t.parentId === null)
    .map((t) => [...new Set(t.passageIds.map((id) => (Number(id.slice(1)) < 10 ? 'a' : 'b')))]);
}

describe('themes within each guiding question', () => {
  it('across all passages, mixes answers to the two questions in one theme', () => {
    const { input } = twoQuestions();
    const themes = buildThemes(input);
    expect(questionsPerTheme(themes.themes)).toContainEqual(['a', 'b']);
  });

  it('within each question, never mixes them, and records the question', () => {
    const { input, questions } = twoQuestions();
    const themes = buildThemes({ ...input, questions });
    expectThemeInvariants(themes, input.passages.ids, LIMITS);
    const top = themes.themes.filter((t) => t.parentId === null);
    expect(top).toHaveLength(4);
    for (const drawn of questionsPerTheme(themes.themes)) expect(drawn).toHaveLength(1);
    expect(top.map((t) => t.id)).toEqual(['a.t1', 'a.t2', 'b.t1', 'b.t2']);
    for (const theme of top) {
      expect(theme.questionId).toBe(theme.id.split('.')[0]);
    }
    expect(themes.method.criterion).toMatch(/within each guiding question/);
  });

  it('tells apart the same label under two questions by the question number', () => {
    const { input, questions } = twoQuestions();
    const themes = buildThemes({ ...input, questions });
    const information = themes.themes.filter((t) => /information/i.test(t.label));
    expect(information.map((t) => t.label).sort()).toEqual([
      expect.stringMatching(/ \(Q1\)$/),
      expect.stringMatching(/ \(Q2\)$/),
    ]);
    expect(new Set(information.map((t) => baseLabel(t.label))).size).toBe(1);
  });
});

describe('taxonomy themes with questions', () => {
  it('keeps a taxonomy theme across questions, and finds the rest within each', () => {
    const { input, questions } = twoQuestions();
    const taxonomy = [TaxonomyTheme.parse({ id: 'information', label: 'Information' })];
    const themes = buildThemes({
      ...input,
      taxonomy,
      taxonomyVectors: unitRows([[1, 0, 0, 0]]),
      settings: { ...input.settings, guidedThreshold: 0.2 },
      questions,
    });
    expectThemeInvariants(themes, input.passages.ids, LIMITS);
    const guided = themes.themes.find((t) => t.id === 'information');
    expect(guided?.questionId).toBeUndefined();
    expect(questionsPerTheme([guided as Theme])).toEqual([['a', 'b']]);
    const emergent = themes.themes.filter((t) => t.origin.kind === 'emergent');
    expect(emergent.map((t) => [t.id, t.questionId])).toEqual([
      ['a.t1', 'a'],
      ['b.t1', 'b'],
    ]);
  });
});

describe('tellApart', () => {
  const theme = (id: string, label: string, questionId?: string, parentId: string | null = null) =>
    ({ id, label, parentId, ...(questionId ? { questionId } : {}) }) as Theme;

  it('numbers only top-level labels shared across questions, ignoring case', () => {
    const told = tellApart(
      [
        theme('a.t1', 'Staff', 'a'),
        theme('a.t1.1', 'Staff', 'a', 'a.t1'),
        theme('b.t1', 'staff', 'b'),
        theme('b.t2', 'Food', 'b'),
        theme('t1', 'Food'),
      ],
      ['a', 'b'],
    );
    expect(told.map((t) => t.label)).toEqual([
      'Staff (Q1)',
      'Staff',
      'staff (Q2)',
      'Food (Q2)',
      'Food',
    ]);
  });
});

describe('questionRows', () => {
  // questionRows reads a contribution's id and question only.
  const contribution = (id: string, question: string | null) => ({ id, question }) as Contribution;
  const questions = [
    { id: 'a', text: 'First question?' },
    { id: 'b', text: 'Second question?' },
  ];

  it('maps passages to questions by id or text when most contributions name one', () => {
    const rows = questionRows(
      ['1', '1', '2', '3'],
      [contribution('1', 'a'), contribution('2', 'second question?'), contribution('3', null)],
      questions,
    );
    expect(rows).toEqual({ ids: ['a', 'b'], of: [0, 0, 1, -1] });
  });

  it('leaves one question, answers to one question only, and unnamed questions as today', () => {
    const all = [contribution('1', 'a'), contribution('2', 'b')];
    expect(questionRows(['1', '2'], all, questions.slice(0, 1))).toBeUndefined();
    expect(questionRows(['1', '1'], all, questions)).toBeUndefined();
    const unnamed = [contribution('1', null), contribution('2', null), contribution('3', 'a')];
    expect(questionRows(['1', '2', '3'], unnamed, questions)).toBeUndefined();
  });
});
