// Modal dialogs: pick a theme, name something, confirm, read a whole contribution.
import type { ContributionView, ThemeView } from '../views.js';
import { getJson, query } from './api.js';
import { button, type Child, formatCount, h, replace } from './dom.js';
import { notify, store, themeById } from './store.js';
import { themeName } from './theme-tree.js';

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
    // Escape closes at once, even from a search field (which would first only clear itself).
    dialog.addEventListener(
      'keydown',
      (event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        settle(null);
      },
      true,
    );
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
      const shown = themes.filter((t) => themeName(t).toLowerCase().includes(needle));
      replace(
        list,
        shown.map((t) =>
          h(
            'li',
            { className: t.parentId ? 'sub' : '' },
            button(
              [
                h('span', { className: 'picker-name' }, pickerName(t)),
                h('span', { className: 'count' }, formatCount(t.passageCount)),
              ],
              () => settle(t),
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

/** A theme as the picker lists it: a sub-theme after its parent's name, greyed. */
function pickerName(theme: ThemeView): Child[] {
  const parent = theme.parentId ? themeById(theme.parentId) : undefined;
  return parent
    ? [h('span', { className: 'parent-name' }, `${parent.label} > `), theme.label]
    : [theme.label];
}

/** A focused text box for a short name; Enter submits. */
function nameInput(label: string, initial: string, submit: () => void): HTMLInputElement {
  const input = h('input', { type: 'text', value: initial, maxlength: 120, 'aria-label': label });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') submit();
  });
  queueMicrotask(() => input.focus());
  return input;
}

/** Asks for a short text (a name); null when cancelled or left empty. */
export function askText(title: string, label: string, initial = ''): Promise<string | null> {
  return modal<string>(title, (settle) => {
    const submit = () => settle(input.value.trim() || null);
    const input = nameInput(label, initial, submit);
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

/**
 * Asks the name of a theme split off `theme` and, for a sub-theme, where it goes: beside it
 * under the same parent, or at the top level. Null when cancelled or left empty.
 */
export function askSplit(
  title: string,
  theme: ThemeView,
): Promise<{ label: string; topLevel: boolean } | null> {
  const parent = theme.parentId ? themeById(theme.parentId) : undefined;
  return modal(title, (settle) => {
    const choice = (value: string, text: string, checked: boolean) => {
      const radio = h('input', { type: 'radio', name: 'split-place', value });
      radio.checked = checked;
      return h('label', { className: 'choice' }, radio, text);
    };
    const place = parent
      ? h(
          'fieldset',
          { className: 'split-place' },
          h('legend', null, 'The new theme goes'),
          choice('sub', `as a sub-theme of “${parent.label}”`, true),
          choice('top', 'as a new top-level theme', false),
        )
      : h('p', { className: 'hint' }, 'The new theme is a top-level theme, beside this one.');
    const submit = () => {
      const label = input.value.trim();
      const top = place.querySelector<HTMLInputElement>('input[value=top]')?.checked ?? false;
      settle(label ? { label, topLevel: top } : null);
    };
    const input = nameInput('Name of the new theme', '', submit);
    return [
      h('label', { className: 'field' }, 'Name of the new theme', input),
      place,
      h(
        'div',
        { className: 'buttons' },
        button('Cancel', () => settle(null)),
        button('Split', submit, { className: 'primary' }),
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
