import { describe, expect, it } from 'vitest';
import { leftOutNote, QuotedOnce } from '../../pipeline/brief/quoted-once.js';

describe('QuotedOnce', () => {
  it('compares the quoted sentences of findings, ignoring case, spacing and closing marks', () => {
    const quoted = new QuotedOnce();
    quoted.add(
      'Parks drew 10 participants; its most typical statement: “More  trees in the park.”',
    );
    expect(quoted.isNew('more trees in the park')).toBe(false);
    expect(quoted.isNew('The leading proposal: “More trees in the park!”')).toBe(false);
    expect(quoted.isNew('More benches in the park.')).toBe(true);
  });

  it('takes a finding without quotation marks as one sentence', () => {
    const quoted = new QuotedOnce();
    quoted.add('We need a real bus system.');
    expect(quoted.isNew('Buses: “We need a real bus system”')).toBe(false);
  });

  it('shows a sentence at most twice, and points to where it was first quoted', () => {
    const quoted = new QuotedOnce();
    quoted.add('Buses: “We need a real bus system. It should run all night.”', 'key message 2');
    expect(quoted.show('It should run all night.')).toBe(true);
    expect(quoted.show('It should run all night.')).toBe(false);
    const left = new Set<string>();
    const kept = quoted.keep(
      [
        { text: 'We need a real bus system.' },
        { text: 'It should run all night.' },
        { text: 'Trams would be faster than buses.' },
        { text: 'Bikes need safe lanes on every road.' },
      ],
      left,
      2,
    );
    expect(kept.map((f) => f.text)).toEqual([
      'We need a real bus system.',
      'Trams would be faster than buses.',
    ]);
    expect([...left]).toEqual(['key message 2']);
    // Past the cap nothing is recorded: the bike lanes may still be shown twice.
    expect(quoted.show('Bikes need safe lanes on every road.')).toBe(true);
  });

  it('points to the places, grouped by kind and in order', () => {
    const left = new Set(['key message 4', 'programming priority 6', 'key message 1']);
    expect(leftOutNote(left)[0]).toBe(
      '*Also here, quoted in full in key messages 1 and 4, and programming priority 6.*',
    );
    expect(leftOutNote(new Set(['programming priority 4', 'programming priority 7']))[0]).toBe(
      '*Also here, quoted in full in programming priorities 4 and 7.*',
    );
    expect(leftOutNote(new Set())).toEqual([]);
  });
});
