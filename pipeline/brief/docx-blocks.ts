// Markdown block tokens as Word paragraphs and tables: headings, lists, quotes, tables, figures.
import {
  AlignmentType,
  BorderStyle,
  type FileChild,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Token, Tokens } from 'marked';
import { chartImage } from './docx-chart.js';
import { docxRuns } from './docx-runs.js';
import { LISTS, STYLE } from './docx-style.js';

/** What the blocks need from the document being written. */
export interface BlockContext {
  /** The width left for text, in twips. */
  textWidth: number;
  /** Reads a file the Markdown refers to (a chart), relative to it; undefined if absent. */
  readAsset(path: string): string | undefined;
}

/** A thematic break: a thin rule under an empty paragraph. */
const RULE = { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'C9D1DA', space: 6 } };

/** Turns top-level blocks into Word's, keeping the count of numbered lists so each restarts at 1. */
export class DocxBlocks {
  private lists = 0;

  constructor(private readonly context: BlockContext) {}

  /** One block as Word paragraphs or a table. */
  block(token: Token): FileChild[] {
    switch (token.type) {
      case 'heading': {
        const { depth, tokens } = token as Tokens.Heading;
        // The title is `#`, so `##` is Heading 1, and `####` and deeper Heading 3.
        const heading =
          depth <= 2
            ? HeadingLevel.HEADING_1
            : depth === 3
              ? HeadingLevel.HEADING_2
              : HeadingLevel.HEADING_3;
        return [new Paragraph({ heading, children: docxRuns(tokens) })];
      }
      case 'paragraph':
        return this.paragraph(token as Tokens.Paragraph);
      case 'list':
        return this.list(token as Tokens.List, 0);
      case 'blockquote':
        return this.quote(token as Tokens.Blockquote);
      case 'table':
        // Word puts the next paragraph right under a table: an empty one keeps them apart.
        return [this.table(token as Tokens.Table), new Paragraph({ spacing: { after: 0 } })];
      case 'hr':
        return [new Paragraph({ border: RULE, children: [] })];
      case 'code':
        return (token as Tokens.Code).text
          .split('\n')
          .map((line) => new Paragraph({ style: STYLE.code, children: [new TextRun(line)] }));
      case 'html':
        return [new Paragraph({ children: docxRuns([token]) })];
      case 'space':
      case 'def':
        return [];
      default:
        return 'text' in token && typeof token.text === 'string'
          ? [new Paragraph({ children: [new TextRun(token.text)] })]
          : [];
    }
  }

  private paragraph(paragraph: Tokens.Paragraph): FileChild[] {
    const image = paragraph.tokens.find((t): t is Tokens.Image => t.type === 'image');
    const alone = paragraph.tokens.every(
      (t) => t === image || (t.type === 'text' && !t.raw.trim()),
    );
    if (image && alone) return this.figure(image);
    // A label alone on its line ("**Proposals**") stays with the lines after it.
    const label = paragraph.tokens.length === 1 && paragraph.tokens[0]?.type === 'strong';
    return [new Paragraph({ keepNext: label, children: docxRuns(paragraph.tokens) })];
  }

  /** A chart as an SVG picture (PNG for older readers) and its caption, kept on one page. */
  private figure(image: Tokens.Image): FileChild[] {
    const svg = /^[a-z]+:/i.test(image.href) ? undefined : this.context.readAsset(image.href);
    const chart = svg === undefined ? null : chartImage(svg);
    if (!chart) {
      return [
        new Paragraph({ children: [new TextRun({ text: `[${image.text}]`, italics: true })] }),
      ];
    }
    const widthPx = Math.min(chart.width, (this.context.textWidth / 1440) * 96);
    const heightPx = (chart.height * widthPx) / chart.width;
    const picture = new ImageRun({
      type: 'svg',
      data: Buffer.from(chart.svg),
      fallback: { type: 'png', data: chart.png },
      transformation: { width: widthPx, height: heightPx },
      altText: { name: chart.title, title: image.text, description: image.text },
    });
    return [
      new Paragraph({ keepNext: true, spacing: { before: 120, after: 0 }, children: [picture] }),
      new Paragraph({ style: STYLE.caption, children: [new TextRun(image.text)] }),
    ];
  }

  private list(list: Tokens.List, level: number): FileChild[] {
    const numbering = list.ordered
      ? { reference: LISTS.number, level, instance: ++this.lists }
      : { reference: LISTS.bullet, level };
    return list.items.flatMap((item) =>
      item.tokens.flatMap((token): FileChild[] => {
        if (token.type === 'list') return this.list(token as Tokens.List, Math.min(level + 1, 2));
        const inline = 'tokens' in token && token.tokens ? token.tokens : [token];
        if (token.type !== 'text' && token.type !== 'paragraph') return this.block(token);
        return [new Paragraph({ numbering, children: docxRuns(inline) })];
      }),
    );
  }

  private quote(quote: Tokens.Blockquote): FileChild[] {
    return quote.tokens.flatMap((token): FileChild[] => {
      if (token.type !== 'paragraph') return this.block(token);
      const { tokens } = token as Tokens.Paragraph;
      return [new Paragraph({ style: STYLE.quote, children: docxRuns(tokens) })];
    });
  }

  /** A table across the text width, its columns shared by their text, its header row repeated. */
  private table(table: Tokens.Table): Table {
    const widths = columnWidths(table, this.context.textWidth);
    const row = (cells: Tokens.TableCell[], header: boolean) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: cells.map(
          (cell, i) =>
            new TableCell({
              width: { size: widths[i] ?? 0, type: WidthType.DXA },
              margins: { top: 40, bottom: 40, left: 100, right: 100 },
              ...(header
                ? { shading: { type: ShadingType.CLEAR, fill: 'EEF1F4', color: 'auto' } }
                : {}),
              children: [
                new Paragraph({
                  style: header ? STYLE.tableHeader : STYLE.tableText,
                  alignment: table.align[i] === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                  children: docxRuns(cell.tokens),
                }),
              ],
            }),
        ),
      });
    const line = { style: BorderStyle.SINGLE, size: 4, color: 'C9D1DA' };
    return new Table({
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: line,
        bottom: line,
        left: line,
        right: line,
        insideHorizontal: line,
        insideVertical: line,
      },
      rows: [row(table.header, true), ...table.rows.map((cells) => row(cells, false))],
    });
  }
}

/** Column widths in twips: each column's share of the text width follows its longest cell, within bounds. */
function columnWidths(table: Tokens.Table, total: number): number[] {
  const lengths = table.header.map((cell, i) => {
    const longest = table.rows.reduce(
      (most, row) => Math.max(most, row[i]?.text.length ?? 0),
      cell.text.length,
    );
    return Math.min(Math.max(longest, 6), 60);
  });
  const sum = lengths.reduce((a, b) => a + b, 0);
  return lengths.map((length) => Math.floor((total * length) / sum));
}
