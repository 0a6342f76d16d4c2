// The suggestion routes' answers: `POST /api/suggestions` and `GET /api/misfits`, as views.
import type { ReviewLog } from '../../schemas/review.js';
import {
  SUGGESTION_LIMITS,
  SuggestionRequest,
  type SuggestionTarget,
} from '../../schemas/suggestions.js';
import { appendAll } from '../arrays.js';
import { formatIssues } from '../zod-issues.js';
import { decisionStates } from './active.js';
import { passageView } from './listing.js';
import type { PassageIndex } from './passage-index.js';
import { passageSpaceOf } from './passage-space.js';
import { splitThemeId } from './review-state.js';
import type { ReviewSession } from './session.js';
import { indexState, type StateIndex } from './state-view.js';
import { suggestPassages } from './suggest.js';
import { findMisfits } from './suggest-misfits.js';
import type { ErrorView, MisfitView, SuggestionView } from './views.js';

/** An answer for the route to send: its status and JSON body. */
export type Answer<T> = { status: 200; body: T } | { status: 400 | 404; body: ErrorView };

/** Passages a facilitator placed in a target earlier that the engine takes as evidence, at most. */
const PLACED_EVIDENCE = 200;

/** Answers `POST /api/suggestions` (see `SuggestionRequest`). */
export async function answerSuggestions(
  session: ReviewSession,
  passages: PassageIndex,
  body: unknown,
): Promise<Answer<{ items: SuggestionView[] }>> {
  const request = SuggestionRequest.safeParse(body);
  if (!request.success)
    return fail(400, `Invalid suggestion request: ${formatIssues(request.error)}`);
  const { like, target, limit } = request.data;
  const index = indexState(session.state());
  const unknown = like.find((id) => !passages.get(id));
  if (unknown !== undefined) return fail(404, `No such passage: ${unknown}`);
  const inTarget = targetMembers(index, target);
  if (!inTarget) return fail(404, `No such theme: ${'theme' in target ? target.theme : ''}`);
  const space = await passageSpaceOf(session);
  const just = new Set(like);
  const placed = placedIn(session.log(), target).filter((id) => inTarget.has(id) && !just.has(id));
  const found = suggestPassages(space, index, { like, placed, inTarget, limit });
  const items = found.flatMap(({ id, similarity }) => {
    const view = passageView(index, passages, id, { kind: 'all' });
    return view ? [{ ...view, similarity }] : [];
  });
  return { status: 200, body: { items } };
}

/** Answers `GET /api/misfits?theme=ID&limit=N`. */
export async function answerMisfits(
  session: ReviewSession,
  passages: PassageIndex,
  themeId: string,
  limitText: string | undefined,
): Promise<Answer<{ items: MisfitView[] }>> {
  const index = indexState(session.state());
  const theme = index.themes.get(themeId);
  if (!theme) return fail(404, `No such theme: ${themeId.slice(0, 200)}`);
  const limit = itemLimit(limitText);
  if (limit === null)
    return fail(400, `Invalid limit: expected 1 to ${SUGGESTION_LIMITS.items}, got ${limitText}`);
  const space = await passageSpaceOf(session);
  const source = { kind: 'theme', themeId } as const;
  const scoreOf = new Map(theme.passageIds.map((id, i) => [id, theme.scores[i] ?? null]));
  const items = findMisfits(space, index, theme, limit).flatMap((misfit) => {
    const view = passageView(index, passages, misfit.id, source);
    return view ? [{ ...view, score: scoreOf.get(misfit.id) ?? null, ...misfit }] : [];
  });
  return { status: 200, body: { items } };
}

function itemLimit(text: string | undefined): number | null {
  if (text === undefined) return SUGGESTION_LIMITS.defaultItems;
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= SUGGESTION_LIMITS.items ? n : null;
}

function fail(status: 400 | 404, error: string): { status: 400 | 404; body: ErrorView } {
  return { status, body: { error } };
}

/** The passages already where the target is; null for an unknown theme. */
function targetMembers(index: StateIndex, target: SuggestionTarget): ReadonlySet<string> | null {
  if ('theme' in target) {
    const theme = index.themes.get(target.theme);
    return theme ? new Set(theme.passageIds) : null;
  }
  if ('other' in target) return new Set(index.state.other.passageIds);
  return new Set(index.exclusionOf.keys());
}

/**
 * The passages decisions in force moved (or split, or excluded) into the target, latest first:
 * what the facilitator has shown belongs there.
 */
function placedIn(log: ReviewLog | null, target: SuggestionTarget): string[] {
  const { decisions, active } = decisionStates(log);
  const placed: string[] = [];
  for (let i = decisions.length - 1; i >= 0 && placed.length < PLACED_EVIDENCE; i--) {
    const decision = decisions[i];
    if (!decision || !active.has(decision.n)) continue;
    const { action } = decision;
    const into =
      (action.kind === 'move' &&
        ('theme' in target ? action.to?.id === target.theme : 'other' in target && !action.to)) ||
      (action.kind === 'split' && 'theme' in target && splitThemeId(decision.n) === target.theme);
    if (into && (action.kind === 'move' || action.kind === 'split'))
      appendAll(placed, action.passages);
    if (action.kind === 'exclude' && 'excluded' in target && 'passage' in action.target)
      placed.push(action.target.passage);
  }
  return placed.slice(0, PLACED_EVIDENCE);
}
