import { Parser } from 'htmlparser2';
import { escapeXml } from './charts.js';

/** The drawing elements the brief's charts use, and nothing else. */
export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      bold: boolean;
      anchor: 'start' | 'middle' | 'end';
      fill: string;
    };

export interface Drawing {
  width: number;
  height: number;
  title: string;
  shapes: Shape[];
}

const COLOUR = /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i;

/**
 * Reads an SVG document as the subset the charts use (`rect`, `line`, `text` with absolute
 * coordinates and plain colours). Anything else (scripts, links, styles, images, event
 * attributes) is left out, so a drawing is safe to inline in HTML and simple to draw in a PDF.
 * Null when the text is not an SVG document with a size.
 */
export function parseSvg(svg: string): Drawing | null {
  let drawing: Drawing | null = null;
  let text: Extract<Shape, { kind: 'text' }> | null = null;
  let inTitle = false;
  const number = (value: string | undefined) => {
    const n = Number.parseFloat(value ?? '');
    return Number.isFinite(n) ? n : 0;
  };
  const colour = (value: string | undefined, fallback: string) =>
    value && COLOUR.test(value) ? value : fallback;
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === 'svg' && !drawing) {
          drawing = { width: number(a.width), height: number(a.height), title: '', shapes: [] };
        } else if (!drawing) return;
        else if (name === 'title') inTitle = true;
        else if (name === 'rect') {
          drawing.shapes.push({
            kind: 'rect',
            x: number(a.x),
            y: number(a.y),
            width: number(a.width),
            height: number(a.height),
            fill: colour(a.fill, '#000000'),
          });
        } else if (name === 'line') {
          drawing.shapes.push({
            kind: 'line',
            x1: number(a.x1),
            y1: number(a.y1),
            x2: number(a.x2),
            y2: number(a.y2),
            stroke: colour(a.stroke, '#000000'),
          });
        } else if (name === 'text') {
          const anchor = a['text-anchor'];
          text = {
            kind: 'text',
            x: number(a.x),
            y: number(a.y),
            text: '',
            size: number(a['font-size']) || 11,
            bold: a['font-weight'] === 'bold',
            anchor: anchor === 'middle' || anchor === 'end' ? anchor : 'start',
            fill: colour(a.fill, '#000000'),
          };
        }
      },
      ontext(data) {
        if (text) text.text += data;
        else if (inTitle && drawing) drawing.title += data;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'text' && text && drawing) {
          drawing.shapes.push(text);
          text = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(svg);
  const done = drawing as Drawing | null;
  return done && done.width > 0 && done.height > 0 ? done : null;
}

/** A drawing as SVG markup again: only the subset, every value escaped. */
export function drawingToSvg(drawing: Drawing): string {
  const parts = drawing.shapes.map((s) => {
    if (s.kind === 'rect')
      return `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" fill="${s.fill}"/>`;
    if (s.kind === 'line')
      return `<line x1="${s.x1}" y1="${s.y1}" x2="${s.x2}" y2="${s.y2}" stroke="${s.stroke}"/>`;
    return `<text x="${s.x}" y="${s.y}" font-size="${s.size}"${s.bold ? ' font-weight="bold"' : ''} text-anchor="${s.anchor}" fill="${s.fill}">${escapeXml(s.text)}</text>`;
  });
  const title = escapeXml(drawing.title);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${drawing.width} ${drawing.height}" width="${drawing.width}" height="${drawing.height}" role="img" aria-label="${title}" font-family="DejaVu Sans, Arial, sans-serif"><title>${title}</title>${parts.join('')}</svg>`;
}
