// The PDF of a brief in Arabic, Hebrew, Chinese, Russian and emoji: whole words, in order, no boxes.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBrief } from '../../pipeline/brief/export.js';
import { pdfPages, pdfWords, type Word } from '../helpers/pdf-text.js';
import { FIXED_DATE } from '../helpers/runs.js';

const HEBREW =
  'אנחנו צריכים יותר אוטובוסים בשכונות המערביות כי הקו הנוכחי פועל רק פעם בשעה, והתחנות רחוקות מדי מהבתים של המשפחות עם ילדים קטנים, ולכן אנשים רבים נוסעים במכוניות פרטיות במקום בתחבורה ציבורית';
const ARABIC =
  'نريد حافلات أكثر تكرارا في الأحياء الغربية لأن الخط الحالي يعمل مرة واحدة فقط كل ساعة';

const BRIEF = `# Transport brief — موجز النقل

Consultation on public transport

## Key messages

1. Riders want more frequent buses 👍🏽 [\\[12\\]](#source-12) and safer bike lanes 🚲[\\[3\\]](#source-3). We ❤️ the new routes[\\[7\\]](#source-7).
2. Русские участники просят больше автобусов и безопасные велодорожки [\\[3\\]](#source-3).
3. 中文参与者希望公共交通更加便宜、准时和方便，特别是在早晚高峰时段增加班次。[\\[7\\]](#source-7)

## In their words

> *"${ARABIC}."*  
> — Amina, 2024-03-05 [\\[12\\]](#source-12)

> “${HEBREW}.”  
> — Yael, 2024-03-06 [\\[3\\]](#source-3)

| Theme | Passages |
| --- | ---: |
| النقل العام | 12 |
| 公共交通 | 7 |

## Annexes

### Sources

<a id="source-3"></a>**[3]** Yael, 2024-03-06 (contribution 3): אנחנו צריכים יותר אוטובוסים 🚲

<a id="source-7"></a>**[7]** 李明, 2024-03-07 (contribution 7): 公共交通应该更便宜 ❤️

<a id="source-12"></a>**[12]** Amina, 2024-03-05 (contribution 12): نريد حافلات أكثر 👍🏽
`;

/** The glyph ids every text-showing operator of the PDF draws (hex, four digits each). */
function drawnGlyphs(pdf: Buffer): string[] {
  const glyphs: string[] = [];
  const latin = pdf.toString('latin1');
  for (const match of latin.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = latin.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const [, array] of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      for (const [, hex] of (array as string).matchAll(/<([0-9a-f]+)>/g))
        glyphs.push(...((hex as string).match(/.{4}/g) ?? []));
    }
  }
  return glyphs;
}

/**
 * The words, found once each on the page, read right to left: each is left of the one before it
 * on the same line, or on a line below; the text runs over at least `lines` lines.
 */
function expectReadingOrder(found: readonly Word[], words: readonly string[], lines: number): void {
  const boxes = words.map((word) =>
    found.filter((w) => w.text.replace(/[“”".,()]/gu, '') === word),
  );
  const unique = boxes.flatMap((b, i) =>
    b.length === 1 ? [[words[i], b[0] as Word] as const] : [],
  );
  expect(unique.length).toBeGreaterThan(words.length / 2);
  unique.slice(1).forEach(([word, box], i) => {
    const [before, previous] = unique[i] as readonly [string, Word];
    const below = box.yMin > previous.yMax - 1;
    expect(below || box.xMax <= previous.xMin + 0.5, `${before} then ${word}`).toBe(true);
  });
  expect(new Set(unique.map(([, box]) => Math.round(box.yMax))).size).toBeGreaterThanOrEqual(lines);
}

describe('a brief in many scripts', () => {
  let pdf: string;
  let text: string;

  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-scripts-'));
    await writeFile(join(dir, 'brief.md'), BRIEF);
    pdf = join(dir, 'brief.pdf');
    await exportBrief(join(dir, 'brief.md'), { pdf }, { pageSize: 'A4', date: FIXED_DATE });
    // Poppler's own bidi puts right-to-left words back in reading order.
    text = pdfPages(pdf)
      .join('\n')
      .replace(/[\u202a-\u202e]/g, '');
  }, 60_000);

  it('draws no glyph as .notdef (a box)', async () => {
    const glyphs = drawnGlyphs(await readFile(pdf));
    expect(glyphs.length).toBeGreaterThan(500);
    expect(glyphs.filter((g) => g === '0000')).toEqual([]);
  });

  it('keeps Hebrew words whole and in reading order, right to left over wrapped lines', () => {
    const words = HEBREW.replace(/,/g, '').split(' ');
    for (const word of words) expect(text).toContain(word);
    expectReadingOrder(pdfWords(pdf), words, 3);
  });

  it('keeps Arabic words whole and in reading order, italic drawn upright', () => {
    // Poppler reads the lam-alef ligature (لا) backwards: the words checked have none.
    const words = ARABIC.split(' ').filter((w) => !/ل[اأإآ]/u.test(w));
    for (const word of words) expect(text).toContain(word);
    expect(text).toContain('الخط الحالي يعمل مرة واحدة فقط كل ساعة');
    expect(text).toContain('موجز النقل');
    expectReadingOrder(pdfWords(pdf), words, 1);
  });

  it('draws Chinese, Russian and emoji, and citations beside the emoji', () => {
    expect(text).toContain('中文参与者希望公共交通更加便宜');
    expect(text).toContain('Русские участники просят больше автобусов');
    for (const emoji of ['👍', '🚲', '❤']) expect(text).toContain(emoji);
    expect(text).toMatch(/🚲\s*\[3\]/u);
    expect(text).not.toContain('\ufffd');
  });

  it('overprints nothing and keeps every word inside the margins', () => {
    const words = pdfWords(pdf);
    expect(words.length).toBeGreaterThan(100);
    for (const word of words) {
      expect(word.xMin, word.text).toBeGreaterThanOrEqual(64 - 0.5);
      expect(word.xMax, word.text).toBeLessThanOrEqual(595.28 - 64 + 0.5);
    }
    const rows = new Map<string, Word[]>();
    for (const word of words) {
      const key = `${word.page}:${Math.round(word.yMax)}`;
      rows.set(key, [...(rows.get(key) ?? []), word]);
    }
    for (const row of rows.values()) {
      const sorted = [...row].sort((a, b) => a.xMin - b.xMin);
      sorted.slice(1).forEach((word, i) => {
        const before = sorted[i] as Word;
        expect(word.xMin, `${before.text} | ${word.text}`).toBeGreaterThanOrEqual(
          before.xMax - 0.5,
        );
      });
    }
  });

  it('exports the same bytes twice', async () => {
    const again = `${pdf}.again.pdf`;
    await exportBrief(
      pdf.replace(/pdf$/, 'md'),
      { pdf: again },
      { pageSize: 'A4', date: FIXED_DATE },
    );
    expect((await readFile(again)).equals(await readFile(pdf))).toBe(true);
  });
});
