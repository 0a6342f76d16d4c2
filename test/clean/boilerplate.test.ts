import { describe, expect, it } from 'vitest';
import { cleanText } from '../../pipeline/clean/clean-text.js';
import { greetingLength, stripBoilerplate } from '../../pipeline/nlp/boilerplate.js';
import { normaliseText } from '../../pipeline/nlp/normalise.js';
import { RemovalLog, restoreRemovals } from '../../pipeline/nlp/removal-log.js';
import type { RemovalKind } from '../../schemas/clean-record.js';

function strip(raw: string) {
  const input = normaliseText(raw).text;
  const log = new RemovalLog();
  const text = stripBoilerplate(input, log);
  return { input, text, removed: log.removals };
}

function kinds(removed: { kind: RemovalKind }[]): RemovalKind[] {
  return removed.map((r) => r.kind);
}

describe('stripBoilerplate', () => {
  it('removes a greeting line and a sign-off with its name lines, recorded and reconstructable', () => {
    const { input, text, removed } = strip(
      'Hi all,\n\nWe need more bike lanes on Main Street.\n\nBest regards,\nAna Lima\nPolicy Officer, City Council',
    );
    expect(text).toBe('We need more bike lanes on Main Street.');
    expect(removed).toEqual([
      { kind: 'greeting', text: 'Hi all,\n\n', at: 0 },
      {
        kind: 'sign-off',
        text: '\n\nBest regards,\nAna Lima\nPolicy Officer, City Council',
        at: 39,
      },
    ]);
    expect(restoreRemovals(text, removed)).toBe(input);
  });

  it('removes an inline greeting prefix and stacked greetings', () => {
    const { input, text, removed } = strip(
      'Hello everyone! Good morning. Dear colleagues, we want parks.',
    );
    expect(text).toBe('we want parks.');
    expect(kinds(removed)).toEqual(['greeting', 'greeting', 'greeting']);
    expect(restoreRemovals(text, removed)).toBe(input);
  });

  it('removes "-- " signatures and client signatures', () => {
    const { input, text, removed } = strip(
      'More trees downtown.\n\n-- \nAna\n+1 555 123 4567\nSent from my iPhone',
    );
    expect(text).toBe('More trees downtown.');
    expect(kinds(removed)).toEqual(['signature', 'signature']);
    expect(restoreRemovals(text, removed)).toBe(input);
  });

  it('removes quoted replies with their attribution, anywhere in the text', () => {
    const raw =
      '> What about parking?\n\nParking is fine.\n\nOn Tue, 13 Feb 2018 at 12:58, Ana <[email]> wrote:\n> Buses are late.\n> Every day.\n\nBuses need lanes.';
    const { input, text, removed } = strip(raw);
    expect(text).toBe('Parking is fine.\n\nBuses need lanes.');
    expect(kinds(removed)).toEqual(['quoted-reply', 'quoted-reply']);
    expect(removed[1]?.text).toContain('wrote:');
    expect(restoreRemovals(text, removed)).toBe(input);
  });

  it('removes a forwarded message to the end', () => {
    const { text, removed } = strip(
      'Agree with Ana.\n\n-----Original Message-----\nFrom: Ana\nSent: Monday\nFull text',
    );
    expect(text).toBe('Agree with Ana.');
    expect(kinds(removed)).toEqual(['quoted-reply']);
  });

  it('keeps greeting-like lines that are content', () => {
    for (const content of [
      'Thanks to the city for the new park, more please',
      'We love the park.\nThanks to the city for building it',
      'Hi-vis vests should be required for cyclists',
      'Hello Kitty shops are not what downtown needs',
      'Good morning routines help kids at school',
    ]) {
      expect(strip(content).text).toBe(content);
    }
  });

  it('does not strip boilerplate that is the whole contribution', () => {
    expect(strip('Thanks!').text).toBe('Thanks!');
    expect(strip('Hi all,\nThanks!').text).toBe('Hi all,');
  });

  it('removes thousands of inline quoted replies in linear time, redactions moving along', () => {
    // 700 KB: 24 s when every deletion re-walked every removal and redaction logged before it.
    const raw = Array.from(
      { length: 8000 },
      (_, i) => `On point ${i} I agree, write to ana${i}@x.org.\n\n> Point ${i} says more buses.`,
    ).join('\n\n');
    const options = {
      redact: { emails: true, phones: true, personalUrls: true, allUrls: false },
      stripBoilerplate: true,
    };
    const { text, removed, redactions } = cleanText(raw, 'plain', options);
    expect(text).not.toContain('>');
    expect(removed).toHaveLength(8000);
    expect(redactions).toHaveLength(8000);
    expect(redactions.every((r) => text.slice(r.start, r.end) === '[email]')).toBe(true);
    const before = cleanText(raw, 'plain', { ...options, stripBoilerplate: false }).text;
    expect(restoreRemovals(text, removed)).toBe(before);
  }, 15_000);

  it('looks for quoted lines after an attribution once, not once per attribution', () => {
    // 20,000 dated attributions, a quote only on the last line: 19 s when each looked ahead anew.
    const lines = Array.from(
      { length: 20_000 },
      (_, i) => `On 13 Feb 2018, Ana ${i} wrote:\nroute ${i}`,
    );
    const { input, text, removed } = strip(`${lines.join('\n')}\n> quoted`);
    // The quote goes first; then, with no quote left, the reply after the second attribution.
    expect(text).toBe('On 13 Feb 2018, Ana 0 wrote:\nroute 0');
    expect(kinds(removed)).toEqual(['quoted-reply', 'quoted-reply']);
    expect(restoreRemovals(text, removed)).toBe(input);
  }, 15_000);

  it('reaches a fixed point: stripping again changes nothing', () => {
    const { text } = strip('Dear all,\n\nHi,\n\nMy point.\n\nThanks,\nAna\n\nCheers');
    expect(text).toBe('My point.');
    expect(strip(text).text).toBe(text);
  });
});

describe('greetingLength', () => {
  it('measures greeting prefixes and rejects non-greetings', () => {
    expect(greetingLength('Hi all, I think')).toBe('Hi all, '.length);
    expect(greetingLength('Dear Sir/Madam,')).toBe('Dear Sir/Madam,'.length);
    expect(greetingLength('Dear')).toBe(0);
    expect(greetingLength('Hey you should see this')).toBe(0);
  });
});
