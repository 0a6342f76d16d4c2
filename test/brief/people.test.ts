// The brief states participants as fact only when every contribution names its author.
import { describe, expect, it } from 'vitest';
import { People } from '../../pipeline/brief/people.js';

const totals = (participants: number, identifiedParticipants: number) => ({
  contributions: 948,
  participants,
  identifiedParticipants,
  passages: 1020,
});

describe('People', () => {
  it('counts participants as fact when every contribution names its author', () => {
    const people = new People(totals(281, 281));
    expect(people.identification).toBe('all');
    expect(people.total()).toBe('281 participants');
    expect(people.themeSize(93, 0.331, 147)).toBe(
      '93 participants (33% of all participants), 147 contributions',
    );
    expect(people.from(607, 1)).toBe('607 contributions from 1 participant');
    expect(people.column()).toBe('Participants');
    expect(people.limitation()).toBe('');
  });

  it('speaks of contributions and "at most N people" without any author, and says why', () => {
    const people = new People(totals(950, 0));
    expect(people.identification).toBe('none');
    expect(people.total()).toBe('at most 950 people');
    expect(people.themeSize(94, 0.1, 94)).toBe('94 contributions (10% of all contributions)');
    expect(people.from(94, 94)).toBe('94 contributions');
    expect(people.support({ contributions: 2, participants: 2 })).toBe('2 contributions');
    expect(people.column()).toBeNull();
    expect(people.limitation()).toMatch(/no author .*cannot be told apart.*at most 950 people/);
  });

  it('gives a range, and counts of people as upper bounds, with only some authors', () => {
    const people = new People(totals(700, 250));
    expect(people.identification).toBe('some');
    expect(people.total()).toBe('at least 250 and at most 700 people');
    expect(people.themeSize(40, 0.057, 52)).toBe(
      'at most 40 people (6% of all people), 52 contributions',
    );
    expect(people.support({ contributions: 1, participants: 1 })).toBe(
      '1 contribution, at most 1 person',
    );
    expect(people.column()).toBe('People (at most)');
    expect(people.limitation()).toMatch(/250 authors can be told apart.*450 contributions/);
  });
});
