import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Span,
  sentenceSegmenter,
  sentenceSpans,
  sentences,
} from '../../pipeline/nlp/sentences.js';

/** Sentences of `text` within `span` as the segmenter gives them for the whole span at once. */
function wholeSpans(text: string, span: Span, language: string): Span[] {
  const body = text.slice(span.start, span.end);
  return [...sentenceSegmenter(language).segment(body)].map(({ index, segment }) => ({
    start: span.start + index,
    end: span.start + index + segment.length,
  }));
}

/**
 * Pieces that move sentence boundaries: terminators, closers, abbreviations, digits, cases. Few,
 * so that patterns like "etc. 123 word" (no break: a lower-case word follows) come up often.
 */
const PIECE = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('word', 'Word', '.', ' ', '123', '(', ')', '?', '"') },
  {
    weight: 3,
    arbitrary: fc.constantFrom('e.g.', 'Mr.', '...', '!', ',', '   ', '\n', '\u2029', '--', '。'),
  },
  fc.constantFrom('公', 'été', 'É', '👍', '\u0301', '\u00a0', '»'),
);

describe('sentenceSpans', () => {
  it('finds the same sentences as segmenting the whole span, whatever the window', () => {
    fc.assert(
      fc.property(
        fc.array(PIECE, { maxLength: 120 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('en', 'fr', 'de', 'xx-invalid'),
        (pieces, window, language) => {
          const text = `lead-in. ${pieces.join('')} tail`;
          const span = { start: 9, end: text.length - 5 };
          const whole = wholeSpans(text, span, language);
          for (const size of [1, 2, 3, 5, 8, window]) {
            expect([...sentenceSpans(text, span, language, size)]).toEqual(whole);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('does not cut a sentence where the segmenter would look past the window', () => {
    // "etc. 123" ends a sentence only if no lower-case word follows the number.
    const text = 'Say etc. 123 word. Next one.';
    const span = { start: 0, end: text.length };
    for (let window = 1; window <= text.length; window++) {
      expect([...sentenceSpans(text, span, 'en', window)]).toEqual(wholeSpans(text, span, 'en'));
    }
  });

  it('segments real prose the same in windows as at once', () => {
    const sentence = (n: number) =>
      n % 3 === 0
        ? `Point ${n} (see p. 4, i.e. the annex) is that buses run late... `
        : `"Why not?" asked resident no. ${n}. the council said e.g. more trams! `;
    const text = Array.from({ length: 400 }, (_, n) => sentence(n)).join('');
    const span = { start: 0, end: text.length };
    expect([...sentenceSpans(text, span, 'en')]).toEqual(wholeSpans(text, span, 'en'));
  });

  it('takes linear time on a long paragraph (a second for 2 MB, not hours)', () => {
    const text = 'The council should consult residents, e.g. by survey. '.repeat(40_000);
    const spans = [...sentenceSpans(text, { start: 0, end: text.length }, 'en')];
    expect(spans).toHaveLength(40_000);
    expect(spans.at(-1)?.end).toBe(text.length);
  }, 20_000);
});

/** The trimmed sentences of a whole text. */
function split(text: string, language: string, window?: number): string[] {
  return [...sentences(text, { start: 0, end: text.length }, language, window)].map((span) =>
    text.slice(span.start, span.end).trim(),
  );
}

describe('sentences', () => {
  it.each([
    [
      'de',
      'Die Ampel an der Venloer Str. Richtung Innenstadt ist zu lang rot. Bitte ändern.',
      ['Die Ampel an der Venloer Str. Richtung Innenstadt ist zu lang rot.', 'Bitte ändern.'],
    ],
    [
      'de',
      'Der Radweg an der Rheinaustr. Höhe Nr. 12 ist zu schmal. Dr. Müller fährt z. B. täglich.',
      [
        'Der Radweg an der Rheinaustr. Höhe Nr. 12 ist zu schmal.',
        'Dr. Müller fährt z. B. täglich.',
      ],
    ],
    [
      'de',
      'Es fehlen ca. 20 Bügel bzw. Ständer, ggf. Boxen u. a. Abstellanlagen. Ich wohne im 3. Stock.',
      [
        'Es fehlen ca. 20 Bügel bzw. Ständer, ggf. Boxen u. a. Abstellanlagen.',
        'Ich wohne im 3. Stock.',
      ],
    ],
    [
      'de',
      'Ich wohne in St. Augustin an der Hauptstr. Dort ist es laut. Seit 2017. Die Stadt schweigt.',
      [
        'Ich wohne in St. Augustin an der Hauptstr.',
        'Dort ist es laut.',
        'Seit 2017.',
        'Die Stadt schweigt.',
      ],
    ],
    [
      'en',
      '1. Replace the jobseekers benefit; 2. Index pensions. Mr. Smith agrees, e.g. on buses.',
      ['1. Replace the jobseekers benefit; 2. Index pensions.', 'Mr. Smith agrees, e.g. on buses.'],
    ],
    ['en', '1. More buses.\n2. Fewer cars.', ['1. More buses.', '2. Fewer cars.']],
    [
      'fr',
      'Mme. Dupont et M. Martin sont contre. Il faut des pistes, p. ex. Rue Royale, etc. Voilà.',
      [
        'Mme. Dupont et M. Martin sont contre.',
        'Il faut des pistes, p. ex. Rue Royale, etc.',
        'Voilà.',
      ],
    ],
    [
      'es',
      'La Sra. García vive aquí, p. ej. Calle Mayor. Hace falta un carril.',
      ['La Sra. García vive aquí, p. ej. Calle Mayor.', 'Hace falta un carril.'],
    ],
  ])('does not cut %s sentences at abbreviations or list numbers', (language, text, expected) => {
    expect(split(text, language)).toEqual(expected);
    expect(split(text, language, 3)).toEqual(expected);
  });

  it('covers its span exactly, sentence after sentence', () => {
    fc.assert(
      fc.property(
        fc.array(PIECE, { maxLength: 80 }),
        fc.constantFrom('en', 'de', 'fr'),
        (pieces, language) => {
          const text = `Lead. ${pieces.join('')} Str. 3. z. B. tail`;
          const span = { start: 6, end: text.length };
          let at = span.start;
          for (const sentence of sentences(text, span, language, 4)) {
            expect(sentence.start).toBe(at);
            at = sentence.end;
          }
          expect(at).toBe(span.end);
        },
      ),
    );
  });
});
