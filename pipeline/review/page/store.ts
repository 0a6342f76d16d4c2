// The page's state: the review as last loaded, what is shown, what is selected.
import type { ReviewAction } from '../../../schemas/review.js';
import type { CountsView, StateView, ThemeView } from '../views.js';
import { ApiError, getJson, postJson, query } from './api.js';
import { browserReviewer, onNewTab, tabId } from './identity.js';

/** What the right-hand side shows. */
export type View =
  | { kind: 'theme'; id: string }
  | { kind: 'other' }
  | { kind: 'excluded' }
  | { kind: 'search'; q: string };

/** What changed, so that only the affected parts are drawn again. */
export type Change = 'state' | 'view' | 'selection' | 'counts';

type Listener = (change: Change) => void;

/** The page's one store. */
export const store = {
  state: null as StateView | null,
  view: { kind: 'other' } as View,
  selection: new Set<string>(),
  offset: 0,
  /** Set while a decision is on its way, so that a double click sends it once. */
  busy: false,
  /** The attribute values the lists are narrowed to (attribute name to value); empty for all. */
  where: {} as Record<string, string>,
  /** The tree's counts under `where`; null when no filter is set (or not loaded yet). */
  counts: null as CountsView | null,
};

const listeners: Listener[] = [];
const noticeListeners: ((text: string, kind: 'error' | 'info') => void)[] = [];

/** Calls `listener` after every change. */
export function subscribe(listener: Listener): void {
  listeners.push(listener);
}

/** Calls `listener` with every notice to show. */
export function onNotice(listener: (text: string, kind: 'error' | 'info') => void): void {
  noticeListeners.push(listener);
}

/** Shows a message above the page. */
export function notify(text: string, kind: 'error' | 'info' = 'info'): void {
  for (const listener of noticeListeners) listener(text, kind);
}

function emit(change: Change): void {
  for (const listener of listeners) listener(change);
}

/** The theme with this id in the current state. */
export function themeById(id: string): ThemeView | undefined {
  return store.state?.themes.find((t) => t.id === id);
}

/** Shows another theme or list, with nothing selected. */
export function show(view: View): void {
  store.view = view;
  store.offset = 0;
  store.selection.clear();
  emit('view');
}

/**
 * Narrows every list to the passages of respondents with `value` for attribute `name` (null:
 * any value), with nothing selected, and loads the tree's counts under the filter.
 */
export function filterBy(name: string, value: string | null): void {
  const where = { ...store.where };
  if (value === null) delete where[name];
  else where[name] = value;
  store.where = where;
  store.counts = null;
  store.offset = 0;
  store.selection.clear();
  emit('view');
  void loadCounts();
}

/** The filter as the API's `where` parameter (none when no filter is set). */
export function whereParam(): Record<string, string> {
  return Object.keys(store.where).length === 0 ? {} : { where: JSON.stringify(store.where) };
}

let countsTicket = 0;

/** Loads the tree's counts under the filter (after a filter or state change); none without one. */
export async function loadCounts(): Promise<void> {
  const ticket = ++countsTicket;
  const params = whereParam();
  if (!params.where) return;
  try {
    const counts = await getJson<CountsView>(`/api/counts?${query(params)}`);
    if (ticket !== countsTicket) return;
    store.counts = counts;
    emit('counts');
  } catch (error) {
    notify((error as Error).message, 'error');
  }
}

/** Moves to another page of the current list. */
export function showPage(offset: number): void {
  store.offset = Math.max(0, offset);
  emit('view');
}

/** Selects or unselects a passage. */
export function toggleSelected(id: string, selected: boolean): void {
  if (selected) store.selection.add(id);
  else store.selection.delete(id);
  emit('selection');
}

/** Selects (or unselects) many passages at once. */
export function setSelected(ids: Iterable<string>, selected: boolean): void {
  for (const id of ids) {
    if (selected) store.selection.add(id);
    else store.selection.delete(id);
  }
  emit('selection');
}

/** Empties the selection. */
export function clearSelection(): void {
  store.selection.clear();
  emit('selection');
}

/** Loads the review's state from the app, with this tab's undo and redo. */
export async function loadState(): Promise<void> {
  store.state = await getJson<StateView>(`/api/state?${query({ tab: tabId() })}`);
  keepViewValid();
  emit('state');
}

/**
 * Sends decisions taken on the state shown, as this tab and (when the app has no name of its
 * own) this browser's reviewer. When another tab or reviewer changed what they touch meanwhile,
 * the app refuses them: the page shows its one-sentence reason and loads the current state.
 * Returns whether the decisions were recorded.
 */
export async function decide(
  actions: ReviewAction[],
  follow?: (state: StateView) => View | null,
): Promise<boolean> {
  if (!store.state || store.busy) return false;
  store.busy = true;
  try {
    const state = await postJson<StateView>('/api/decisions', {
      revision: store.state.revision,
      actions,
      tab: tabId(),
      reviewer: browserReviewer(),
    });
    store.state = state;
    store.selection.clear();
    const next = follow?.(state);
    if (next) store.view = next;
    keepViewValid();
    emit('state');
    return true;
  } catch (error) {
    notify((error as Error).message, 'error');
    if (error instanceof ApiError && error.status === 409) await loadState();
    return false;
  } finally {
    store.busy = false;
  }
}

// A duplicated tab's first state offered its original's undo: load this tab's own.
onNewTab(() => void loadState().catch((error: Error) => notify(error.message, 'error')));

/** After a change, a theme that no longer exists gives way to the first theme. */
function keepViewValid(): void {
  const { view, state } = store;
  if (!state) return;
  if (view.kind === 'theme' && !state.themes.some((t) => t.id === view.id)) {
    const first = state.themes[0];
    store.view = first ? { kind: 'theme', id: first.id } : { kind: 'other' };
    store.offset = 0;
  }
}
