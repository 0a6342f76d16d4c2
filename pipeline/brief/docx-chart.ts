// A chart for Word: its SVG (the drawing subset only) with a PNG of it for readers without SVG.
import { Resvg } from '@resvg/resvg-js';
import { type Face, fontFile } from './pdf-fonts.js';
import { type Drawing, drawingToSvg, parseSvg } from './svg-shapes.js';

/** A chart ready to embed: its vector form, a picture of it, and its size in CSS pixels. */
export interface ChartImage {
  /** The drawing as SVG again: rectangles, lines and text only. */
  svg: string;
  /** The drawing rasterised at twice its size, for readers without SVG. */
  png: Buffer;
  width: number;
  height: number;
  /** The chart's own title (its `<title>`). */
  title: string;
}

/** Faces the picture may need: labels are theme names, in any script. */
const FACES: readonly Face[] = ['regular', 'bold', 'arabic', 'hebrew', 'cjk', 'emoji'];

/** PNG pixels per SVG pixel: sharp on screen and on paper at the width Word gives it. */
const ZOOM = 2;

/**
 * The chart in an SVG file as Word embeds it: the SVG again from its parsed drawing (so nothing
 * but rectangles, lines and text reaches the document), and a PNG rasterised offline by resvg in
 * the PDF's own fonts, which Word before 2016 and other readers show instead. Null when the text
 * is not a chart.
 */
export function chartImage(svgText: string): ChartImage | null {
  const drawing = parseSvg(svgText);
  if (!drawing) return null;
  const svg = drawingToSvg(drawing);
  return {
    svg,
    png: rasterise(svg, drawing),
    width: drawing.width,
    height: drawing.height,
    title: drawing.title,
  };
}

function rasterise(svg: string, drawing: Drawing): Buffer {
  const scripts = drawing.shapes.some(
    (s) => s.kind === 'text' && /[^\u0020-\u052f\u2000-\u20cf]/u.test(s.text),
  );
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: ZOOM },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      // Fonts for other scripts are large: opened only when a label needs them.
      fontFiles: (scripts ? FACES : FACES.slice(0, 2)).map(fontFile),
      defaultFontFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
