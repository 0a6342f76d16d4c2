import { execFileSync } from 'node:child_process';

/** The text of a PDF, page by page, through poppler's `pdftotext` (the layout kept). */
export function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}

/** A word of a PDF page and its box. */
export interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

/**
 * Every word poppler finds, with its box (points from the top left of its page); poppler gives
 * right-to-left words in the order of their glyphs on the page, so they are turned back here.
 */
export function pdfWords(path: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
  const pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g;
  return html.split('<page ').flatMap((page, i) =>
    Array.from(page.matchAll(pattern), ([, xMin, yMin, xMax, yMax, raw]) => {
      const text = (raw ?? '').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      return {
        page: i,
        xMin: Number(xMin),
        yMin: Number(yMin),
        xMax: Number(xMax),
        yMax: Number(yMax),
        text: /[\u0590-\u06ff]/u.test(text) ? [...text].reverse().join('') : text,
      };
    }),
  );
}
