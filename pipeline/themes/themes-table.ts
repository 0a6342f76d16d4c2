import type { Themes } from '../../schemas/themes.js';
import { maxOf } from '../arrays.js';

/**
 * The theme set as a plain-text table for the terminal: each top-level theme with its passages,
 * participants, sub-themes and origin, then "Other ideas", so a facilitator sees at once what
 * was found; `heading` names the table (default "Themes"; "Reviewed themes" after a review).
 */
export function formatThemesTable(themes: Themes, heading = 'Themes'): string {
  const top = themes.themes.filter((t) => t.parentId === null);
  const labelWidth = Math.min(
    48,
    maxOf([12, heading.length - 2, ...top.map((t) => t.label.length)]),
  );
  const lines = [`${heading.padEnd(labelWidth + 2)}passages  people  sub-themes`];
  for (const theme of top) {
    const subthemes = themes.themes.filter((t) => t.parentId === theme.id).length;
    const origin = theme.origin.kind === 'guided' ? '  (from the taxonomy)' : '';
    lines.push(
      `  ${truncate(theme.label, labelWidth).padEnd(labelWidth)}${count(theme.passageIds.length, 8)}${count(theme.participantCount, 8)}${count(subthemes, 12)}${origin}`,
    );
  }
  lines.push(
    `  ${themes.other.label.padEnd(labelWidth)}${count(themes.other.passageIds.length, 8)}`,
  );
  return lines.join('\n');
}

function count(n: number, width: number): string {
  return n.toLocaleString('en').padStart(width);
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
