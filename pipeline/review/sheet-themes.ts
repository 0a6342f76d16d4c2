// The theme decisions an edited review sheet asks for: renames, merges, moves and new themes.
import type { ReviewAction, ReviewedThemes, ThemeRef } from '../../schemas/review.js';
import type { Theme } from '../../schemas/themes.js';
import { quoteInput } from '../quote-input.js';
import { excludedCell } from './sheet-exclusions.js';
import type { ReadSheetRow } from './sheet-file.js';
import { OTHER_IDEAS, type Placement, placements } from './sheet-rows.js';

/** Theme decisions in the order they apply, what they do, and rows that cannot be followed. */
export interface ThemeChanges {
  actions: ReviewAction[];
  renames: number;
  merges: number;
  /** Passages that change theme (into new themes too). */
  moves: number;
  newThemes: number;
  /** `row: message` for rows asking for what the sheet cannot express. */
  errors: [number, string][];
}

/** What one row asks for: a top-level label and a sub-theme label (empty: none). */
interface Wish {
  row: number;
  passage: string;
  theme: string;
  subtheme: string;
  at: Placement | undefined;
}

const fold = (label: string) => label.trim().toLowerCase();
const ANCHOR = 10;

/**
 * Compares the rows' `theme` and `subtheme` cells with the state (the themes once restores
 * apply). A label that changes on every row of a theme renames it (or merges it into the theme
 * already carrying the new label); other changes move passages, to an existing theme, to
 * "other" ("Other ideas"), or to a new theme split from the passages' theme. An empty `theme`
 * cell leaves the passage where it is. Rows excluded are left to `exclusionChanges`.
 */
export function themeChanges(rows: readonly ReadSheetRow[], state: ReviewedThemes): ThemeChanges {
  return new ThemePlanner(rows, state).plan();
}

class ThemePlanner {
  private readonly byId = new Map<string, Theme>();
  /** Labels as renamed by this import. */
  private readonly labelNow = new Map<string, string>();
  /** Themes merged away by this import, to the theme they joined. */
  private readonly mergedInto = new Map<string, string>();
  /** Parents as merges re-parent sub-themes. */
  private readonly parentNow = new Map<string, string | null>();
  private readonly wishes: Wish[];
  private readonly leaving = new Set<string>();
  private readonly out: ThemeChanges = {
    actions: [],
    renames: 0,
    merges: 0,
    moves: 0,
    newThemes: 0,
    errors: [],
  };

  constructor(rows: readonly ReadSheetRow[], state: ReviewedThemes) {
    for (const theme of state.themes) {
      this.byId.set(theme.id, theme);
      this.labelNow.set(theme.id, theme.label);
      this.parentNow.set(theme.id, theme.parentId);
    }
    const placed = placements(state);
    this.wishes = rows
      // Excluded passages (before or after) have no theme; an empty theme cell keeps the
      // passage where it is.
      .filter(({ values }) => values.theme.trim() !== '' && !excludedCell(values.excluded))
      .map(({ row, values }) => ({
        row,
        passage: values.passage.trim(),
        theme: values.theme.trim(),
        subtheme: values.subtheme.trim(),
        at: placed.get(values.passage.trim()),
      }))
      .filter((w) => !w.at?.exclusion);
  }

  plan(): ThemeChanges {
    this.renameTopLevel();
    this.renameSubthemes();
    const moves = new Map<string, { to: Theme | null; passages: string[] }>();
    const created = new Map<string, { parent: Theme | null; label: string; wishes: Wish[] }>();
    for (const wish of this.wishes) this.placeWish(wish, moves, created);
    for (const wish of this.wishes) if (this.changed(wish)) this.leaving.add(wish.passage);
    for (const { to, passages } of moves.values()) {
      this.out.actions.push({ kind: 'move', passages, to: to ? this.ref(to) : null });
      this.out.moves += passages.length;
    }
    for (const group of created.values()) this.createTheme(group.parent, group.label, group.wishes);
    return this.out;
  }

  /** A theme as merges left it (the theme it joined, through chains of merges). */
  private live(theme: Theme): Theme {
    let id = theme.id;
    for (let next = this.mergedInto.get(id); next; next = this.mergedInto.get(id)) id = next;
    return this.byId.get(id) as Theme;
  }

  private parentOf(theme: Theme): string | null {
    return this.parentNow.get(theme.id) ?? null;
  }

  /** Live themes under `parentId` (null: top level) carrying `label`, exact spelling first. */
  private find(parentId: string | null, label: string): Theme | null {
    const live = [...this.byId.values()].filter(
      (t) => !this.mergedInto.has(t.id) && this.parentOf(t) === parentId,
    );
    return (
      live.find((t) => this.labelNow.get(t.id) === label) ??
      live.find((t) => fold(this.labelNow.get(t.id) ?? '') === fold(label)) ??
      null
    );
  }

  private renameTopLevel(): void {
    const groups = groupBy(this.wishes, (w) => w.at?.theme?.id ?? null);
    for (const [id, wishes] of groups) {
      const theme = id === null ? null : this.byId.get(id);
      if (!theme) continue;
      const label = this.newLabel(
        theme,
        null,
        wishes.map((w) => w.theme),
      );
      if (label === null || fold(label) === fold(OTHER_IDEAS)) continue;
      this.renameOrMerge(theme, label);
    }
  }

  /**
   * The label a theme's rows give it: the one every row carries (a rename, or a merge when a
   * sibling has it); else, when no row keeps its label, the new label most rows carry, the
   * others naming existing themes (moves) or new ones (splits). Null: no new label.
   */
  private newLabel(
    theme: Theme,
    parentId: string | null,
    labels: readonly string[],
  ): string | null {
    const all = sameLabel(labels);
    if (all !== null) return all === theme.label ? null : all;
    const current = fold(this.labelNow.get(theme.id) ?? '');
    if (labels.some((label) => fold(label) === current)) return null;
    const fresh = labels.filter(
      (label) =>
        label !== '' && fold(label) !== fold(OTHER_IDEAS) && this.find(parentId, label) === null,
    );
    const counts = groupBy(fresh, fold);
    let best: string[] = [];
    for (const group of counts.values()) if (group.length > best.length) best = group;
    return best[0] ?? null;
  }

  private renameSubthemes(): void {
    const groups = groupBy(this.wishes, (w) => w.at?.subtheme?.id ?? null);
    for (const [id, wishes] of groups) {
      const sub = id === null ? null : this.byId.get(id);
      if (!sub) continue;
      const parent = this.parentOf(sub);
      // Rows leaving the parent say nothing of the sub-theme's name.
      const staying = wishes.filter((w) => this.find(null, w.theme)?.id === parent);
      const label = this.newLabel(
        sub,
        parent,
        staying.map((w) => w.subtheme),
      );
      if (label === null || label === '') continue;
      this.renameOrMerge(sub, label);
    }
  }

  /** Renames a theme, or merges it into its sibling when one carries the label already. */
  private renameOrMerge(theme: Theme, label: string): void {
    const into = this.find(this.parentOf(theme), label);
    if (into && into.id !== theme.id && fold(this.labelNow.get(into.id) ?? '') === fold(label)) {
      this.out.actions.push({ kind: 'merge', themes: [this.ref(theme)], into: this.ref(into) });
      this.mergedInto.set(theme.id, into.id);
      for (const child of this.byId.values())
        if (this.parentOf(child) === theme.id && this.parentOf(into) === null)
          this.parentNow.set(child.id, into.id);
      this.out.merges++;
      return;
    }
    this.out.actions.push({ kind: 'rename', theme: this.ref(theme), label });
    this.labelNow.set(theme.id, label);
    this.out.renames++;
  }

  /** Where the passage is now, once this import's merges are counted. */
  private current(wish: Wish): { theme: Theme | null; subtheme: Theme | null } {
    const theme = wish.at?.theme ? this.live(wish.at.theme) : null;
    const subtheme = wish.at?.subtheme ? this.live(wish.at.subtheme) : null;
    return { theme, subtheme: subtheme && this.parentOf(subtheme) === theme?.id ? subtheme : null };
  }

  /** The theme a row asks for: a live theme, null for "other", or a label still to create. */
  private target(wish: Wish): Theme | null | { parent: Theme | null; label: string } {
    if (fold(wish.theme) === fold(OTHER_IDEAS)) return null;
    const top = this.find(null, wish.theme);
    if (!top) return { parent: null, label: wish.theme };
    if (wish.subtheme === '') return top;
    return this.find(top.id, wish.subtheme) ?? { parent: top, label: wish.subtheme };
  }

  private changed(wish: Wish): boolean {
    const target = this.target(wish);
    const { theme, subtheme } = this.current(wish);
    if (target === null) return theme !== null;
    if (!('id' in target)) return true;
    return target.parentId === null
      ? theme?.id !== target.id || subtheme !== null
      : subtheme?.id !== target.id;
  }

  private placeWish(
    wish: Wish,
    moves: Map<string, { to: Theme | null; passages: string[] }>,
    created: Map<string, { parent: Theme | null; label: string; wishes: Wish[] }>,
  ): void {
    if (!this.changed(wish)) return;
    const target = this.target(wish);
    if (target === null || 'id' in target) {
      const key = target?.id ?? '';
      const group = moves.get(key) ?? { to: target, passages: [] };
      group.passages.push(wish.passage);
      moves.set(key, group);
      return;
    }
    if (target.parent === null && wish.subtheme !== '') {
      this.out.errors.push([
        wish.row,
        `${quoteInput(wish.theme)} is a new theme: leave its subtheme empty for now (import, then export again to add sub-themes)`,
      ]);
      return;
    }
    const key = `${target.parent?.id ?? ''}\u0000${fold(target.label)}`;
    const group = created.get(key) ?? { ...target, wishes: [] };
    group.wishes.push(wish);
    created.set(key, group);
  }

  /**
   * A new theme, made by splitting its passages from a theme beside which it belongs: a
   * top-level theme for a new theme, a sibling sub-theme for a new sub-theme. Passages not in
   * that theme yet are moved into it first.
   */
  private createTheme(parent: Theme | null, label: string, wishes: readonly Wish[]): void {
    const candidates = [...this.byId.values()].filter(
      (t) => !this.mergedInto.has(t.id) && this.parentOf(t) === (parent?.id ?? null),
    );
    const passages = wishes.map((w) => w.passage);
    const holding = (t: Theme) => {
      const members = new Set(t.passageIds);
      return passages.filter((p) => members.has(p)).length;
    };
    const source = candidates.reduce<Theme | null>(
      (best, t) => (best === null || holding(t) > holding(best) ? t : best),
      null,
    );
    if (!source) {
      for (const wish of wishes)
        this.out.errors.push([
          wish.row,
          `${quoteInput(parent ? (this.labelNow.get(parent.id) ?? '') : '')} has no sub-themes, so the sub-theme ${quoteInput(label)} cannot be made from the sheet; use the review app`,
        ]);
      return;
    }
    const inSource = new Set(source.passageIds);
    const outside = passages.filter((p) => !inSource.has(p));
    if (outside.length > 0)
      this.out.actions.push({ kind: 'move', passages: outside, to: this.ref(source) });
    this.out.actions.push({ kind: 'split', theme: this.ref(source), passages, label });
    this.out.moves += passages.length;
    this.out.newThemes++;
  }

  /** A reference to a theme, anchored on passages this import does not move away. */
  private ref(theme: Theme): ThemeRef {
    const staying = theme.passageIds.filter((id) => !this.leaving.has(id));
    return {
      id: theme.id,
      label: this.labelNow.get(theme.id) ?? theme.label,
      anchor: (staying.length > 0 ? staying : theme.passageIds).slice(0, ANCHOR),
    };
  }
}

/** The one label every value shares (trimmed), or null when they differ. */
function sameLabel(values: readonly string[]): string | null {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : null;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
