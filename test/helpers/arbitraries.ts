/** Shared fast-check arbitraries: contribution texts that exercise every cleaning step. */
import fc from 'fast-check';
import type { Contribution } from '../../schemas/contribution.js';

const WORDS = [
  'parks',
  'bike',
  'lanes',
  'the',
  'city',
  'should',
  'build',
  'more',
  'housing',
  'we',
  'need',
  'safer',
  'streets',
  'and',
  'buses',
  'Thanks',
  'Hi',
  'regards',
  'Ana',
];

/** Pieces of text with a cleaning step's trigger in each: boilerplate, personal data, markup, junk. */
const PIECE = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(' ', '  ', '\n', '\n\n', '\n\n\n', '\t', '\r\n', '. ', ', ', '!'),
  },
  fc.constantFrom(
    'Hi all,',
    'Dear colleagues,',
    'Hello everyone!',
    'Good morning',
    'Best regards,',
    'Thanks,',
    'Cheers',
    '-- ',
    'Sent from my iPhone',
  ),
  // Answers saying nothing needs to change, which the clean stage holds out of the themes.
  fc.constantFrom('Nothing.', 'No, nothing at all', 'All good', 'Nothing was explained'),
  fc.constantFrom(
    '> quoted',
    'On Tue, 13 Feb 2018, Ana <ana@example.org> wrote:',
    '-----Original Message-----',
    'From: a\nSent: b\nTo: c',
  ),
  fc.constantFrom(
    'ana@example.org',
    '+44 20 7946 0958',
    '(555) 123-4567',
    '2018',
    '$15',
    '1,234,567',
    'https://twitter.com/ana',
    'https://example.org/a.',
    'www.example.org',
    '[email]',
    '[link]',
    '[phone]',
  ),
  fc.constantFrom(
    '\u200b',
    '\u00a0',
    '\ufeff',
    'e\u0301',
    'ﬁ',
    '👍',
    '🇪🇺',
    '\u2029',
    '<b>',
    '&amp;',
    '*',
    '#',
  ),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);

/** A contribution-like text: 0-40 pieces joined. */
export const textArb: fc.Arbitrary<string> = fc
  .array(PIECE, { maxLength: 40 })
  .map((pieces) => pieces.join(''));

/** Builds a full contribution around a text, with defaults for every other field. */
export function contribution(
  id: string,
  text: string,
  fields: Partial<Contribution> = {},
): Contribution {
  return {
    id,
    text,
    author: null,
    authorName: null,
    date: null,
    week: null,
    question: null,
    thread: null,
    replyTo: null,
    language: null,
    rejected: false,
    votes: null,
    metadata: {},
    attributes: {},
    markup: 'plain',
    source: { file: 'input.csv', record: 1 },
    ...fields,
  };
}

/**
 * Lists of contributions with unique ids, dates (some missing), markup, moderation, and texts
 * that often repeat one another (so exact and near duplicates occur).
 */
export const contributionsArb: fc.Arbitrary<Contribution[]> = fc
  .array(
    fc.record({
      text: textArb,
      copyOf: fc.option(fc.nat(), { freq: 3 }),
      day: fc.option(fc.integer({ min: 1, max: 28 })),
      markup: fc.constantFrom('plain', 'plain', 'markdown', 'html'),
      rejected: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    }),
    { maxLength: 30 },
  )
  .map((items) =>
    items.map((item, i) => {
      const copied = item.copyOf === null || i === 0 ? null : items[item.copyOf % i];
      const text = copied ? `${copied.text} ${item.text.length % 2 ? '' : 'x'}` : item.text;
      const date =
        item.day === null ? null : `2018-02-${String(item.day).padStart(2, '0')}T00:00:00Z`;
      return contribution(`c${i}`, text, {
        date,
        markup: item.markup as Contribution['markup'],
        rejected: item.rejected,
      });
    }),
  );

/** Words of ordinary prose around personal data, with numbers that are not personal. */
const PROSE_WORDS = [
  'the',
  'council',
  'should',
  'look',
  'at',
  'this',
  'meet',
  'park',
  'in',
  '2018',
  '$15',
  '12.5%',
  '10:30',
  'on',
  '2018-02-13',
  'version',
  '1.2.3',
  'buses',
  'please',
  'thanks',
];

/** 0-8 words of prose, possibly ending in a sentence break. */
export const proseArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom(...PROSE_WORDS), { maxLength: 8 }), fc.constantFrom('', '.', ','))
  .map(([words, end]) => `${words.join(' ')}${words.length > 0 ? end : ''}`);

/** Full-width digits and plus sign for ASCII ones, as East Asian keyboards type them. */
export function fullWidth(text: string): string {
  return text.replace(/[0-9+]/g, (c) =>
    String.fromCodePoint((c.codePointAt(0) as number) + 0xfee0),
  );
}
