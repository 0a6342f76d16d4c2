// Draws a chart's shapes (parsed from its SVG) as PDF vectors, its labels through the typesetter.
import { PLAIN } from './pdf-runs.js';
import type { Typesetter } from './pdf-typeset.js';
import type { Drawing } from './svg-shapes.js';

/** Where a chart goes: its top-left corner in points, and its scale. */
export interface Placement {
  x: number;
  y: number;
  scale: number;
}

/** Draws a chart's rectangles, lines and labels at `at`. */
export function drawChart(
  doc: PDFKit.PDFDocument,
  type: Typesetter,
  drawing: Drawing,
  at: Placement,
): void {
  const { x, y, scale } = at;
  for (const shape of drawing.shapes) {
    if (shape.kind === 'rect') {
      doc
        .rect(x + shape.x * scale, y + shape.y * scale, shape.width * scale, shape.height * scale)
        .fill(shape.fill);
    } else if (shape.kind === 'line') {
      doc
        .moveTo(x + shape.x1 * scale, y + shape.y1 * scale)
        .lineTo(x + shape.x2 * scale, y + shape.y2 * scale)
        .lineWidth(0.8)
        .strokeColor(shape.stroke)
        .stroke();
    } else {
      const size = shape.size * scale;
      const run = { ...PLAIN, bold: shape.bold, text: shape.text };
      const line = type.layout([run], size, Number.POSITIVE_INFINITY)[0];
      if (!line) continue;
      const shift =
        shape.anchor === 'end' ? line.width : shape.anchor === 'middle' ? line.width / 2 : 0;
      // SVG places text by its baseline; the typesetter by the top of the line.
      type.draw(line, x + shape.x * scale - shift, y + shape.y * scale - size * 0.8, line.width, {
        color: shape.fill,
        linkColor: shape.fill,
        align: 'left',
      });
    }
  }
}
