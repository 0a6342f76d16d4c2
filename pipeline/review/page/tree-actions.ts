// Decisions on the tree itself: re-parenting a theme, approving a theme with its sub-themes.
import type { ThemeView } from '../views.js';
import { confirmAction, pickTheme } from './dialogs.js';
import { decide, show, store, themeById } from './store.js';
import { nextToReview, subThemesOf, themeName } from './theme-tree.js';

/** Whether a theme can go under another: it has no sub-themes (two levels only). */
export function canNest(theme: ThemeView): boolean {
  return subThemesOf(theme).length === 0;
}

/** Asks which top-level theme `theme` goes under (not its own parent), and puts it there. */
export async function nestUnder(theme: ThemeView): Promise<void> {
  const hide = new Set<string>();
  for (const t of store.state?.themes ?? [])
    if (t.parentId !== null || t.id === theme.id || t.id === theme.parentId) hide.add(t.id);
  const under = await pickTheme(`Move “${themeName(theme)}” under…`, {
    hide,
    action: 'It becomes a sub-theme of the theme you choose, with its passages.',
  });
  if (under && under !== 'other') await nest(theme, under);
}

/** Puts `theme` under `under`, after asking, or (null) makes it top-level. */
export async function nest(theme: ThemeView, under: ThemeView | null): Promise<void> {
  const ok = await confirmAction(
    under ? 'Move under another theme' : 'Make top-level',
    under
      ? `Move “${themeName(theme)}” under “${under.label}”? Its passages join “${under.label}”.`
      : `Make “${themeName(theme)}” a top-level theme? Its passages leave “${themeById(theme.parentId ?? '')?.label ?? ''}”, except those another of its sub-themes holds.`,
    under ? 'Move' : 'Make top-level',
  );
  if (ok) await decide([{ kind: 'nest', theme: theme.ref, under: under ? under.ref : null }]);
}

/** Approves a theme and every sub-theme of it not approved yet, in one request. */
export function approveWithSubThemes(theme: ThemeView): Promise<boolean> {
  const themes = [theme, ...subThemesOf(theme)].filter((t) => !t.approved);
  return decide(themes.map((t) => ({ kind: 'approve', theme: t.ref, approved: true })));
}

/** Approves a theme (when it is not yet) and shows the next theme in the tree to review. */
export async function approveAndNext(theme: ThemeView): Promise<void> {
  if (!theme.approved && !(await decide([{ kind: 'approve', theme: theme.ref, approved: true }])))
    return;
  const next = nextToReview(store.state?.themes ?? [], theme);
  if (next) show({ kind: 'theme', id: next.id });
}
