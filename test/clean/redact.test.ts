import { describe, expect, it } from 'vitest';
import { isPhoneNumber } from '../../pipeline/nlp/phone-numbers.js';
import { redactText } from '../../pipeline/nlp/redact.js';

const DEFAULTS = { emails: true, phones: true, personalUrls: true, allUrls: false };

function redact(text: string, options = DEFAULTS) {
  return redactText(text, options);
}

describe('redactText', () => {
  it('redacts e-mail addresses', () => {
    expect(redact('Write to ana.lima+consult@city.gov.uk today').text).toBe(
      'Write to [email] today',
    );
  });

  it('redacts phone numbers in international and national formats', () => {
    const phones = [
      '+44 20 7946 0958',
      '+1 (555) 123-4567',
      '0044 20 7946 0958',
      '(555) 123-4567',
      '555-123-4567',
      '020 7946 0958',
      '06 12 34 56 78',
      '0612345678',
      '+33612345678',
    ];
    for (const phone of phones) {
      expect(redact(`Call me on ${phone}.`).text, phone).toBe('Call me on [phone].');
    }
  });

  it('leaves years, dates, money, counts and ids alone', () => {
    const text =
      'In 2018 we paid $15 and €1.500.000, 1,234,567 people, 12 345 678 trees, on 2018-02-13 and 12.03.2019, for 2018-2019, ticket #123456789, id 5551234567, 10:30.';
    expect(redact(text).text).toBe(text);
  });

  it('redacts links to personal profiles but not other links', () => {
    const text =
      'See https://twitter.com/ana_l, facebook.com/ana.lima, https://www.linkedin.com/in/ana-lima/ and mailto:ana@x.org; the plan is at https://example.org/plan.pdf.';
    expect(redact(text).text).toBe(
      'See [link], [link], [link] and [link]; the plan is at https://example.org/plan.pdf.',
    );
  });

  it('redacts every link when asked to', () => {
    expect(redact('Plan: https://example.org/plan.pdf.', { ...DEFAULTS, allUrls: true }).text).toBe(
      'Plan: [link].',
    );
  });

  it('respects switches that are off', () => {
    const text = 'ana@x.org +44 20 7946 0958 https://twitter.com/ana';
    expect(
      redact(text, { emails: false, phones: false, personalUrls: false, allUrls: false }).text,
    ).toBe(text);
  });

  it('returns placeholder spans in the redacted text', () => {
    const { text, redactions } = redact('Mail ana@x.org or call +44 20 7946 0958 now');
    expect(redactions.map((r) => [r.kind, text.slice(r.start, r.end)])).toEqual([
      ['email', '[email]'],
      ['phone', '[phone]'],
    ]);
  });

  it('finds an address that starts where a phone number or another address ends', () => {
    expect(redact('Call +44 20 7946 0958.ana@x.org or ana@x.org.bo@y.org').text).toBe(
      'Call [phone][email] or [email][email]',
    );
  });

  it('takes linear time on long runs without spaces (CJK text, dots, closing brackets)', () => {
    // Each took minutes when an address was tried from every character of a run.
    const cjk = `${'市民参与预算'.repeat(50_000)}2018年，电话 +86 10 1234 5678，邮件 li@example.cn`;
    expect(redact(cjk).text.endsWith('电话 [phone]，邮件 [email]')).toBe(true);
    const dots = `${'a.'.repeat(150_000)}x`;
    expect(redact(`${dots} 2018`).text).toBe(`${dots} 2018`);
    const link = `https://twitter.com/ana${')'.repeat(300_000)}`;
    expect(redact(link).text).toBe(`[link]${')'.repeat(300_000)}`);
  }, 15_000);

  it('is a no-op on redacted text', () => {
    const once = redact(
      'ana@x.org, +44 20 7946 0958, https://x.com/ana and [email] [phone] [link]',
    ).text;
    const twice = redact(once);
    expect(twice.text).toBe(once);
    expect(twice.redactions).toEqual([]);
  });
});

describe('redactText on what used to pass', () => {
  it('redacts phone numbers with long groups, without separators and in full-width digits', () => {
    const phones = [
      '+44 7700 900123',
      '07700 900123',
      '+49 30 1234567',
      '030 1234567',
      '030/1234567',
      '5551234567',
      '０７７００ ９００１２３',
      '＋４４ ７７００ ９００１２３',
      '+٤٤ ٧٧٠٠ ٩٠٠١٢٣',
      '+44 (0)20 7946 0958',
      '(555)123-4567',
      '+447700900123',
    ];
    for (const phone of phones) {
      expect(redact(`Call me on ${phone}, thanks.`).text, phone).toBe(
        'Call me on [phone], thanks.',
      );
    }
  });

  it('ends an international number where its country says it ends', () => {
    expect(redact('Ring +33 6 12 34 56 78 2019 edition').text).toBe('Ring [phone] 2019 edition');
  });

  it('reads short national numbers in the consultation country, and only there', () => {
    const de = { ...DEFAULTS, country: 'DE' };
    expect(redact('Ruf an: 030 12345.', de).text).toBe('Ruf an: [phone].');
    expect(redact('Ruf an: 030 12345.').text).toBe('Ruf an: 030 12345.');
    const dk = { ...DEFAULTS, country: 'DK' };
    expect(redact('Ring 32 12 34 56 i dag', dk).text).toBe('Ring [phone] i dag');
    // Not written as a German number (no trunk prefix), nor a year and a count.
    expect(redact('Scores 12 34 56 78, in 2019 1500 people', de).text).toBe(
      'Scores 12 34 56 78, in 2019 1500 people',
    );
  });

  it('redacts obfuscated e-mail addresses', () => {
    const addresses = [
      'jane dot smith at gmail dot com',
      'j.smith[at]example[dot]com',
      'john (at) example.org',
      'jane.smith{at}mail.example.co.uk',
      'ana <at> example (dot) org',
      'jane AT example DOT org',
      'ana＠example．org',
      'ana.lima@city．gov．uk',
      'jane at gmail.com',
      'jane @ example.org',
    ];
    for (const address of addresses) {
      expect(redact(`Write to ${address}, thanks.`).text, address).toBe(
        'Write to [email], thanks.',
      );
    }
  });

  it('leaves prose with "at" and "dot" alone', () => {
    const prose = [
      'Look at this dot on the map.',
      'Meet at the park at 10:30.',
      'We looked at it dot by dot.',
      'The plan is at city.gov.uk and at www.example.org.',
      'Look at this dot com boom.',
      'They met at the dot com party in 1999.',
    ];
    for (const text of prose) expect(redact(text).text, text).toBe(text);
  });

  it('leaves versions, percentages, times, amounts and ids alone', () => {
    const text =
      'Version 10.0.19041.1234 and v1.2.3.4567, up 12.5% from 2019-2020, at 14.30 or 10:30-11:45 on 13 02 2024, paid 2500000000 dollars, between 100 000 and 200 000, ISBN 978-3-16-148410-0, order 1234567890, ticket no. 55512345678, ZIP 42101-1234, postcode 10115-2345, at 51.5074, -0.1278.';
    expect(redact(text).text).toBe(text);
  });

  it('takes linear time on long runs of digits, "at"s, dots and spaces', () => {
    const texts = [
      '12 34 '.repeat(200_000),
      '1'.repeat(1_000_000),
      'a at b dot '.repeat(100_000),
      'a-a-a-a-a-a-a-a-a-a at '.repeat(40_000),
      `a${' '.repeat(1_000_000)}at b.com`,
      '+1 '.repeat(300_000),
    ];
    for (const text of texts) {
      const started = performance.now();
      redact(text);
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(3000);
    }
  }, 30_000);
});

describe('isPhoneNumber', () => {
  it('rejects digit runs that are not phones', () => {
    expect(isPhoneNumber('2018-2019')).toBe(false);
    expect(isPhoneNumber('192.168.100.200')).toBe(false);
    expect(isPhoneNumber('123 456 789')).toBe(false);
    expect(isPhoneNumber('+34 612 345 678')).toBe(true);
  });

  it('reads a bare run of digits after an id word as an id', () => {
    expect(isPhoneNumber('5551234567')).toBe(true);
    expect(isPhoneNumber('5551234567', { before: 'Your order number: ' })).toBe(false);
    expect(isPhoneNumber('5551234567', { before: 'my phone number is ' })).toBe(true);
  });
});
