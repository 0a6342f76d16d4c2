// The passages of the theme or list shown: one page at a time, selectable, with their actions.
import type { PassagePage, PassageView, ThemeView } from '../views.js';
import {
  currentTheme,
  EXCLUSION_REASONS,
  exclude,
  moveSelected,
  pin,
  restore,
  splitSelected,
} from './actions.js';
import { getJson, query } from './api.js';
import { showContribution } from './dialogs.js';
import { button, type Child, formatCount, h, plural, replace } from './dom.js';
import { clickRow, selectList, selectPage, tickBox } from './selection.js';
import { clearSelection, notify, showPage, store, themeById, whereParam } from './store.js';
import { moreLikeThisButton } from './suggestions.js';
import { themeName } from './theme-tree.js';

/** Passages per page: enough to read on, few enough that a 10,000-passage theme draws at once. */
export const PAGE_SIZE = 50;

let loading = 0;
let total = 0;
/** The row to focus once the list is drawn again (after a keyboard move), by position. */
let focusAt: number | null = null;

/** After the list is next drawn, focuses the row at `index` (or the last), so keys go on. */
export function focusRowAfterDraw(index: number | null): void {
  focusAt = index;
}

/** Loads and draws the current page of the current list into `section`. */
export async function renderList(section: HTMLElement): Promise<void> {
  const ticket = ++loading;
  let page: PassagePage;
  try {
    page = await getJson<PassagePage>(`/api/passages?${listQuery()}`);
  } catch (error) {
    notify((error as Error).message, 'error');
    return;
  }
  if (ticket !== loading) return;
  total = page.total;
  const theme = currentTheme();
  replace(
    section,
    selectionBar(section, theme),
    page.total === 0
      ? h('p', { className: 'empty' }, emptyText())
      : h(
          'ol',
          { className: 'passages', 'aria-label': 'Passages' },
          page.items.map((p) => row(section, p, theme)),
        ),
    pager(page),
  );
  if (focusAt !== null) {
    const rows = section.querySelectorAll<HTMLElement>('li.passage');
    rows[Math.min(focusAt, rows.length - 1)]?.focus();
    focusAt = null;
  }
}

/** Draws the selection bar again after the selection changed. */
export function renderSelection(section: HTMLElement): void {
  section.querySelector('.selection-bar')?.replaceWith(selectionBar(section, currentTheme()));
  for (const item of section.querySelectorAll<HTMLElement>('li.passage')) {
    const selected = store.selection.has(item.dataset.id ?? '');
    item.classList.toggle('selected', selected);
    const box = item.querySelector<HTMLInputElement>('input[type=checkbox]');
    if (box) box.checked = selected;
  }
}

/** The passages the move key acts on: the selection, else the passage with the focus. */
export function targetPassages(): string[] {
  if (store.selection.size > 0) return [...store.selection];
  const focused = document.activeElement?.closest<HTMLElement>('li.passage')?.dataset.id;
  return focused ? [focused] : [];
}

function listQuery(): string {
  return query({ ...listParams(), offset: store.offset, limit: PAGE_SIZE });
}

/** Which list the view shows, as the API's `in`, `theme`, `q` and `where` parameters. */
function listParams(): Record<string, string> {
  const { view } = store;
  switch (view.kind) {
    case 'theme':
      return { in: 'theme', theme: view.id, ...whereParam() };
    case 'search':
      return { in: 'all', q: view.q, ...whereParam() };
    default:
      return { in: view.kind, ...whereParam() };
  }
}

function emptyText(): string {
  if (Object.keys(store.where).length > 0) return 'No passage here matches the filter.';
  if (store.view.kind === 'search') return 'No passage holds this text.';
  if (store.view.kind === 'excluded') return 'Nothing is excluded.';
  return 'No passages here.';
}

function selectionBar(section: HTMLElement, theme: ThemeView | undefined): HTMLElement {
  const ids = [...store.selection];
  if (ids.length === 0)
    return h(
      'div',
      { className: 'selection-bar idle' },
      h('strong', null, plural(total, 'passage')),
      filterNote(),
      h(
        'span',
        { className: 'hint' },
        'Tick passages to move, split or exclude several at once (arrow keys, space, m; Shift for a range).',
      ),
      selectAllButtons(section, 0),
    );
  return h(
    'div',
    { className: 'selection-bar', role: 'toolbar', 'aria-label': 'Selected passages' },
    h('strong', null, `${formatCount(ids.length)} selected`),
    button('Move to…', () => void moveSelected(ids)),
    theme && button('Split into a new theme…', () => void splitSelected(theme, ids)),
    store.view.kind !== 'excluded' && excludeSelect((reason) => void exclude(ids, reason)),
    selectAllButtons(section, ids.length),
    button('Clear', clearSelection, { className: 'quiet' }),
  );
}

/** Under a filter, which respondents the list is narrowed to ("country: Kenya"). */
function filterNote(): HTMLElement | null {
  const values = Object.entries(store.where);
  if (values.length === 0) return null;
  const text = values.map(([name, value]) => `${name}: ${value}`).join(', ');
  return h('span', { className: 'filter-note' }, `of respondents with ${text}`);
}

/** "Select all on this page" and "Select all N in this theme" (or results, or of the list). */
function selectAllButtons(section: HTMLElement, selected: number): Child[] {
  const { view } = store;
  if (view.kind === 'excluded' || total === 0 || selected >= total) return [];
  const onPage = section.querySelectorAll('li.passage').length;
  const whole =
    view.kind === 'theme'
      ? `Select all ${formatCount(total)} in this theme`
      : view.kind === 'search'
        ? `Select all ${formatCount(total)} results`
        : `Select all ${formatCount(total)}`;
  return [
    total > PAGE_SIZE &&
      onPage > 0 &&
      button('Select all on this page', () => selectPage(section), { className: 'link' }),
    button(whole, () => void selectList(query(listParams())), { className: 'link' }),
  ];
}

function row(
  section: HTMLElement,
  passage: PassageView,
  theme: ThemeView | undefined,
): HTMLElement {
  const selected = store.selection.has(passage.id);
  const box = h('input', { type: 'checkbox', 'aria-label': 'Select passage', tabindex: -1 });
  box.checked = selected;
  let shift = false;
  box.addEventListener('click', (event) => {
    shift = event.shiftKey;
  });
  box.addEventListener('change', () => tickBox(section, passage.id, box.checked, shift));
  const item = h(
    'li',
    {
      className: `passage${selected ? ' selected' : ''}`,
      tabindex: 0,
      'data-id': passage.id,
    },
    box,
    h(
      'div',
      { className: 'passage-body' },
      h('p', { className: 'text' }, highlighted(passage.text)),
      h('p', { className: 'meta' }, meta(passage)),
      h('div', { className: 'row-actions' }, rowActions(passage, theme)),
    ),
  );
  // Shift-click would select the page's text; Shift and Ctrl/Cmd clicks select rows instead.
  item.addEventListener('mousedown', (event) => {
    if (event.shiftKey && !isControl(event.target)) event.preventDefault();
  });
  item.addEventListener('click', (event) => {
    if (isControl(event.target)) return;
    if (clickRow(section, passage.id, event)) item.focus();
  });
  return item;
}

/** Whether a click landed on one of the row's own controls (box, buttons, reason list). */
function isControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, button, select, a') !== null;
}

/** The text, with a search's matches marked. */
function highlighted(text: string): Child[] {
  if (store.view.kind !== 'search') return [text];
  const needle = store.view.q.toLowerCase();
  const lower = text.toLowerCase();
  const parts: Child[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0 && needle; at = lower.indexOf(needle, from)) {
    parts.push(text.slice(from, at), h('mark', null, text.slice(at, at + needle.length)));
    from = at + needle.length;
  }
  parts.push(text.slice(from));
  return parts;
}

function meta(p: PassageView): Child[] {
  const parts: Child[] = [p.credit];
  if (p.date) parts.push(` · ${p.date}`);
  if (p.question) parts.push(` · ${p.question}`);
  if (p.votes) parts.push(` · ${p.votes.agrees} agree, ${p.votes.disagrees} disagree`);
  parts.push(` · contribution ${p.contributionId}`);
  if (p.score !== null) parts.push(` · fit ${p.score.toFixed(2)}`);
  if (store.view.kind !== 'theme' && p.themes.length > 0) parts.push(` · in ${placesOf(p)}`);
  if (p.isNew) parts.push(' ', h('span', { className: 'tag new' }, 'new'));
  if (p.quote) parts.push(' ', h('span', { className: 'tag pinned' }, 'quote'));
  if (p.example) parts.push(' ', h('span', { className: 'tag pinned' }, 'example'));
  if (p.excluded) {
    const reason = EXCLUSION_REASONS.find(([r]) => r === p.excluded?.reason)?.[1] ?? '';
    const whole = 'contribution' in p.excluded.target ? ' (whole contribution)' : '';
    parts.push(' ', h('span', { className: 'tag excluded' }, `excluded: ${reason}${whole}`));
  }
  return parts;
}

/** Where a passage is: its themes, a sub-theme as "Parent > Sub-theme" in place of both. */
function placesOf(passage: PassageView): string {
  const ids = new Set(passage.themes.map((t) => t.id));
  const named = passage.themes.map((t) => themeById(t.id) ?? null);
  return passage.themes
    .flatMap((t, i) => {
      const theme = named[i];
      if (!theme) return [t.label];
      // A parent holding the passage through one of its sub-themes is named with the sub-theme.
      const viaSub = store.state?.themes.some((s) => s.parentId === theme.id && ids.has(s.id));
      return viaSub ? [] : [themeName(theme)];
    })
    .join(', ');
}

function rowActions(passage: PassageView, theme: ThemeView | undefined): Child[] {
  const contribution = button('Show contribution', () => void showContribution(passage.id), {
    className: 'link',
  });
  if (passage.excluded) {
    const target = passage.excluded.target;
    return [
      button('Restore', () => void restore(target)),
      moreLikeThisButton(passage),
      contribution,
    ];
  }
  return [
    theme &&
      button(
        passage.quote ? 'Unpin quote' : 'Pin as quote',
        () => void pin(theme, passage, 'quote'),
        {
          'aria-pressed': passage.quote ? 'true' : 'false',
        },
      ),
    theme &&
      button(
        passage.example ? 'Unpin example' : 'Pin as example',
        () => void pin(theme, passage, 'example'),
        { 'aria-pressed': passage.example ? 'true' : 'false' },
      ),
    !theme && button('Move to…', () => void moveSelected([passage.id])),
    moreLikeThisButton(passage),
    excludeSelect((reason) => void exclude([passage.id], reason)),
    contribution,
  ];
}

function excludeSelect(
  onPick: (reason: (typeof EXCLUSION_REASONS)[number][0]) => void,
): HTMLSelectElement {
  const select = h(
    'select',
    { className: 'exclude', 'aria-label': 'Exclude for a reason' },
    h('option', { value: '' }, 'Exclude…'),
    EXCLUSION_REASONS.map(([value, label]) => h('option', { value }, label)),
  );
  select.addEventListener('change', () => {
    const reason = EXCLUSION_REASONS.find(([r]) => r === select.value)?.[0];
    if (reason) onPick(reason);
  });
  return select;
}

function pager(page: PassagePage): HTMLElement | null {
  if (page.total <= PAGE_SIZE) return null;
  const last = Math.min(page.total, page.offset + page.items.length);
  return h(
    'nav',
    { className: 'pager', 'aria-label': 'Pages' },
    button('← Previous', () => showPage(page.offset - PAGE_SIZE), {
      disabled: page.offset === 0,
    }),
    h(
      'span',
      null,
      `${formatCount(page.offset + 1)}–${formatCount(last)} of ${formatCount(page.total)}`,
    ),
    button('Next →', () => showPage(page.offset + PAGE_SIZE), {
      disabled: last >= page.total,
    }),
  );
}
