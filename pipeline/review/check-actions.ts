// Refuses decisions naming themes, passages or contributions the review does not have.
import type { ExclusionTarget, ReviewAction, ThemeRef } from '../../schemas/review.js';
import { quoteInput } from '../quote-input.js';
import type { DecisionStates } from './active.js';
import type { PassageIndex } from './passage-index.js';
import type { StateIndex } from './state-view.js';

/** What an incoming decision may name: the state it was taken on, as the app has it. */
export interface ActionContext {
  state: StateIndex;
  passages: PassageIndex;
  hasContribution(id: string): boolean;
  decisions: DecisionStates;
}

/**
 * Why the app refuses these decisions (an id it does not know, an undo of a decision not
 * undoable), or null. Ids are only looked up in maps; the log keeps decisions that orphan later
 * when the run changes, but a decision that names nothing now is a client's mistake.
 */
export function checkActions(
  actions: readonly ReviewAction[],
  context: ActionContext,
): string | null {
  for (const action of actions) {
    const problem = checkAction(action, context);
    if (problem) return problem;
  }
  return null;
}

function checkAction(action: ReviewAction, context: ActionContext): string | null {
  const theme = (ref: ThemeRef | null) =>
    ref === null || context.state.themes.has(ref.id) ? null : `Unknown theme ${quoteInput(ref.id)}`;
  const passages = (ids: readonly string[]) => {
    const unknown = ids.find((id) => !context.passages.get(id));
    return unknown === undefined ? null : `Unknown passage ${quoteInput(unknown)}`;
  };
  switch (action.kind) {
    case 'rename':
    case 'promote':
    case 'approve':
    case 'note':
      return theme(action.theme);
    case 'merge':
      return theme(action.into) ?? action.themes.map(theme).find(Boolean) ?? null;
    case 'split':
      return theme(action.theme) ?? passages(action.passages);
    case 'move':
      return theme(action.to) ?? passages(action.passages);
    case 'nest':
      return (
        theme(action.theme) ?? theme(action.under) ?? nesting(action.theme, action.under, context)
      );
    case 'pin':
      return theme(action.theme) ?? passages([action.passage]);
    case 'exclude':
    case 'restore':
      return target(action.target, context);
    case 'undo':
      return action.decision === context.decisions.undoable
        ? null
        : `Decision ${action.decision} is not the one to undo`;
    case 'redo':
      return action.decision === context.decisions.redoable
        ? null
        : `Decision ${action.decision} is not the one to redo`;
  }
}

/** Why the tree as shown cannot take this nesting (two levels, no cycle), or null. */
function nesting(ref: ThemeRef, under: ThemeRef | null, context: ActionContext): string | null {
  const themes = context.state.themes;
  const theme = themes.get(ref.id);
  if (!theme) return null;
  if (under === null)
    return theme.parentId === null ? `Theme ${quoteInput(ref.id)} is already top-level` : null;
  const parent = themes.get(under.id);
  if (under.id === ref.id) return `Theme ${quoteInput(ref.id)} cannot go under itself`;
  if (parent?.parentId !== null)
    return `Theme ${quoteInput(under.id)} is a sub-theme: a theme goes only under a top-level theme`;
  if (theme.parentId === under.id)
    return `Theme ${quoteInput(ref.id)} is already under ${quoteInput(under.id)}`;
  for (const other of themes.values())
    if (other.parentId === ref.id)
      return `Theme ${quoteInput(ref.id)} has sub-themes: it cannot become a sub-theme itself`;
  return null;
}

function target(target: ExclusionTarget, context: ActionContext): string | null {
  if ('passage' in target)
    return context.passages.get(target.passage)
      ? null
      : `Unknown passage ${quoteInput(target.passage)}`;
  return context.hasContribution(target.contribution)
    ? null
    : `Unknown contribution ${quoteInput(target.contribution)}`;
}
