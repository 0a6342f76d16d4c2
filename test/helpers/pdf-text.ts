import { execFileSync } from 'node:child_process';

/** The text of a PDF, page by page, through poppler's `pdftotext` (the layout kept). */
export function pdfPages(path: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  return text.split('\f').filter((page, i, all) => i < all.length - 1 || page.trim() !== '');
}
