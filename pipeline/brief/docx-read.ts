// An edited brief.docx read back: its text as brief Markdown (through mammoth), its charts as SVG.
import { createRequire } from 'node:module';
import { strFromU8, unzipSync } from 'fflate';
import { sha256 } from '../hash.js';
import { htmlToMarkdown } from './html-markdown.js';

// mammoth ships CommonJS with an `export =` type; loaded the CommonJS way to match it.
const require = createRequire(import.meta.url);
const mammoth = require('mammoth') as typeof import('mammoth');

/** A brief read from Word: its Markdown, and the chart files that Markdown refers to. */
export interface DocxBrief {
  markdown: string;
  /** SVG text by the path the Markdown gives it (`charts/figure-1.svg`). */
  charts: ReadonlyMap<string, string>;
}

/**
 * Word's styles as the brief's blocks: the title page's Title and Subtitle, Heading 1-3 one
 * level below Markdown's `#` (the title), quotes, captions; the contents (its heading and the
 * entries Word writes into the field) is left out, as the PDF and HTML make their own.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='Heading 4'] => h5:fresh",
  "p[style-name='Quote'] => blockquote:fresh > p:fresh",
  "p[style-name='Intense Quote'] => blockquote:fresh > p:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='TOC Heading'] => !",
  "p[style-name='toc 1'] => !",
  "p[style-name='toc 2'] => !",
  "p[style-name='toc 3'] => !",
];

/**
 * Reads a .docx (a brief exported by `writeDocx` and edited in Word, or any Word document) as
 * brief Markdown. mammoth reads the document as Word shows it with its changes accepted: text in
 * tracked insertions is kept and tracked deletions are left out; comments, headers, footers and
 * page layout are not read. A picture whose PNG is the fallback of an SVG in the package (the
 * brief's charts) comes back as that SVG; other pictures are named by their description only.
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxBrief> {
  const svgByPicture = chartsOf(unzipSync(bytes));
  const charts = new Map<string, string>();
  const convertImage = mammoth.images.imgElement(async (image) => {
    const svg = svgByPicture.get(sha256(await image.readAsBuffer()));
    if (svg === undefined) return { src: '' };
    const src = `charts/figure-${charts.size + 1}.svg`;
    charts.set(src, svg);
    return { src };
  });
  const { value } = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    { styleMap: STYLE_MAP, convertImage, ignoreEmptyParagraphs: true },
  );
  return { markdown: htmlToMarkdown(value), charts };
}

/**
 * The SVG of each picture that has one (Word's `svgBlip` beside the `blip` of its PNG), by the
 * hash of the PNG, which is what mammoth hands over.
 */
function chartsOf(files: Record<string, Uint8Array>): Map<string, string> {
  const rels = strFromU8(files['word/_rels/document.xml.rels'] ?? new Uint8Array());
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(tag)?.[1];
    const target = /\bTarget="([^"]+)"/.exec(tag)?.[1];
    if (id && target) targets.set(id, `word/${target.replace(/^\/?word\//, '')}`);
  }
  const document = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  const svgs = new Map<string, string>();
  for (const [, png, inner = ''] of document.matchAll(
    /<a:blip\b[^>]*?r:embed="([^"]+)"[^>]*>([\s\S]*?)<\/a:blip>/g,
  )) {
    const svg = /svgBlip\b[^>]*?r:embed="([^"]+)"/.exec(inner)?.[1];
    const pngFile = files[targets.get(png ?? '') ?? ''];
    const svgFile = files[targets.get(svg ?? '') ?? ''];
    if (pngFile && svgFile) svgs.set(sha256(pngFile), strFromU8(svgFile));
  }
  return svgs;
}
