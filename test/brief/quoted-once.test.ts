import { describe, expect, it } from 'vitest';
import { QuotedOnce } from '../../pipeline/brief/quoted-once.js';

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
});
