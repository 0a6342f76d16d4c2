import type { Findings, ThemeFindings } from '../../schemas/findings.js';
import { maxOf } from '../arrays.js';
import type { People } from './people.js';

/** The folder, beside the brief, that holds its charts. */
export const CHARTS_DIR = 'charts';

/** A chart as an SVG document, named for `charts/<name>.svg`. */
export interface Chart {
  name: string;
  title: string;
  svg: string;
}

/** Colours for themes, in order (colour-blind-safe palette by Okabe and Ito, then greys). */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#999999',
];
const FONT = 'DejaVu Sans, Arial, sans-serif';
/** Every chart's width in SVG pixels. */
export const WIDTH = 640;

/**
 * The brief's charts, drawn with only `rect`, `line` and `text` at absolute coordinates so that
 * the PDF exporter can draw the same SVG as vectors: the participants per theme (contributions
 * when authors are unknown, as `people` says) with their share, and the passages per week by
 * theme when the consultation has weeks.
 */
export function briefCharts(
  findings: Findings,
  people: People,
  weekLabels: readonly string[],
): Chart[] {
  const top = findings.themes
    .filter((t) => t.parentId === null)
    .sort((a, b) => b.prevalence.participants - a.prevalence.participants);
  const charts = [prevalenceChart(top, people)];
  if (weekLabels.length > 1 && top.length > 0) charts.push(weeklyChart(top, weekLabels));
  return charts;
}

function prevalenceChart(themes: readonly ThemeFindings[], people: People): Chart {
  const { title, sizeOf } = {
    all: {
      title: 'Participants per theme',
      sizeOf: (t: ThemeFindings) => t.prevalence.participants,
    },
    none: {
      title: 'Contributions per theme',
      sizeOf: (t: ThemeFindings) => t.prevalence.contributions,
    },
    some: {
      title: 'People per theme (at most)',
      sizeOf: (t: ThemeFindings) => t.prevalence.participants,
    },
  }[people.identification];
  const row = 24;
  const labelWidth = 230;
  const barWidth = WIDTH - labelWidth - 70;
  const height = 40 + themes.length * row;
  const max = maxOf([1, ...themes.map(sizeOf)]);
  const parts = [text(10, 20, title, { size: 14, weight: 'bold' })];
  themes.forEach((theme, i) => {
    const y = 34 + i * row;
    const width = Math.max(1, (sizeOf(theme) / max) * barWidth);
    parts.push(
      text(labelWidth - 8, y + 14, clip(theme.label, 34), { anchor: 'end' }),
      rect(labelWidth, y + 2, width, row - 8, PALETTE[0] as string),
      text(
        labelWidth + width + 6,
        y + 14,
        `${sizeOf(theme)} (${Math.round(theme.prevalence.participantShare * 100)}%)`,
      ),
    );
  });
  return { name: 'participants-per-theme', title, svg: svg(height, title, parts) };
}

function weeklyChart(themes: readonly ThemeFindings[], weeks: readonly string[]): Chart {
  const title = 'Passages per week, by theme';
  const shown = themes.slice(0, PALETTE.length - 1);
  const rest = themes.slice(PALETTE.length - 1);
  const series = shown.map((t) => ({ label: t.label, weekly: t.trend.weekly }));
  if (rest.length > 0) {
    series.push({
      label: 'Other themes',
      weekly: weeks.map((_, w) => rest.reduce((sum, t) => sum + (t.trend.weekly[w] ?? 0), 0)),
    });
  }
  const totals = weeks.map((_, w) => series.reduce((sum, s) => sum + (s.weekly[w] ?? 0), 0));
  const max = maxOf([1, ...totals]);
  const plotTop = 40;
  const plotHeight = 200;
  const left = 50;
  const slot = (WIDTH - left - 20) / weeks.length;
  const parts = [text(10, 20, title, { size: 14, weight: 'bold' })];
  parts.push(line(left, plotTop + plotHeight, WIDTH - 20, plotTop + plotHeight));
  parts.push(text(left - 6, plotTop + 8, String(max), { anchor: 'end' }));
  parts.push(text(left - 6, plotTop + plotHeight, '0', { anchor: 'end' }));
  weeks.forEach((week, w) => {
    const x = left + w * slot + slot * 0.15;
    let y = plotTop + plotHeight;
    series.forEach((s, i) => {
      const h = ((s.weekly[w] ?? 0) / max) * plotHeight;
      if (h <= 0) return;
      y -= h;
      parts.push(rect(x, y, slot * 0.7, h, PALETTE[i] as string));
    });
    parts.push(
      text(x + slot * 0.35, plotTop + plotHeight + 16, clip(week, Math.floor(slot / 7)), {
        anchor: 'middle',
      }),
    );
  });
  const legendTop = plotTop + plotHeight + 34;
  series.forEach((s, i) => {
    const x = 10 + (i % 2) * (WIDTH / 2);
    const y = legendTop + Math.floor(i / 2) * 20;
    parts.push(rect(x, y, 12, 12, PALETTE[i] as string), text(x + 18, y + 11, clip(s.label, 40)));
  });
  const height = legendTop + Math.ceil(series.length / 2) * 20 + 10;
  return { name: 'passages-per-week', title, svg: svg(height, title, parts) };
}

/** An SVG document of the chart's parts, with its title for screen readers. */
export function svg(height: number, title: string, parts: readonly string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${round(height)}" viewBox="0 0 ${WIDTH} ${round(height)}" role="img" aria-label="${escapeXml(title)}">`,
    `<title>${escapeXml(title)}</title>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

/** A filled rectangle. */
export function rect(x: number, y: number, width: number, height: number, fill: string): string {
  return `<rect x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" fill="${fill}"/>`;
}

function line(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="#444444" stroke-width="1"/>`;
}

/** A label, placed by its baseline (11 px unless `size` says). */
export function text(
  x: number,
  y: number,
  content: string,
  style: { size?: number; weight?: 'bold'; anchor?: 'start' | 'middle' | 'end' } = {},
): string {
  const weight = style.weight ? ` font-weight="${style.weight}"` : '';
  return `<text x="${round(x)}" y="${round(y)}" font-family="${FONT}" font-size="${style.size ?? 11}"${weight} text-anchor="${style.anchor ?? 'start'}" fill="#222222">${escapeXml(content)}</text>`;
}

/** A label cut to `chars` characters, with an ellipsis when cut. */
export function clip(label: string, chars: number): string {
  return label.length > chars ? `${label.slice(0, Math.max(1, chars - 1))}…` : label;
}

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
