// The review spreadsheet's rows, computed from the reviewed themes: one per passage.
import type { ExclusionReason, ReviewExclusion, ReviewedThemes } from '../../schemas/review.js';
import type { ReviewSheetRow } from '../../schemas/review-sheet.js';
import type { Theme } from '../../schemas/themes.js';
import { contributionOfPassage } from './apply.js';

/** The `theme` cell of passages no theme holds. */
export const OTHER_IDEAS = 'Other ideas';

/** The `excluded` cell of an excluded passage. */
export const EXCLUDED_YES = 'yes';

/** Exclusion reasons as the sheet writes them. */
export const REASON_WORDS: Record<ExclusionReason, string> = {
  spam: 'spam',
  'off-topic': 'off-topic',
  'personal-data': 'personal data',
  other: 'other',
};

/** What the rows are made from: the reviewed themes, the passages in corpus order, their text. */
export interface SheetSource {
  state: ReviewedThemes;
  passageIds: readonly string[];
  textOf(passageId: string): string;
}

/** Where a passage stands in the reviewed themes, as the sheet shows it. */
export interface Placement {
  /** The top-level theme with the passage's best score (null: "other" or excluded). */
  theme: Theme | null;
  subtheme: Theme | null;
  /** The other top-level themes holding the passage. */
  alsoIn: Theme[];
  exclusion: ReviewExclusion | null;
}

/** Each passage's placement (see `Placement`). */
export function placements(state: ReviewedThemes): Map<string, Placement> {
  const scored = new Map<string, [Theme, number][]>();
  for (const theme of state.themes) {
    theme.passageIds.forEach((id, i) => {
      const list = scored.get(id) ?? [];
      list.push([theme, theme.scores[i] ?? 0]);
      scored.set(id, list);
    });
  }
  const excluded = new Map<string, ReviewExclusion>();
  for (const exclusion of state.review.excluded)
    for (const id of exclusion.passageIds) excluded.set(id, exclusion);
  const result = new Map<string, Placement>();
  for (const [id, list] of scored) {
    const top = best(list.filter(([t]) => t.parentId === null));
    const sub = top ? best(list.filter(([t]) => t.parentId === top.id)) : null;
    const alsoIn = list.map(([t]) => t).filter((t) => t.parentId === null && t !== top);
    result.set(id, { theme: top, subtheme: sub, alsoIn, exclusion: null });
  }
  for (const [id, exclusion] of excluded)
    result.set(id, { theme: null, subtheme: null, alsoIn: [], exclusion });
  return result;
}

/** The theme with the highest score (the first on a tie), or null. */
function best(list: readonly [Theme, number][]): Theme | null {
  let found: [Theme, number] | null = null;
  for (const entry of list) if (!found || entry[1] > found[1]) found = entry;
  return found ? found[0] : null;
}

/** The reason cell of an exclusion: its reason, or its note when the reason is "other". */
export function reasonCell(exclusion: ReviewExclusion): string {
  return exclusion.reason === 'other' && exclusion.note.trim() !== ''
    ? exclusion.note
    : REASON_WORDS[exclusion.reason];
}

/** One row per passage, in corpus order (see `ReviewSheetRow`). */
export function reviewSheetRows(source: SheetSource): ReviewSheetRow[] {
  const placed = placements(source.state);
  return source.passageIds.map((passage) => {
    const at = placed.get(passage);
    return {
      passage,
      contribution: contributionOfPassage(passage),
      text: source.textOf(passage),
      theme: at?.exclusion ? '' : (at?.theme?.label ?? OTHER_IDEAS),
      subtheme: at?.subtheme?.label ?? '',
      excluded: at?.exclusion ? EXCLUDED_YES : '',
      reason: at?.exclusion ? reasonCell(at.exclusion) : '',
      alsoIn: (at?.alsoIn ?? []).map((t) => t.label).join('; '),
    };
  });
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell made safe to open in a spreadsheet: text starting like a formula gets a leading
 * apostrophe, which spreadsheets read as "this is text" (CSV injection).
 */
export function guardCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The cell as written before `guardCell`. */
export function unguardCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
