// Modal dialogs: pick a theme, name something, confirm, read a whole contribution.
import type { ContributionView, ThemeView } from '../views.js';
import { getJson, query } from './api.js';
import { button, type Child, formatCount, h, replace } from './dom.js';
import { notify, store } from './store.js';

/** Opens a modal dialog; `settle` closes it with a value (the Escape key settles with null). */
function modal<T>(
  title: string,
  build: (settle: (value: T | null) => void) => Child[],
  className = '',
): Promise<T | null> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { className: `dialog ${className}`, 'aria-label': title });
    const settle = (value: T | null) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      settle(null);
    });
    replace(dialog, h('h2', null, title), build(settle));
    document.body.append(dialog);
    dialog.showModal();
  });
}

/**
 * Lets the user pick a theme (type to filter, click or Enter), or "Other ideas" when allowed.
 * Themes in `hide` are not offered.
 */
export function pickTheme(
  title: string,
  options: { hide?: ReadonlySet<string>; other?: boolean; action: string },
): Promise<ThemeView | 'other' | null> {
  const themes = (store.state?.themes ?? []).filter((t) => !options.hide?.has(t.id));
  return modal<ThemeView | 'other'>(title, (settle) => {
    const list = h('ul', { className: 'picker', role: 'listbox' });
    const filter = h('input', {
      type: 'search',
      className: 'picker-filter',
      placeholder: 'Type to filter themes',
      'aria-label': 'Filter themes',
    });
    const draw = () => {
      const needle = filter.value.trim().toLowerCase();
      const shown = themes.filter((t) => t.label.toLowerCase().includes(needle));
      replace(
        list,
        shown.map((t) =>
          h(
            'li',
            { className: t.parentId ? 'sub' : '' },
            button([t.label, h('span', { className: 'count' }, formatCount(t.passageCount))], () =>
              settle(t),
            ),
          ),
        ),
        options.other &&
          h(
            'li',
            { className: 'other' },
            button('Other ideas', () => settle('other')),
          ),
      );
    };
    filter.addEventListener('input', draw);
    filter.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      list.querySelector('button')?.click();
    });
    draw();
    queueMicrotask(() => filter.focus());
    return [
      h('p', { className: 'hint' }, options.action),
      filter,
      list,
      h(
        'div',
        { className: 'buttons' },
        button('Cancel', () => settle(null)),
      ),
    ];
  });
}

/** Asks for a short text (a name); null when cancelled or left empty. */
export function askText(title: string, label: string, initial = ''): Promise<string | null> {
  return modal<string>(title, (settle) => {
    const input = h('input', { type: 'text', value: initial, maxlength: 120, 'aria-label': label });
    const submit = () => settle(input.value.trim() || null);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') submit();
    });
    queueMicrotask(() => input.focus());
    return [
      h('label', { className: 'field' }, label, input),
      h(
        'div',
        { className: 'buttons' },
        button('Cancel', () => settle(null)),
        button('OK', submit, { className: 'primary' }),
      ),
    ];
  });
}

/** Asks to confirm an action. */
export async function confirmAction(title: string, text: string, ok: string): Promise<boolean> {
  const answer = await modal<boolean>(title, (settle) => [
    h('p', null, text),
    h(
      'div',
      { className: 'buttons' },
      button('Cancel', () => settle(null)),
      button(ok, () => settle(true), { className: 'primary', autofocus: true }),
    ),
  ]);
  return answer === true;
}

/** Shows a passage's whole contribution, the passage highlighted. */
export async function showContribution(passageId: string): Promise<void> {
  let view: ContributionView;
  try {
    view = await getJson<ContributionView>(`/api/contribution?${query({ passage: passageId })}`);
  } catch (error) {
    notify((error as Error).message, 'error');
    return;
  }
  const { text, highlight } = view;
  await modal<never>(
    `Contribution ${view.id}`,
    (settle) => [
      h(
        'p',
        { className: 'meta' },
        [view.credit, view.date, view.question].filter(Boolean).join(' · '),
      ),
      h(
        'div',
        { className: 'contribution-text' },
        text.slice(0, highlight.start),
        h('mark', null, text.slice(highlight.start, highlight.end)),
        text.slice(highlight.end),
      ),
      h(
        'div',
        { className: 'buttons' },
        button('Close', () => settle(null), { autofocus: true }),
      ),
    ],
    'wide',
  );
}
