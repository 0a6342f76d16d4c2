// The theme tree as the page walks it: tree order, sub-themes, and names with their parent.
import type { ThemeView } from '../views.js';
import { store, themeById } from './store.js';

/** The themes in tree order: each top-level theme, then its sub-themes. */
export function treeOrder(themes: readonly ThemeView[]): ThemeView[] {
  const children = new Map<string, ThemeView[]>();
  for (const theme of themes)
    if (theme.parentId !== null) {
      const list = children.get(theme.parentId);
      if (list) list.push(theme);
      else children.set(theme.parentId, [theme]);
    }
  return themes
    .filter((t) => t.parentId === null)
    .flatMap((top) => [top, ...(children.get(top.id) ?? [])]);
}

/** A theme's sub-themes, in order. */
export function subThemesOf(theme: ThemeView): ThemeView[] {
  return (store.state?.themes ?? []).filter((t) => t.parentId === theme.id);
}

/**
 * How a theme is named outside the tree (picker, dialogs): "Parent > Sub-theme" for a
 * sub-theme, so that two sub-themes of the same name under different parents are told apart.
 */
export function themeName(theme: ThemeView): string {
  const parent = theme.parentId ? themeById(theme.parentId) : undefined;
  return parent ? `${parent.label} > ${theme.label}` : theme.label;
}

/** The first theme after `theme` in tree order that is not approved (wrapping), or null. */
export function nextToReview(themes: readonly ThemeView[], theme: ThemeView): ThemeView | null {
  const order = treeOrder(themes);
  const at = order.findIndex((t) => t.id === theme.id);
  for (let i = 1; i < order.length; i++) {
    const next = order[(at + i) % order.length];
    if (next && !next.approved && next.id !== theme.id) return next;
  }
  return null;
}
