// Charts of the breakdowns: per attribute, the share of each group raising each theme, as grouped bars.
import type { AttributeBreakdown, Findings, GroupShare } from '../../schemas/findings.js';
import { maxOf } from '../arrays.js';
import { type Chart, clip, PALETTE, rect, svg, text, WIDTH } from './charts.js';

/** Themes a chart shows, largest first: the table lists them all. */
const MAX_THEMES = 8;

/** The chart of attribute `index`'s breakdown: `breakdown-<index + 1>`. */
export function breakdownChartName(index: number): string {
  return `breakdown-${index + 1}`;
}

/**
 * One chart per broken-down attribute with themes: for each of the largest themes, a bar per
 * group (the legend names the groups and their sizes), its share written at its end, and "▲" or
 * "▼" after a marked one, so that no difference is shown by colour alone. None for an attribute
 * with more groups than the palette has colours (its table shows them).
 */
export function breakdownCharts(findings: Findings): Chart[] {
  const attributes = findings.breakdowns?.attributes ?? [];
  return attributes.flatMap((a, i) => {
    const themes = a.rows.filter((r) => r.kind === 'theme').slice(0, MAX_THEMES);
    if (themes.length === 0 || a.groups.length > PALETTE.length) return [];
    return [groupedBars(a, themes, breakdownChartName(i))];
  });
}

function groupedBars(
  a: AttributeBreakdown,
  themes: AttributeBreakdown['rows'],
  name: string,
): Chart {
  const title = `Share raising each theme, by ${a.attribute}`;
  const parts = [text(10, 20, clip(title, 90), { size: 14, weight: 'bold' })];
  // The legend: two groups a line.
  a.groups.forEach((g, i) => {
    const x = 10 + (i % 2) * (WIDTH / 2);
    const y = 32 + Math.floor(i / 2) * 18;
    const colour = PALETTE[i] as string;
    parts.push(
      rect(x, y, 12, 12, colour),
      text(x + 18, y + 11, `${clip(g.name, 34)} (${g.participants})`),
    );
  });
  const top = 32 + Math.ceil(a.groups.length / 2) * 18 + 8;
  const labelWidth = 200;
  const barWidth = WIDTH - labelWidth - 150;
  const bar = 11;
  const block = a.groups.length * (bar + 2) + 12;
  const max = maxOf([0.01, ...themes.flatMap((r) => r.cells.map(shareOf))]);
  themes.forEach((row, t) => {
    const y = top + t * block;
    parts.push(text(labelWidth - 8, y + 12, clip(row.label, 30), { anchor: 'end' }));
    row.cells.forEach((cell, g) => {
      const by = y + g * (bar + 2);
      const width = Math.max(1, (shareOf(cell) / max) * barWidth);
      parts.push(
        rect(labelWidth, by, width, bar, PALETTE[g] as string),
        text(labelWidth + width + 5, by + 9, valueLabel(cell), { size: 10 }),
      );
    });
  });
  return { name, title, svg: svg(top + themes.length * block + 6, title, parts) };
}

/** "41%", "▲ 41% (rest 22%)" for a marked share, as the table writes it. */
function valueLabel(cell: GroupShare): string {
  const own = `${Math.round(shareOf(cell) * 100)}%`;
  if (!cell.marked) return own;
  const rest = cell.restBase > 0 ? cell.restCount / cell.restBase : 0;
  return `${shareOf(cell) > rest ? '▲' : '▼'} ${own} (rest ${Math.round(rest * 100)}%)`;
}

function shareOf(cell: GroupShare): number {
  return cell.base > 0 ? cell.count / cell.base : 0;
}
