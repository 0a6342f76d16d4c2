// The question-by-theme table of the brief's questions section.
import type { Findings } from '../../schemas/findings.js';
import { maxOf } from '../arrays.js';
import { cellText } from './markdown-escape.js';

/**
 * How each top-level theme spreads over the guiding questions: a row per theme, a column per
 * question (Q1, Q2, ... as the section numbers them), each cell the contributions answering the
 * question that are in the theme ("–" for none), and a last column for contributions that name
 * no question when there are some. Rows go question by question (each theme under the question
 * most of its contributions answer), largest first. Empty with fewer than two questions, where
 * the question's own line names its themes.
 */
export function questionThemeTable(findings: Findings): string[] {
  const { questions } = findings;
  if (questions.length < 2) return [];
  const rows = findings.themes
    .filter((theme) => theme.parentId === null)
    .map((theme) => {
      const cells = questions.map(
        (q) => q.themes.find((t) => t.themeId === theme.themeId)?.contributions ?? 0,
      );
      const answered = cells.reduce((sum, n) => sum + n, 0);
      const none = Math.max(0, theme.prevalence.contributions - answered);
      const main = cells.indexOf(maxOf(cells));
      return { label: theme.label, cells, none, main: answered > 0 ? main : questions.length };
    })
    .filter((row) => row.cells.some((n) => n > 0) || row.none > 0)
    .sort((a, b) => a.main - b.main || total(b) - total(a));
  if (rows.length === 0) return [];
  const withNone = rows.some((row) => row.none > 0);
  const headers = [...questions.map((_, i) => `Q${i + 1}`), ...(withNone ? ['No question'] : [])];
  const cell = (n: number) => (n > 0 ? String(n) : '–');
  return [
    `**Themes by question.** Contributions answering each question that are in each theme (a contribution in two themes counts in both)${withNone ? '; "No question": contributions that name none of the questions' : ''}.`,
    '',
    `| Theme | ${headers.join(' | ')} |`,
    `| --- |${headers.map(() => ' ---: |').join('')}`,
    ...rows.map(
      (row) =>
        `| ${cellText(row.label)} | ${[...row.cells, ...(withNone ? [row.none] : [])].map(cell).join(' | ')} |`,
    ),
    '',
  ];
}

function total(row: { cells: readonly number[]; none: number }): number {
  return row.cells.reduce((sum, n) => sum + n, row.none);
}
