// The theme tree on the left: themes with sub-themes indented, status, counts; drag to merge.
import type { ThemeView } from '../views.js';
import { merge } from './actions.js';
import { type Child, formatCount, h, type Props, replace } from './dom.js';
import { show, store, themeById, type View } from './store.js';

let dragged: string | null = null;

/** Draws the tree into `nav`. */
export function renderTree(nav: HTMLElement): void {
  const state = store.state;
  if (!state) return;
  const top = state.themes.filter((t) => t.parentId === null);
  const items: Child[] = [];
  for (const theme of top) {
    items.push(themeItem(theme));
    for (const child of state.themes.filter((t) => t.parentId === theme.id))
      items.push(themeItem(child));
  }
  const approved = state.themes.filter((t) => t.approved).length;
  replace(
    nav,
    h(
      'div',
      { className: 'tree-head' },
      h('h2', null, 'Themes'),
      h('span', { className: 'progress-note' }, `${approved} of ${state.themes.length} approved`),
    ),
    h('ul', { className: 'tree', role: 'list' }, items),
    h(
      'ul',
      { className: 'tree lists', role: 'list' },
      listItem('Other ideas', state.otherCount, { kind: 'other' }),
      listItem('Excluded', state.excludedCount, { kind: 'excluded' }),
    ),
  );
}

function themeItem(theme: ThemeView): HTMLElement {
  const selected = store.view.kind === 'theme' && store.view.id === theme.id;
  const item = h(
    'li',
    {
      className: `theme-item${theme.parentId ? ' sub' : ''}${selected ? ' selected' : ''}`,
      'data-theme': theme.id,
    },
    link(
      { kind: 'theme', id: theme.id },
      selected,
      { draggable: 'true', title: 'Drag onto another theme to merge them' },
      h('span', { className: 'theme-name' }, theme.label),
      h(
        'span',
        { className: 'theme-facts' },
        theme.origin === 'taxonomy' && h('span', { className: 'tag taxonomy' }, 'taxonomy'),
        theme.question &&
          theme.parentId === null &&
          h(
            'span',
            { className: 'tag question', title: theme.question.text },
            `Q${theme.question.number}`,
          ),
        theme.newSinceReview > 0 &&
          h('span', { className: 'tag new' }, `${theme.newSinceReview} new`),
        h(
          'span',
          { className: `status ${theme.approved ? 'approved' : 'pending'}` },
          theme.approved ? '✓ approved' : 'to review',
        ),
        h('span', { className: 'count', title: 'passages' }, formatCount(theme.passageCount)),
      ),
    ),
  );
  item.addEventListener('dragstart', (event) => {
    dragged = theme.id;
    event.dataTransfer?.setData('text/plain', theme.label);
  });
  item.addEventListener('dragend', () => {
    dragged = null;
  });
  item.addEventListener('dragover', (event) => {
    if (dragged === null || dragged === theme.id) return;
    event.preventDefault();
    item.classList.add('drop-target');
  });
  item.addEventListener('dragleave', () => item.classList.remove('drop-target'));
  item.addEventListener('drop', (event) => {
    event.preventDefault();
    item.classList.remove('drop-target');
    const source = dragged === null ? undefined : themeById(dragged);
    dragged = null;
    if (source && source.id !== theme.id) void merge(source, theme);
  });
  return item;
}

function listItem(label: string, count: number, view: View): HTMLElement {
  const selected = store.view.kind === view.kind;
  return h(
    'li',
    { className: `theme-item view${selected ? ' selected' : ''}` },
    link(
      view,
      selected,
      {},
      h('span', { className: 'theme-name' }, label),
      h(
        'span',
        { className: 'theme-facts' },
        h('span', { className: 'count' }, formatCount(count)),
      ),
    ),
  );
}

/** A link showing a view (a link, not a button: Chromium starts no drag from a button). */
function link(view: View, selected: boolean, props: Props, ...children: Child[]): HTMLElement {
  return h(
    'a',
    {
      ...props,
      href: '#',
      className: 'theme-link',
      'aria-current': selected ? 'true' : false,
      on: {
        click: (event) => {
          event.preventDefault();
          show(view);
        },
      },
    },
    children,
  );
}
