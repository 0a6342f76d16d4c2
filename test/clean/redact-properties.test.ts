// Property tests of redaction: generated phone numbers and addresses in prose never survive it.
import fc from 'fast-check';
import { type CountryCode, getCountries, getExampleNumber } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { type RedactOptions, redactText } from '../../pipeline/nlp/redact.js';
import { stopWordsFor } from '../../pipeline/nlp/stop-words.js';
import { fullWidth, proseArb } from '../helpers/arbitraries.js';

const DEFAULTS: RedactOptions = { emails: true, phones: true, personalUrls: true, allUrls: false };

/** Every region's example mobile number. */
const NUMBERS = getCountries().flatMap((country) => {
  const number = getExampleNumber(country, examples);
  return number ? [{ country, number }] : [];
});

/** Separators people put between a number's groups instead of the spaces it is formatted with. */
const SEPARATORS = [' ', '-', '.', '\u00a0', ' - '];

/** A written phone number and the country it is national to (the config's hint for it). */
const phoneArb = fc
  .record({
    entry: fc.constantFrom(...NUMBERS),
    format: fc.constantFrom('E.164', 'international', '00', 'national'),
    separator: fc.constantFrom(...SEPARATORS),
    wide: fc.boolean(),
  })
  .map(({ entry, format, separator, wide }) => {
    const { number, country } = entry;
    // Numbers of fewer than 7 digits (Ascension, Niue...) are too like counts to be told apart
    // when written nationally; they are drawn in international formats.
    const national = format === 'national' && number.nationalNumber.length >= 7;
    const written =
      format === 'E.164'
        ? number.number
        : format === '00'
          ? number.formatInternational().replace('+', '00')
          : national
            ? number.formatNational()
            : number.formatInternational();
    const separated = written.replace(/ /g, separator);
    // A national number is only a number in its country: the run is told which.
    const hint: CountryCode | undefined = national ? country : undefined;
    return { text: wide ? fullWidth(separated) : separated, hint };
  });

const STOP = stopWordsFor('en');
const wordArb = fc
  .stringMatching(/^[a-z][a-z0-9]{1,9}$/)
  .filter((w) => !STOP.has(w) && w !== 'at' && w !== 'dot');
const tldArb = fc.constantFrom('com', 'org', 'net', 'uk', 'de', 'io', 'info', 'gov');

/** An address written plainly or in one of the ways meant to dodge harvesters. */
const addressArb = fc
  .record({
    local: fc.array(wordArb, { minLength: 1, maxLength: 3 }),
    domain: fc.array(wordArb, { minLength: 1, maxLength: 2 }),
    tld: tldArb,
    style: fc.constantFrom('plain', 'words', 'brackets', 'parentheses', 'braces', 'caps', 'wide'),
  })
  .map(({ local, domain, tld, style }) => {
    const at = {
      plain: '@',
      words: ' at ',
      brackets: '[at]',
      parentheses: ' (at) ',
      braces: '{at}',
      caps: ' AT ',
      wide: '＠',
    }[style];
    const dot = {
      plain: '.',
      words: ' dot ',
      brackets: '[dot]',
      parentheses: ' (dot) ',
      braces: '.',
      caps: ' DOT ',
      wide: '．',
    }[style];
    return `${local.join(style === 'words' ? ' dot ' : '.')}${at}${[...domain, tld].join(dot)}`;
  });

function redact(text: string, country?: string) {
  return redactText(text, { ...DEFAULTS, country });
}

describe('redaction properties', () => {
  it('has example numbers of most regions to draw on', () => {
    expect(NUMBERS.length).toBeGreaterThan(200);
  });

  it('redacts phone numbers of every region, in every format, and keeps the prose around them', () => {
    fc.assert(
      fc.property(proseArb, phoneArb, proseArb, (before, phone, after) => {
        const text = `${before} call ${phone.text} now ${after}`;
        const once = redact(text, phone.hint);
        expect(once.text, text).toBe(`${before} call [phone] now ${after}`);
        expect(redact(once.text, phone.hint).text).toBe(once.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('redacts addresses, plain and obfuscated, and keeps the prose around them', () => {
    fc.assert(
      fc.property(proseArb, addressArb, proseArb, (before, address, after) => {
        const text = `${before} write to ${address} please ${after}`;
        const once = redact(text);
        expect(once.text, text).toBe(`${before} write to [email] please ${after}`);
        expect(redact(once.text).text).toBe(once.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves prose without personal data as it is', () => {
    fc.assert(
      fc.property(proseArb, (text) => {
        expect(redact(text).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
