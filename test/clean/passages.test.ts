import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentPassages } from '../../pipeline/nlp/passages.js';

const OPTIONS = { maxChars: 600, minChars: 120, language: 'en' };

function sentence(topic: string, n: number): string {
  return `On ${topic}, point ${n} is that the council should consult residents before deciding anything.`;
}

describe('segmentPassages', () => {
  it('splits a five-topic forum post into passages by topic', () => {
    const topics = ['housing', 'transport', 'policing', 'schools', 'parks'];
    const text = topics.map((t) => [1, 2].map((n) => sentence(t, n)).join(' ')).join('\n\n');
    const passages = segmentPassages('post-7', text, OPTIONS);
    expect(passages.map((p) => p.id)).toEqual([
      'post-7#1',
      'post-7#2',
      'post-7#3',
      'post-7#4',
      'post-7#5',
    ]);
    passages.forEach((p, i) => {
      expect(p.text).toContain(topics[i]);
      expect(text.slice(p.start, p.end)).toBe(p.text);
    });
  });

  it('cuts long paragraphs at sentence boundaries into chunks under the maximum', () => {
    const text = Array.from({ length: 30 }, (_, n) => sentence('transport', n)).join(' ');
    const passages = segmentPassages('c1', text, OPTIONS);
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(600);
      expect(p.text).toMatch(/^On transport.*\.$/);
    }
  });

  it('cuts a sentence longer than the maximum at word boundaries', () => {
    const text = Array.from({ length: 200 }, (_, n) => `word${n}`).join(' ');
    const passages = segmentPassages('c1', text, OPTIONS);
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(600);
      expect(p.text).toMatch(/^word\d+( word\d+)*$/);
    }
  });

  it('joins short paragraphs to the next one when they fit', () => {
    const long = `${'Transport matters a lot to everyone here. '.repeat(13)}Buses too, and trams, and ferries.`;
    const text = `Short one.\n\nAnother short one.\n\n${long}\n\nA short ending.`;
    const passages = segmentPassages('c1', text, OPTIONS);
    // The two short ones join; adding the long one would pass the maximum.
    expect(passages.map((p) => p.text)).toEqual([
      'Short one.\n\nAnother short one.',
      `${long}\n\nA short ending.`,
    ]);
  });

  it('segments a 1 MB paragraph of sentences without a break in linear time', () => {
    // One paragraph of 12,500 sentences: the quadratic splitter took over a minute on this.
    const text = Array.from({ length: 12_500 }, (_, n) => sentence('budget', n)).join(' ');
    expect(text.length).toBeGreaterThan(1_000_000);
    const passages = segmentPassages('big', text, OPTIONS);
    expect(passages.length).toBeGreaterThan(text.length / 600);
    expect(
      passages.every((p) => text.slice(p.start, p.end) === p.text && p.text.length <= 600),
    ).toBe(true);
  }, 15_000);

  it('handles a 1 MB text without any space or sentence end', () => {
    const text = 'a'.repeat(1_000_000);
    const passages = segmentPassages('blob', text, OPTIONS);
    expect(passages).toHaveLength(Math.ceil(1_000_000 / 600));
  });

  it('covers a long text exactly: every non-space character in one passage, in order', () => {
    const piece = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom('word ', 'Sentence ends here. ', 'e.g. ', 'etc. 12 '),
      },
      fc.constantFrom('\n', '\n\n', '   ', 'é', '👍', '公', '. . .', 'x'.repeat(700)),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 500, maxLength: 4000 }),
        fc.integer({ min: 80, max: 1000 }),
        (pieces, maxChars) => {
          const text = pieces.join('');
          const passages = segmentPassages('c', text, { maxChars, minChars: 60, language: 'en' });
          let covered = 0;
          passages.forEach((p, i) => {
            expect(p.id).toBe(`c#${i + 1}`);
            expect(text.slice(p.start, p.end)).toBe(p.text);
            expect(p.text.length).toBeLessThanOrEqual(maxChars);
            expect(text.slice(covered, p.start).trim()).toBe('');
            covered = p.end;
          });
          expect(text.slice(covered).trim()).toBe('');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('always slices the text back to each passage, trimmed and within bounds', () => {
    const piece = fc.constantFrom(
      'word',
      'Sentence ends here.',
      ' ',
      '\n',
      '\n\n',
      '  ',
      'Ünïcödé',
      '👍',
      'x'.repeat(70),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }),
        fc.integer({ min: 100, max: 300 }),
        (pieces, maxChars) => {
          const text = pieces.join('');
          const passages = segmentPassages('c', text, { maxChars, minChars: 40, language: 'en' });
          let previousEnd = 0;
          passages.forEach((p, i) => {
            expect(p.id).toBe(`c#${i + 1}`);
            expect(text.slice(p.start, p.end)).toBe(p.text);
            expect(p.text).toBe(p.text.trim());
            expect(p.text.length).toBeGreaterThan(0);
            expect(p.text.length).toBeLessThanOrEqual(maxChars);
            expect(p.start).toBeGreaterThanOrEqual(previousEnd);
            previousEnd = p.end;
          });
          if (text.trim().length > 0) expect(passages.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
