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

  it('segments a 1 MB contribution quickly', () => {
    const paragraph = Array.from({ length: 12 }, (_, n) => sentence('budget', n)).join(' ');
    const text = Array.from({ length: 1100 }, () => paragraph).join('\n\n');
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const passages = segmentPassages('big', text, OPTIONS);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(
      passages.every((p) => text.slice(p.start, p.end) === p.text && p.text.length <= 600),
    ).toBe(true);
  });

  it('handles a 1 MB text without any space or sentence end', () => {
    const text = 'a'.repeat(1_000_000);
    const passages = segmentPassages('blob', text, OPTIONS);
    expect(passages).toHaveLength(Math.ceil(1_000_000 / 600));
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
