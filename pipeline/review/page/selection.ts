// Selecting many passages: ranges (Shift), toggles (Ctrl/Cmd), the whole page, the whole list.
import { REVIEW_LIMITS } from '../../../schemas/review-limits.js';
import type { PassageIdsView } from '../views.js';
import { getJson } from './api.js';
import { formatCount } from './dom.js';
import { notify, setSelected, store, toggleSelected } from './store.js';

/** The row a Shift range starts from: the last one ticked, clicked or reached by the keyboard. */
let anchor: string | null = null;

/** The ids of the rows on the page, in order. */
function rowIds(list: ParentNode): string[] {
  return [...list.querySelectorAll<HTMLElement>('li.passage')].map((row) => row.dataset.id ?? '');
}

/** Remembers `id` as where the next Shift range starts. */
export function setAnchor(id: string): void {
  anchor = id;
}

/** A row's box ticked or unticked; with Shift, selects the rows from the anchor to it. */
export function tickBox(list: ParentNode, id: string, checked: boolean, shift: boolean): void {
  if (shift && anchor !== null && anchor !== id) selectRange(list, anchor, id);
  else toggleSelected(id, checked);
  anchor = id;
}

/**
 * A click on a row (not on its controls): with Shift, selects the rows from the anchor to it;
 * with Ctrl or Cmd, ticks or unticks it. Returns whether it selected anything.
 */
export function clickRow(
  list: ParentNode,
  id: string,
  event: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean },
): boolean {
  if (event.shiftKey && anchor !== null && anchor !== id) {
    selectRange(list, anchor, id);
    anchor = id;
    return true;
  }
  anchor = id;
  if (!event.ctrlKey && !event.metaKey && !event.shiftKey) return false;
  toggleSelected(id, !store.selection.has(id));
  return true;
}

/** Where the last Shift+arrow range ended: a Shift+arrow from elsewhere starts a new range. */
let rangeEnd: string | null = null;

/** Shift+arrow: moves to `to` and selects from where the range began (the row left) to it. */
export function extendTo(list: ParentNode, from: string | null, to: string): void {
  if (anchor === null || from !== rangeEnd || !rowIds(list).includes(anchor)) anchor = from ?? to;
  selectRange(list, anchor, to);
  rangeEnd = to;
}

function selectRange(list: ParentNode, from: string, to: string): void {
  const ids = rowIds(list);
  const a = ids.indexOf(from);
  const b = ids.indexOf(to);
  if (a < 0 || b < 0) {
    toggleSelected(to, true);
    return;
  }
  setSelected(ids.slice(Math.min(a, b), Math.max(a, b) + 1), true);
}

/** Selects every row of the page shown. */
export function selectPage(list: ParentNode): void {
  setSelected(rowIds(list), true);
}

/**
 * Selects every passage of the list (`query`: its `in`, `theme` and `q`), across pages, as the
 * app lists them; beyond the most one decision takes, the first ones, and says so.
 */
export async function selectList(query: string): Promise<void> {
  let view: PassageIdsView;
  try {
    view = await getJson<PassageIdsView>(`/api/passage-ids?${query}`);
  } catch (error) {
    notify((error as Error).message, 'error');
    return;
  }
  setSelected(view.ids, true);
  if (view.total > view.ids.length)
    notify(
      `Selected the first ${formatCount(view.ids.length)} of ${formatCount(view.total)}: one decision takes at most ${formatCount(REVIEW_LIMITS.passages)} passages.`,
    );
}
