// The theme tree on the left: sub-themes indented and collapsible, status, counts; drag to merge or re-parent.
import type { ThemeView } from '../views.js';
import { merge } from './actions.js';
import { button, type Child, formatCount, h, type Props, replace } from './dom.js';
import { show, store, themeById, type View } from './store.js';
import { subThemesOf, treeOrder } from './theme-tree.js';
import { canNest, nest } from './tree-actions.js';
import { isCollapsed, setAllCollapsed, setCollapsed } from './tree-collapse.js';

let dragged: string | null = null;

/** Draws the tree into `nav`. */
export function renderTree(nav: HTMLElement): void {
  const state = store.state;
  if (!state) return;
  const redraw = () => renderTree(nav);
  const items: Child[] = [];
  for (const theme of treeOrder(state.themes)) {
    const hidden =
      theme.parentId !== null &&
      isCollapsed(theme.parentId) &&
      !(store.view.kind === 'theme' && store.view.id === theme.id);
    if (!hidden) items.push(themeItem(theme, redraw));
  }
  replace(
    nav,
    treeHead(state.themes, redraw),
    topLevelZone(),
    h(
      'ul',
      {
        // Without sub-themes, no theme needs the room of a collapse arrow.
        className: state.themes.some((t) => t.parentId !== null) ? 'tree' : 'tree flat',
        role: 'list',
      },
      items,
    ),
    h(
      'ul',
      { className: 'tree lists', role: 'list' },
      listItem('Other ideas', state.otherCount, store.counts?.other, { kind: 'other' }),
      listItem('Excluded', state.excludedCount, store.counts?.excluded, { kind: 'excluded' }),
    ),
  );
}

/** "Themes", how many are approved, and "Collapse all" / "Expand all". */
function treeHead(themes: readonly ThemeView[], redraw: () => void): HTMLElement {
  const parents = themes.filter((t) => t.parentId === null && subThemesOf(t).length > 0);
  const approved = themes.filter((t) => t.approved).length;
  const all = (collapse: boolean) => () => {
    setAllCollapsed(
      parents.map((t) => t.id),
      collapse,
    );
    redraw();
  };
  return h(
    'div',
    { className: 'tree-head' },
    h('h2', null, 'Themes'),
    h('span', { className: 'progress-note' }, `${approved} of ${themes.length} approved`),
    parents.length > 0 &&
      h(
        'span',
        { className: 'tree-folds' },
        button('Collapse all', all(true), { className: 'link' }),
        button('Expand all', all(false), { className: 'link' }),
      ),
  );
}

/** While a sub-theme is dragged: a place to drop it to make it top-level. */
function topLevelZone(): HTMLElement {
  const zone = h(
    'div',
    { className: 'drop-zone top-level', 'aria-hidden': 'true' },
    'Drop here to make it a top-level theme',
  );
  zone.addEventListener('dragover', (event) => {
    if (dragged === null || !themeById(dragged)?.parentId) return;
    event.preventDefault();
    zone.classList.add('drop-target');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop-target'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    const source = dragged === null ? undefined : themeById(dragged);
    dragged = null;
    if (source?.parentId) void nest(source, null);
  });
  return zone;
}

function themeItem(theme: ThemeView, redraw: () => void): HTMLElement {
  const selected = store.view.kind === 'theme' && store.view.id === theme.id;
  const item = h(
    'li',
    {
      className: `theme-item${theme.parentId ? ' sub' : ''}${selected ? ' selected' : ''}`,
      'data-theme': theme.id,
    },
    fold(theme, redraw),
    link(
      { kind: 'theme', id: theme.id },
      selected,
      {
        draggable: 'true',
        title:
          'Drag onto another theme to merge them; hold Shift as you drop to put it under that theme',
      },
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
        countTag(theme.passageCount, store.counts?.themes[theme.id]),
      ),
    ),
  );
  dragAndDrop(item, theme);
  return item;
}

/** The arrow that collapses or expands a top-level theme's sub-themes (a spacer otherwise). */
function fold(theme: ThemeView, redraw: () => void): HTMLElement {
  const count = theme.parentId === null ? subThemesOf(theme).length : 0;
  if (count === 0) return h('span', { className: 'fold none' });
  const open = !isCollapsed(theme.id);
  const name = `${open ? 'Collapse' : 'Expand'} “${theme.label}” (${count} sub-theme${count === 1 ? '' : 's'})`;
  return button(
    open ? '▾' : '▸',
    () => {
      setCollapsed(theme.id, open);
      redraw();
    },
    {
      className: 'fold',
      'aria-expanded': open ? 'true' : 'false',
      'aria-label': name,
      title: name,
    },
  );
}

/**
 * Dragging a theme onto another merges them; with Shift held at the drop, the dragged theme
 * goes under the other (a top-level theme; the dragged one without sub-themes).
 */
function dragAndDrop(item: HTMLElement, theme: ThemeView): void {
  const nestable = (event: DragEvent, source: ThemeView | undefined) =>
    event.shiftKey && theme.parentId === null && source !== undefined && canNest(source);
  item.addEventListener('dragstart', (event) => {
    dragged = theme.id;
    event.dataTransfer?.setData('text/plain', theme.label);
    document.body.classList.toggle('dragging-sub', theme.parentId !== null);
  });
  item.addEventListener('dragend', () => {
    dragged = null;
    document.body.classList.remove('dragging-sub');
  });
  item.addEventListener('dragover', (event) => {
    if (dragged === null || dragged === theme.id) return;
    event.preventDefault();
    item.classList.add('drop-target');
    item.classList.toggle('nest-target', nestable(event, themeById(dragged)));
  });
  item.addEventListener('dragleave', () => item.classList.remove('drop-target', 'nest-target'));
  item.addEventListener('drop', (event) => {
    event.preventDefault();
    item.classList.remove('drop-target', 'nest-target');
    document.body.classList.remove('dragging-sub');
    const source = dragged === null ? undefined : themeById(dragged);
    dragged = null;
    if (!source || source.id === theme.id) return;
    if (nestable(event, source)) {
      if (source.parentId !== theme.id) void nest(source, theme);
    } else void merge(source, theme);
  });
}

/** A passage count; under a filter, the passages matching it (the whole count in its title). */
function countTag(count: number, matching: number | undefined): HTMLElement {
  if (matching === undefined)
    return h('span', { className: 'count', title: 'passages' }, formatCount(count));
  return h(
    'span',
    {
      className: 'count filtered',
      title: `${formatCount(matching)} of ${formatCount(count)} passages match the filter`,
    },
    formatCount(matching),
  );
}

function listItem(
  label: string,
  count: number,
  matching: number | undefined,
  view: View,
): HTMLElement {
  const selected = store.view.kind === view.kind;
  return h(
    'li',
    { className: `theme-item view${selected ? ' selected' : ''}` },
    link(
      view,
      selected,
      {},
      h('span', { className: 'theme-name' }, label),
      h('span', { className: 'theme-facts' }, countTag(count, matching)),
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
