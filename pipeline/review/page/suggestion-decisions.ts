// The decisions accepting suggestions sends: ordinary moves and exclusions, logged and undoable.
import type { ReviewAction } from '../../../schemas/review.js';
import type { MisfitView } from '../views.js';
import { themeById } from './store.js';
import type { Destination } from './suggestion-words.js';

/**
 * One `move` of the passages to a theme or "Other ideas", or one `exclude` per passage; null
 * when the theme is gone.
 */
export function actionsFor(to: Destination, ids: string[]): ReviewAction[] | null {
  if ('excluded' in to)
    return ids.map((passage) => ({
      kind: 'exclude',
      target: { passage },
      reason: to.excluded,
      note: '',
    }));
  if ('other' in to) return [{ kind: 'move', passages: ids, to: null }];
  const theme = themeById(to.theme);
  return theme ? [{ kind: 'move', passages: ids, to: theme.ref }] : null;
}

/** One move per better theme for the chosen misfits (themes gone meanwhile are left out). */
export function misfitMoves(
  misfits: readonly MisfitView[],
  ids: readonly string[],
): { actions: ReviewAction[]; moved: number } {
  const chosen = new Set(ids);
  const byTheme = new Map<string, string[]>();
  for (const m of misfits)
    if (chosen.has(m.id)) byTheme.set(m.better.id, [...(byTheme.get(m.better.id) ?? []), m.id]);
  const actions: ReviewAction[] = [];
  let moved = 0;
  for (const [id, passages] of byTheme) {
    const theme = themeById(id);
    if (!theme) continue;
    actions.push({ kind: 'move', passages, to: theme.ref });
    moved += passages.length;
  }
  return { actions, moved };
}
