import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateView } from '../../pipeline/review/views.js';
import { type FixtureApp, startFixtureApp } from './review-app.js';

// The synthesis fixture's contributions name one of its two questions: themes are found
// within each, and the review app says which.
describe('review app: the question of each theme', () => {
  let app: FixtureApp;
  let state: StateView;

  beforeAll(async () => {
    app = await startFixtureApp();
    state = (await (await app.api('/api/state')).json()) as StateView;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('gives every theme its question, by number and text', () => {
    const questions = new Map([
      ['move', { number: 1, text: 'How should people get around the city?' }],
      ['live', { number: 2, text: 'What would make the city a better place to live?' }],
    ]);
    expect(state.themes.length).toBeGreaterThan(2);
    for (const theme of state.themes) {
      expect(theme.question, theme.id).toEqual(questions.get(theme.id.split('.')[0] as string));
    }
    expect(new Set(state.themes.map((t) => t.question?.number))).toEqual(new Set([1, 2]));
  });
});
