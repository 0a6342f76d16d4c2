// What the page's buttons do: each builds decisions and sends them through the store.

import type { ExclusionReason, ExclusionTarget } from '../../../schemas/review.js';
import { REVIEW_LIMITS } from '../../../schemas/review-limits.js';
import type { PassageView, ThemeView } from '../views.js';
import { askSplit, confirmAction, pickTheme } from './dialogs.js';
import { decide, notify, store, themeById } from './store.js';
import { afterExclude, afterMove, afterPin } from './suggestions.js';
import { themeName } from './theme-tree.js';

/** The reasons a passage may be excluded for, as the page names them. */
export const EXCLUSION_REASONS: [ExclusionReason, string][] = [
  ['spam', 'Spam'],
  ['off-topic', 'Off-topic'],
  ['personal-data', 'Personal data'],
  ['other', 'Other reason'],
];

/** The theme shown, if the view is a theme. */
export function currentTheme(): ThemeView | undefined {
  return store.view.kind === 'theme' ? themeById(store.view.id) : undefined;
}

/** Renames a theme and (when given) changes its description. */
export function rename(theme: ThemeView, label: string, description?: string): Promise<boolean> {
  return decide([
    {
      kind: 'rename',
      theme: theme.ref,
      label,
      ...(description === undefined ? {} : { description }),
    },
  ]);
}

/** Merges `source` into `into`, after asking, and shows the merged theme. */
export async function merge(source: ThemeView, into: ThemeView): Promise<void> {
  const [from, to] = [themeName(source), themeName(into)];
  const ok = await confirmAction(
    'Merge themes',
    `Merge “${from}” into “${to}”? Its passages and sub-themes join “${to}”.`,
    'Merge',
  );
  if (ok)
    await decide([{ kind: 'merge', themes: [source.ref], into: into.ref }], () => ({
      kind: 'theme',
      id: into.id,
    }));
}

/** Asks which theme to merge `source` into (not itself, its sub-themes or parent). */
export async function mergeInto(source: ThemeView): Promise<void> {
  const hide = new Set([source.id]);
  for (const t of store.state?.themes ?? []) if (t.parentId === source.id) hide.add(t.id);
  const into = await pickTheme(`Merge “${themeName(source)}” into…`, {
    hide,
    action: 'Choose the theme that takes its passages.',
  });
  if (into && into !== 'other') await merge(source, into);
}

/** Moves the selected (or given) passages to a theme or to "Other ideas"; true once moved. */
export async function moveSelected(ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return false;
  const hide = new Set(store.view.kind === 'theme' ? [store.view.id] : []);
  const to = await pickTheme(
    `Move ${ids.length === 1 ? 'passage' : `${ids.length} passages`} to…`,
    {
      hide,
      other: store.view.kind !== 'other',
      action: 'They leave every theme they are in now.',
    },
  );
  return (
    to !== null &&
    decide([{ kind: 'move', passages: [...ids], to: to === 'other' ? null : to.ref }]).then(
      afterMove(ids, to),
    )
  );
}

/**
 * Splits the selected passages of a theme off into a new theme, named by the user, beside it or
 * (for a sub-theme, when chosen) at the top level.
 */
export async function splitSelected(theme: ThemeView, ids: readonly string[]): Promise<void> {
  const answer = await askSplit(
    `Split ${ids.length === 1 ? 'passage' : `${ids.length} passages`} off “${themeName(theme)}”`,
    theme,
  );
  if (!answer) return;
  const { label, topLevel } = answer;
  await decide([
    {
      kind: 'split',
      theme: theme.ref,
      passages: [...ids],
      label,
      ...(topLevel ? { topLevel } : {}),
    },
  ]);
}

/** Excludes passages from the brief for a reason (one decision per passage, one request). */
export async function exclude(ids: readonly string[], reason: ExclusionReason): Promise<boolean> {
  if (ids.length > REVIEW_LIMITS.actions) {
    notify(
      `Exclude at most ${REVIEW_LIMITS.actions.toLocaleString('en')} passages at once: ${ids.length.toLocaleString('en')} are selected.`,
      'error',
    );
    return false;
  }
  return decide(
    ids.map((passage) => ({ kind: 'exclude', target: { passage }, reason, note: '' })),
  ).then(afterExclude(ids, reason));
}

/** Puts an excluded passage or contribution back where it was. */
export function restore(target: ExclusionTarget): Promise<boolean> {
  return decide([{ kind: 'restore', target }]);
}

/** Pins or unpins a passage as the theme's quote or example. */
export function pin(
  theme: ThemeView,
  passage: PassageView,
  as: 'quote' | 'example',
): Promise<boolean> {
  const pinned = as === 'quote' ? !passage.quote : !passage.example;
  return decide([
    { kind: 'pin', theme: theme.ref, passage: passage.id, as, pinned, text: passage.text },
  ]).then(afterPin(theme, passage, as, pinned));
}

/** Makes an emergent theme part of the taxonomy, so later runs assign to it. */
export async function promote(theme: ThemeView): Promise<void> {
  const ok = await confirmAction(
    'Promote to the taxonomy',
    `“${theme.label}” becomes a taxonomy theme: the next run assigns passages to it by its name, description and examples.`,
    'Promote',
  );
  if (!ok) return;
  await decide(
    [
      {
        kind: 'promote',
        theme: theme.ref,
        description: theme.description,
        keywords: theme.keywords.slice(0, 50),
        examples: theme.exampleTexts.slice(0, 10),
      },
    ],
    (state) => {
      const promoted = state.themes.find((t) => t.id === `promoted-${state.revision}`);
      return promoted ? { kind: 'theme', id: promoted.id } : null;
    },
  );
}

/** Marks a theme approved, or back to review. */
export function approve(theme: ThemeView): Promise<boolean> {
  return decide([{ kind: 'approve', theme: theme.ref, approved: !theme.approved }]);
}

/** Adds a note for the brief's authors on a theme. */
export function note(theme: ThemeView, text: string): Promise<boolean> {
  return decide([{ kind: 'note', theme: theme.ref, text }]);
}

/** Takes back the latest decision in force, or puts back the latest undone one. */
export function undoOrRedo(which: 'undo' | 'redo'): void {
  const target = store.state?.[which];
  if (target) void decide([{ kind: which, decision: target.decision }]);
}
