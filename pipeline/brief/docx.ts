// brief.docx from the brief's Markdown: the same blocks as the PDF, in Word's own styles.
import {
  AlignmentType,
  Document,
  type FileChild,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  TableOfContents,
  TabStopType,
  TextRun,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Token, Tokens } from 'marked';
import { DocxBlocks } from './docx-blocks.js';
import { docxRuns } from './docx-runs.js';
import { MARGIN, NUMBERING, PAGES, STYLE, STYLES, textWidth } from './docx-style.js';
import { MarkdownBlocks } from './pdf-blocks.js';
import { plainText } from './pdf-runs.js';

export interface DocxOptions {
  pageSize: 'A4' | 'LETTER';
  /** The document's creation date (ISO day), written into its properties. */
  date: string;
  /** Reads a file the Markdown refers to (a chart), relative to the Markdown; undefined if absent. */
  readAsset(path: string): string | undefined;
}

/**
 * `brief.docx` from brief Markdown (marked's blocks, as the PDF reads them), written with the
 * `docx` library: a title page; a contents field Word fills in on opening (its entries already
 * there, without page numbers, for readers that do not update fields); Heading 1-3 for `##` to
 * `####`; bulleted and numbered lists; tables whose header row repeats on each page; quotes in
 * the Quote style; citations as internal links to bookmarks on the annex's anchors; charts as SVG
 * pictures with a PNG fallback and a caption; the title and "Page N of M" in the footer; the paper
 * `pageSize` says; and the title, subject and creation date in the document's properties.
 */
export async function writeDocx(
  markdown: string | Uint8Array,
  options: DocxOptions,
): Promise<Buffer> {
  const blocks = new MarkdownBlocks(markdown);
  const writer = new DocxBlocks({
    textWidth: textWidth(options.pageSize),
    readAsset: options.readAsset,
  });
  const body: FileChild[] = [];
  for (const token of blocks.body()) for (const child of writer.block(token)) body.push(child);
  const page = {
    size: PAGES[options.pageSize],
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, footer: 720 },
  };
  const running = footer(blocks.title, textWidth(options.pageSize));
  const document = new Document({
    title: blocks.title,
    subject: subjectOf(blocks.cover),
    creator: 'consultation-brief',
    lastModifiedBy: 'consultation-brief',
    description: 'Policy brief from a public consultation, exported by consultation-brief.',
    features: { updateFields: true },
    styles: STYLES,
    numbering: NUMBERING,
    // The front matter and the body are two sections, so that the body starts on a page of its
    // own without an empty paragraph; the footer is the same, page numbers run on.
    sections: [
      {
        properties: { titlePage: true, page },
        footers: { default: running, first: new Footer({ children: [] }) },
        children: [...titlePage(blocks.cover), ...contents(blocks.headings)],
      },
      {
        properties: { type: SectionType.NEXT_PAGE, page },
        footers: { default: running },
        children: body,
      },
    ],
  });
  return finishPackage(await Packer.toBuffer(document), options.date);
}

/** The title block: the title in Word's Title style, the line under it as Subtitle, then the rest. */
function titlePage(cover: readonly Token[]): Paragraph[] {
  let subtitle = true;
  return cover.flatMap((token) => {
    if (token.type === 'heading')
      return [
        new Paragraph({ style: STYLE.title, children: docxRuns((token as Tokens.Heading).tokens) }),
      ];
    if (token.type !== 'paragraph') return [];
    const style = subtitle ? STYLE.subtitle : undefined;
    subtitle = false;
    return [
      new Paragraph({
        ...(style ? { style } : {}),
        children: docxRuns((token as Tokens.Paragraph).tokens),
      }),
    ];
  });
}

/** The contents on a page of its own: Word's TOC field over Heading 1-2. */
function contents(headings: readonly Tokens.Heading[]): FileChild[] {
  // Headings of levels 2 and 3 as Word lists them once it updates the field (it adds the pages).
  const shown = headings.map((heading) => ({
    title: plainText(heading.tokens),
    level: Math.max(heading.depth - 1, 1),
  }));
  return [
    new Paragraph({
      style: STYLE.contentsHeading,
      pageBreakBefore: true,
      children: [new TextRun('Contents')],
    }),
    new TableOfContents('Contents', {
      hyperlink: true,
      headingStyleRange: '1-2',
      cachedEntries: shown,
    }),
  ];
}

/** The running title on the left and "Page N of M" on the right. */
function footer(title: string, width: number): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        alignment: AlignmentType.LEFT,
        children: [
          new TextRun(title),
          new TextRun({
            children: ['\tPage ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/** The subject in the document's properties: the title page's first line ("Policy input for ..."). */
function subjectOf(cover: readonly Token[]): string {
  const first = cover.find((t): t is Tokens.Paragraph => t.type === 'paragraph');
  return first ? plainText(first.tokens) : 'Policy brief';
}

/** The contents field's control, marked as Word marks its own (LibreOffice reads the field then). */
const CONTENTS_CONTROL = '<w:sdtPr><w:alias w:val="Contents"/>';
const CONTENTS_PART =
  '<w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>';

/**
 * The library's package with what it cannot set: `date` as the creation and modification time
 * (it stamps the clock's, and the same brief and date should give the same file), the contents
 * control's gallery, and a number of its own for each bookmark.
 */
function finishPackage(docx: Buffer, date: string): Buffer {
  const files = unzipSync(docx);
  const stamp = `${date}T00:00:00Z`;
  const edit = (name: string, change: (xml: string) => string) => {
    const file = files[name];
    if (file) files[name] = strToU8(change(strFromU8(file)));
  };
  edit('docProps/core.xml', (xml) =>
    xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`),
  );
  let bookmarks = 0;
  edit('word/document.xml', (xml) =>
    xml
      .replace(CONTENTS_CONTROL, `${CONTENTS_CONTROL}${CONTENTS_PART}`)
      // The library numbers every bookmark 1; Word pairs a bookmark's start and end by number.
      .replace(
        /<w:bookmarkStart w:name="([^"]+)" w:id="\d+"\/><w:bookmarkEnd w:id="\d+"\/>/g,
        (_, name: string) =>
          `<w:bookmarkStart w:name="${name}" w:id="${++bookmarks}"/><w:bookmarkEnd w:id="${bookmarks}"/>`,
      ),
  );
  // Files only: the library's zip lists folders too, which Word does not need.
  const entries = Object.fromEntries(Object.entries(files).filter(([name]) => !name.endsWith('/')));
  // The lightest compression: most of the package is XML, small at any level, and this is faster.
  return Buffer.from(zipSync(entries, { mtime: new Date(stamp), level: 1 }));
}
