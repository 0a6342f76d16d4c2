import type { CleanRecord } from '../../schemas/clean-record.js';
import type { ExclusionReason } from '../../schemas/review.js';
import type { Themes } from '../../schemas/themes.js';
import { csvText } from './csv-field.js';
import type { StanceColumn } from './stance-columns.js';

/** The file name of the assignments table in the run folder. */
export const ASSIGNMENTS_CSV = 'assignments.csv';

const COLUMNS = [
  'contribution',
  'passage',
  'theme_id',
  'theme',
  'subtheme_id',
  'subtheme',
  'status',
  'detail',
];

/**
 * `assignments.csv`, for auditing in a spreadsheet: one row per kept passage and theme it is in
 * (with its sub-theme, if any; "other" when it fits none), and one row per duplicate (detail:
 * the contribution it was merged into), excluded record (detail: why) or answer saying only that
 * nothing needs to change (status `nothing-to-change`), and one row per passage a reviewer
 * excluded (status `excluded-by-review`, detail: the reason). Every input record appears at
 * least once. Each of `stances` (default none) adds a column with the row's contribution's
 * position on a guiding question (blank when it is not on the question).
 */
export function assignmentsCsv(
  records: readonly CleanRecord[],
  themes: Themes,
  excluded: ReadonlyMap<string, ExclusionReason> = new Map(),
  stances: readonly StanceColumn[] = [],
): string {
  const top = themes.themes.filter((t) => t.parentId === null);
  const topOf = new Map<string, string[]>();
  for (const theme of top)
    for (const id of theme.passageIds) topOf.set(id, [...(topOf.get(id) ?? []), theme.id]);
  const subOf = new Map<string, { id: string; label: string; parentId: string }[]>();
  for (const sub of themes.themes.filter((t) => t.parentId !== null)) {
    for (const id of sub.passageIds) {
      subOf.set(id, [
        ...(subOf.get(id) ?? []),
        { id: sub.id, label: sub.label, parentId: sub.parentId as string },
      ]);
    }
  }
  const label = new Map(top.map((t) => [t.id, t.label]));
  const rows: string[][] = [];
  for (const record of records) {
    if (record.status === 'duplicate')
      rows.push([record.id, '', '', '', '', '', 'duplicate', record.duplicateOf]);
    else if (record.status === 'excluded')
      rows.push([record.id, '', '', '', '', '', 'excluded', record.reason]);
    else if (record.status === 'nothing-to-change')
      rows.push([record.id, '', '', '', '', '', 'nothing-to-change', '']);
    else {
      for (const passage of record.passages) {
        const reason = excluded.get(passage.id);
        if (reason) {
          rows.push([record.id, passage.id, '', '', '', '', 'excluded-by-review', reason]);
          continue;
        }
        const themeIds = topOf.get(passage.id) ?? [];
        if (themeIds.length === 0) rows.push([record.id, passage.id, '', '', '', '', 'other', '']);
        for (const themeId of themeIds) {
          const sub = (subOf.get(passage.id) ?? []).find((s) => s.parentId === themeId);
          rows.push([
            record.id,
            passage.id,
            themeId,
            label.get(themeId) ?? '',
            sub?.id ?? '',
            sub?.label ?? '',
            'themed',
            '',
          ]);
        }
      }
    }
  }
  const header = [...COLUMNS, ...stances.map((s) => s.header)];
  const withStances = rows.map((row) => [
    ...row,
    ...stances.map((s) => s.positions.get(row[0] as string) ?? ''),
  ]);
  return csvText([header, ...withStances]);
}
