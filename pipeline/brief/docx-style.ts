// brief.docx's look: Word's own styles (Title, Heading 1-3, Quote, Caption) set to the house colors.
import {
  AlignmentType,
  BorderStyle,
  type INumberingOptions,
  type IStylesOptions,
  LevelFormat,
  LineRuleType,
} from 'docx';
import { ACCENT, INK, MUTED } from './pdf-style.js';

/** Word's colors are hex without the hash. */
const accent = ACCENT.slice(1);
const ink = INK.slice(1);
const muted = MUTED.slice(1);

/** Calibri ships with Office; LibreOffice substitutes the metric-compatible Carlito. */
const FONT = 'Calibri';
/** Code spans and blocks. */
export const MONO_FONT = 'Consolas';

/** Paper in twentieths of a point (twips). */
export const PAGES = {
  A4: { width: 11906, height: 16838 },
  LETTER: { width: 12240, height: 15840 },
} as const;
/** Every margin: one inch. */
export const MARGIN = 1440;

/** The width left for text on a page, in twips. */
export function textWidth(size: keyof typeof PAGES): number {
  return PAGES[size].width - 2 * MARGIN;
}

/** Paragraph style ids the writer uses beside Word's headings (and the reader maps back). */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  quote: 'Quote',
  caption: 'Caption',
  contentsHeading: 'TOCHeading',
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  code: 'Code',
  footer: 'Footer',
} as const;

/** The document's styles: body text at 11 pt, headings in the house accent, a ruled quote style. */
export const STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: 22, color: ink },
      // Line spacing in 240ths of a line: 1.15 lines.
      paragraph: { spacing: { after: 140, line: 276, lineRule: LineRuleType.AUTO } },
    },
    title: {
      run: { font: FONT, size: 52, bold: true, color: ink },
      paragraph: { spacing: { before: 3600, after: 360 } },
    },
    heading1: {
      run: { font: FONT, size: 32, bold: true, color: accent },
      paragraph: {
        spacing: { before: 480, after: 160 },
        keepNext: true,
        border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: accent, space: 4 } },
      },
    },
    heading2: {
      run: { font: FONT, size: 26, bold: true, color: ink },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
    },
    heading3: {
      run: { font: FONT, size: 23, bold: true, color: ink },
      paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
    },
    hyperlink: { run: { color: accent } },
    listParagraph: { paragraph: { spacing: { after: 80 } } },
  },
  paragraphStyles: [
    {
      id: STYLE.subtitle,
      name: 'Subtitle',
      basedOn: 'Normal',
      run: { font: FONT, size: 24, color: muted },
      paragraph: { spacing: { after: 120 } },
    },
    {
      id: STYLE.quote,
      name: 'Quote',
      basedOn: 'Normal',
      run: { italics: true, color: '333333' },
      paragraph: {
        indent: { left: 360, right: 360 },
        spacing: { before: 60, after: 160 },
        border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'C9D1DA', space: 10 } },
      },
    },
    {
      id: STYLE.caption,
      name: 'Caption',
      basedOn: 'Normal',
      run: { size: 18, color: muted, italics: true },
      paragraph: { spacing: { before: 60, after: 240 } },
    },
    {
      id: STYLE.contentsHeading,
      name: 'TOC Heading',
      basedOn: 'Normal',
      run: { font: FONT, size: 32, bold: true, color: ink },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      run: { size: 18 },
      paragraph: { spacing: { before: 20, after: 20, line: 240 } },
    },
    {
      id: STYLE.tableHeader,
      name: 'Table Header',
      basedOn: STYLE.tableText,
      run: { bold: true },
    },
    {
      id: STYLE.code,
      name: 'Code',
      basedOn: 'Normal',
      run: { font: MONO_FONT, size: 18 },
      paragraph: { spacing: { after: 0, line: 240 } },
    },
    {
      id: STYLE.footer,
      name: 'footer',
      basedOn: 'Normal',
      run: { size: 17, color: muted },
      paragraph: { spacing: { after: 0 } },
    },
    ...[1, 2].map((level) => ({
      id: `TOC${level}`,
      name: `toc ${level}`,
      basedOn: 'Normal',
      next: 'Normal',
      run: level === 1 ? { bold: true } : {},
      paragraph: {
        indent: { left: 360 * (level - 1) },
        spacing: { before: level === 1 ? 120 : 0, after: 40 },
      },
    })),
  ],
};

/** Numbering references for bulleted and numbered lists (three levels each). */
export const LISTS = { bullet: 'bullet', number: 'number' } as const;

const BULLETS = ['•', '–', '◦'];

/** Word's numbering definitions for the two kinds of list. */
export const NUMBERING: INumberingOptions = {
  config: [
    {
      reference: LISTS.bullet,
      levels: BULLETS.map((text, level) => ({
        level,
        format: LevelFormat.BULLET,
        text,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
      })),
    },
    {
      reference: LISTS.number,
      levels: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN].map(
        (format, level) => ({
          level,
          format,
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 300 } } },
        }),
      ),
    },
  ],
};
