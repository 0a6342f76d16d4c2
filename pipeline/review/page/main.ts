// The review page: layout, drawing on every change, and keyboard shortcuts.
import './style.css';
import { currentTheme, moveSelected, undoOrRedo } from './actions.js';
import { renderAttributeFilter } from './attribute-filter.js';
import { button, h, replace } from './dom.js';
import { themeHeader } from './header.js';
import { focusRowAfterDraw, renderList, renderSelection, targetPassages } from './list.js';
import { rebuild } from './rebuild.js';
import { askNameOnce, drawReviewer, reviewerButton } from './reviewer.js';
import { extendTo, setAnchor, tickBox } from './selection.js';
import {
  type Change,
  loadCounts,
  loadState,
  notify,
  onNotice,
  show,
  store,
  subscribe,
} from './store.js';
import { suggestionKey, suggestionsPanel } from './suggestions.js';
import { renderTree } from './tree.js';

const search = h('input', {
  type: 'search',
  className: 'search',
  placeholder: 'Search all passages',
  'aria-label': 'Search all passages',
});
const undo = button('↶ Undo', () => undoOrRedo('undo'), { className: 'quiet' });
const redo = button('↷ Redo', () => undoOrRedo('redo'), { className: 'quiet' });
const rebuildButton = button('Rebuild the brief', () => void rebuild(rebuildPanel, rebuildButton), {
  className: 'primary',
});
const rebuildPanel = h('div', { className: 'rebuild-panel', role: 'status', hidden: true });
const notices = h('div', { className: 'notices', 'aria-live': 'polite' });
const filters = h('div', {
  className: 'filters',
  role: 'group',
  'aria-label': 'Show only passages of respondents with',
  hidden: true,
});
const title = h('span', { className: 'title' });
const tree = h('nav', { className: 'sidebar', 'aria-label': 'Themes' });
const head = h('div', { className: 'detail-head' });
const list = h('section', { className: 'passage-list' });

function layout(): void {
  replace(
    document.body,
    h(
      'header',
      { className: 'topbar' },
      h('h1', null, 'Review the themes'),
      title,
      reviewerButton,
      search,
      h('div', { className: 'history' }, undo, redo),
      rebuildButton,
    ),
    filters,
    rebuildPanel,
    notices,
    h(
      'main',
      { className: 'layout' },
      tree,
      h('div', { className: 'detail' }, head, suggestionsPanel(), list),
    ),
  );
}

function draw(change: Change): void {
  if (change === 'selection') {
    renderSelection(list);
    return;
  }
  if (change === 'counts') {
    renderTree(tree);
    return;
  }
  const state = store.state;
  if (!state) return;
  renderAttributeFilter(filters);
  // Decisions move passages: the tree's counts under a filter are loaded again.
  if (change === 'state') void loadCounts();
  // The revision shown, for whoever needs to know the page is up to date (the browser tests).
  document.body.dataset.revision = String(state.revision);
  title.textContent = state.reviewer ? `${state.title} · reviewer ${state.reviewer}` : state.title;
  drawReviewer(state);
  undo.disabled = state.undo === null || state.rebuilding;
  redo.disabled = state.redo === null || state.rebuilding;
  undo.title = state.undo ? `Undo: ${state.undo.detail} (Ctrl+Z)` : 'Nothing to undo';
  redo.title = state.redo ? `Redo: ${state.redo.detail} (Ctrl+Shift+Z)` : 'Nothing to redo';
  renderTree(tree);
  replace(head, detailHead(), orphans());
  // Another list: the previous one's passages must not stay clickable while this one loads.
  if (change === 'view') replace(list, h('p', { className: 'loading' }, 'Loading passages…'));
  void renderList(list);
}

function detailHead(): HTMLElement {
  const theme = currentTheme();
  if (theme) return themeHeader(theme);
  const view = store.view;
  const [name, help] =
    view.kind === 'search'
      ? [`Search: “${view.q}”`, 'Passages of every theme holding this text.']
      : view.kind === 'excluded'
        ? ['Excluded', 'Passages taken out of the brief. Restore puts them back where they were.']
        : ['Other ideas', 'Passages that fit no theme. Move them to a theme, or leave them here.'];
  return h(
    'header',
    { className: 'theme-header' },
    h('h2', null, name),
    h('p', { className: 'meta' }, help),
  );
}

function orphans(): HTMLElement | null {
  const list = store.state?.orphans ?? [];
  if (list.length === 0) return null;
  return h(
    'details',
    { className: 'orphans' },
    h(
      'summary',
      null,
      `${list.length} earlier decision${list.length === 1 ? ' no longer applies' : 's no longer apply'} to this run`,
    ),
    h(
      'ul',
      null,
      list.map((o) => h('li', null, `#${o.n} ${o.kind}: ${o.detail}`)),
    ),
  );
}

function showNotice(text: string, kind: 'error' | 'info'): void {
  const notice = h(
    'div',
    { className: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('span', null, text),
  );
  notice.append(button('Dismiss', () => notice.remove(), { className: 'quiet' }));
  notices.append(notice);
  setTimeout(() => notice.remove(), 12_000);
}

function onKey(event: KeyboardEvent): void {
  const target = event.target as HTMLElement;
  const typing = target.closest('input:not([type=checkbox]), textarea, select, dialog') !== null;
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl && event.key.toLowerCase() === 'z' && !typing) {
    event.preventDefault();
    undoOrRedo(event.shiftKey ? 'redo' : 'undo');
    return;
  }
  if (typing || ctrl || event.altKey || suggestionKey(event)) return;
  const row = target.closest<HTMLElement>('li.passage');
  const rows = [...list.querySelectorAll<HTMLElement>('li.passage')];
  const at = row ? rows.indexOf(row) : -1;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const next = rows[event.key === 'ArrowDown' ? at + 1 : Math.max(0, at - 1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
    const id = next.dataset.id ?? '';
    if (event.shiftKey) extendTo(list, row?.dataset.id ?? null, id);
    else setAnchor(id);
  } else if (event.key === ' ' && row) {
    event.preventDefault();
    const id = row.dataset.id ?? '';
    tickBox(list, id, !store.selection.has(id), false);
  } else if (event.key === 'm') {
    event.preventDefault();
    void moveFromKeyboard(at);
  }
}

/** The move key: after the move, the focus goes to the row that took the moved one's place. */
async function moveFromKeyboard(at: number): Promise<void> {
  focusRowAfterDraw(at < 0 ? null : at);
  if (!(await moveSelected(targetPassages()))) focusRowAfterDraw(null);
}

search.addEventListener('keydown', (event) => {
  if (event.key !== 'Enter') return;
  const q = search.value.trim();
  if (q) show({ kind: 'search', q });
});
document.addEventListener('keydown', onKey);
subscribe(draw);
onNotice(showNotice);
layout();
loadState().then(
  () => {
    const first = store.state?.themes[0];
    show(first ? { kind: 'theme', id: first.id } : { kind: 'other' });
    if (store.state) void askNameOnce(store.state);
  },
  (error: Error) => notify(`The review could not be loaded: ${error.message}`, 'error'),
);
