// The selected theme's header: name and description editable in place, status and actions.
import type { ThemeView } from '../views.js';
import { approve, mergeInto, note, promote, rename } from './actions.js';
import { button, formatCount, h, plural } from './dom.js';
import { store, themeById } from './store.js';
import { misfitsButton } from './suggestions.js';
import { nextToReview, subThemesOf, themeName } from './theme-tree.js';
import { approveAndNext, approveWithSubThemes, canNest, nest, nestUnder } from './tree-actions.js';

/** The header of the theme shown. */
export function themeHeader(theme: ThemeView): HTMLElement {
  const parent = theme.parentId ? themeById(theme.parentId) : undefined;
  const label = h('input', {
    className: 'label-edit',
    value: theme.label,
    maxlength: 120,
    'aria-label': 'Theme name',
    title: 'Click to rename',
  });
  const commitLabel = () => {
    const value = label.value.trim();
    if (value && value !== theme.label) void rename(theme, value);
    else label.value = theme.label;
  };
  label.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') label.blur();
    if (event.key === 'Escape') {
      label.value = theme.label;
      label.blur();
    }
  });
  label.addEventListener('change', commitLabel);
  const description = h('textarea', {
    className: 'description-edit',
    rows: 2,
    maxlength: 2000,
    placeholder: 'Add a description of this theme',
    'aria-label': 'Theme description',
  });
  description.value = theme.description;
  description.addEventListener('change', () => {
    if (description.value !== theme.description)
      void rename(theme, theme.label, description.value.trim());
  });
  const noteForm = notes(theme);
  return h(
    'header',
    { className: 'theme-header' },
    h(
      'div',
      { className: 'theme-main' },
      parent && h('p', { className: 'crumb' }, `Sub-theme of ${parent.label}`),
      label,
      description,
      h(
        'p',
        { className: 'meta' },
        h(
          'span',
          { className: `tag ${theme.origin}` },
          theme.origin === 'taxonomy' ? 'taxonomy' : 'emergent',
        ),
        ` ${plural(theme.passageCount, 'passage')} · ${plural(theme.contributionCount, 'contribution')} · ${plural(theme.participantCount, 'participant')}`,
        theme.newSinceReview > 0 &&
          ` · ${formatCount(theme.newSinceReview)} new since the review began`,
      ),
      theme.keywords.length > 0 &&
        h('p', { className: 'keywords' }, `Keywords: ${theme.keywords.slice(0, 12).join(', ')}`),
      h(
        'div',
        { className: 'theme-actions' },
        approveButtons(theme),
        theme.origin === 'emergent' &&
          theme.parentId === null &&
          button('Promote to taxonomy', () => void promote(theme)),
        button('Merge into…', () => void mergeInto(theme)),
        canNest(theme) && button('Move under…', () => void nestUnder(theme)),
        theme.parentId !== null && button('Make top-level', () => void nest(theme, null)),
        misfitsButton(theme),
        button('Add a note…', () => noteForm.show(), { className: 'quiet' }),
      ),
      noteForm.element,
    ),
    weekBars(theme),
  );
}

/** Approve (a toggle), approve with the sub-themes, approve and go to the next theme. */
function approveButtons(theme: ThemeView): HTMLElement[] {
  const subs = subThemesOf(theme);
  const pendingSubs = subs.filter((t) => !t.approved).length;
  const buttons = [
    button(theme.approved ? '✓ Approved' : 'Approve', () => void approve(theme), {
      className: theme.approved ? 'toggle on' : 'toggle',
      'aria-pressed': theme.approved ? 'true' : 'false',
    }),
  ];
  if (pendingSubs > 0)
    buttons.push(
      button(
        `Approve with its ${plural(subs.length, 'sub-theme')}`,
        () => void approveWithSubThemes(theme),
        { title: `Approves “${theme.label}” and its sub-themes in one decision` },
      ),
    );
  const next = nextToReview(store.state?.themes ?? [], theme);
  if (next)
    buttons.push(
      button(
        theme.approved ? 'Next to review →' : 'Approve and next →',
        () => void approveAndNext(theme),
        { title: `Then shows “${themeName(next)}”, the next theme not approved` },
      ),
    );
  return buttons;
}

/** The theme's share of each week's passages, as small bars. */
function weekBars(theme: ThemeView): HTMLElement | null {
  const weeks = store.state?.weeks ?? [];
  if (weeks.length < 2) return null;
  const top = theme.weekShares.reduce((max, share) => Math.max(max, share), 0.0001);
  return h(
    'figure',
    { className: 'weeks' },
    h('figcaption', null, 'Share of each week’s passages'),
    h(
      'div',
      { className: 'week-bars' },
      weeks.map((week, i) => {
        const share = theme.weekShares[i] ?? 0;
        const bar = h('span', { className: 'bar' });
        bar.style.height = `${Math.round((share / top) * 100)}%`;
        return h(
          'span',
          {
            className: 'week',
            title: `${week}: ${Math.round(share * 100)}% of the week’s passages`,
          },
          h('span', { className: 'bar-box' }, bar),
          h('span', { className: 'week-label' }, week.length <= 8 ? week : `W${i + 1}`),
        );
      }),
    ),
  );
}

/** The theme's notes, and a form for a new one that opens on request. */
function notes(theme: ThemeView): { element: HTMLElement; show(): void } {
  const input = h('textarea', {
    rows: 2,
    maxlength: 4000,
    placeholder: 'Note for the brief’s authors',
    'aria-label': 'New note',
  });
  const add = () => {
    const text = input.value.trim();
    if (text) void note(theme, text);
  };
  const form = h('div', { className: 'note-add', hidden: true }, input, button('Add note', add));
  const element = h(
    'div',
    { className: 'notes' },
    theme.notes.length > 0 &&
      h(
        'ul',
        null,
        theme.notes.map((n) => h('li', null, n)),
      ),
    form,
  );
  const show = () => {
    form.hidden = false;
    input.focus();
  };
  return { element, show };
}
