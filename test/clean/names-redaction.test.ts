// Names and masks in the source through the cleaning steps: placeholders, spans, idempotence.
import { beforeAll, describe, expect, it } from 'vitest';
import { type CleanTextOptions, cleanText } from '../../pipeline/clean/clean-text.js';
import { createNameFinder } from '../../pipeline/nlp/person-names.js';
import { PLACEHOLDERS } from '../../pipeline/nlp/redact.js';

const REDACT = { emails: true, phones: true, personalUrls: true, allUrls: false, names: true };
let options: CleanTextOptions;

beforeAll(async () => {
  const find = await createNameFinder(['en']);
  options = { redact: REDACT, stripBoilerplate: true, findNames: (text) => find(text, 'en') };
});

describe('names and masks in clean text', () => {
  it('replaces names by [name], keeping titles and roles', () => {
    const { text, redactions } = cleanText(
      'Nurse Sarah and Dr Patel were kind. Sam my support worker helped, and Carol has been very helpful.',
      'plain',
      options,
    );
    expect(text).toBe(
      'Nurse [name] and Dr [name] were kind. [name] my support worker helped, and [name] has been very helpful.',
    );
    expect(redactions.map((r) => r.kind)).toEqual(['name', 'name', 'name', 'name']);
    for (const { kind, start, end } of redactions) {
      expect(text.slice(start, end)).toBe(PLACEHOLDERS[kind]);
    }
  });

  it('shows masks in the source as placeholders', () => {
    const { text } = cleanText(
      'XXXX was great and xx too; staff on * were kind. [Name entfernt] and (name removed) agreed. ' +
        'We met on [Date Redacted]. **Bold** stays.',
      'plain',
      options,
    );
    expect(text).toBe(
      '[name] was great and [name] too; staff on [name] were kind. [name] and [name] agreed. ' +
        'We met on [redacted]. **Bold** stays.',
    );
  });

  it('is idempotent with names on, and leaves names alone with names off', () => {
    const raw =
      'My name is Jolene Whitcombe. XXXX and Nurse Sarah helped, email me at jo@example.org.';
    const once = cleanText(raw, 'plain', options);
    const twice = cleanText(once.text, 'plain', options);
    expect(twice).toEqual({ text: once.text, removed: [], redactions: [] });
    const off = cleanText(raw, 'plain', { ...options, redact: { ...REDACT, names: false } });
    expect(off.text).toContain('Jolene Whitcombe');
    expect(off.text).toContain('XXXX');
  });
});
