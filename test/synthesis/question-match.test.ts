import { describe, expect, it } from 'vitest';
import { createQuestionMatcher } from '../../pipeline/synthesis/findings/question-match.js';

const QUESTIONS = [
  { id: 'q1', text: 'Should the country accept more refugees?' },
  { id: 'q2', text: 'What should the city do about traffic?' },
];

describe('createQuestionMatcher', () => {
  it('matches by id, by exact text, then by text ignoring case and white space', () => {
    const matcher = createQuestionMatcher(QUESTIONS);
    expect(matcher.match('q2')).toBe('q2');
    expect(matcher.match('Should the country accept more refugees?')).toBe('q1');
    expect(matcher.match('  what should the CITY\n do about   traffic? ')).toBe('q2');
    expect(matcher.unmatched()).toEqual({ count: 0, example: null });
  });

  it('counts values that name no question and keeps the first as an example', () => {
    const matcher = createQuestionMatcher(QUESTIONS);
    expect(matcher.match('Q3')).toBeNull();
    expect(matcher.match('What about parks?')).toBeNull();
    expect(matcher.match(null)).toBeNull();
    expect(matcher.match('  ')).toBeNull();
    expect(matcher.unmatched()).toEqual({ count: 2, example: 'Q3' });
  });

  it('prefers an id over a question whose text equals another id', () => {
    const matcher = createQuestionMatcher([
      { id: 'a', text: 'b' },
      { id: 'b', text: 'Second?' },
    ]);
    expect(matcher.match('b')).toBe('b');
  });
});
