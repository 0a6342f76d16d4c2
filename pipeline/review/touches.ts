// What a decision touches: the themes and passages on which two tabs' decisions conflict.
import type { ExclusionTarget, ReviewAction, ReviewLog, ThemeRef } from '../../schemas/review.js';
import type { Theme } from '../../schemas/themes.js';
import type { ReviewApplication } from './apply.js';
import type { StateIndex } from './state-view.js';

/** The themes (id to the label to name it by) and passages a decision reads or changes. */
export interface Touches {
  themes: Map<string, string>;
  passages: Set<string>;
}

/** What `touchesOf` reads of the state a decision applies to. */
export interface TouchContext {
  themes: ReadonlyMap<string, Theme>;
  /** The themes (id and label) holding any of `passages`. */
  holders(passages: ReadonlySet<string>): Iterable<[string, string]>;
  /** The passages of an exclusion's target (all of a contribution's). */
  passagesOf(target: ExclusionTarget): readonly string[];
  /** The action of decision `n` of the log (what an undo or redo acts on). */
  decision(n: number): ReviewAction | undefined;
  /** What decision `n` touched when it was taken, when known. */
  touchedBy(n: number): Touches | undefined;
}

/**
 * The context of a state of the review (its index, and the application that holds each theme's
 * members), its log, a contribution's passages, and what earlier decisions touched when taken
 * (default: unknown).
 */
export function touchContext(
  index: StateIndex,
  application: ReviewApplication,
  log: ReviewLog | null,
  passagesOfContribution: (id: string) => readonly string[],
  touchedBy: (n: number) => Touches | undefined = () => undefined,
): TouchContext {
  return {
    themes: index.themes,
    holders: (passages) => application.themesHolding(passages),
    passagesOf: (target) =>
      'passage' in target ? [target.passage] : passagesOfContribution(target.contribution),
    decision: (n) => log?.decisions[n - 1]?.action,
    touchedBy,
  };
}

/** Nothing touched. */
export function noTouches(): Touches {
  return { themes: new Map(), passages: new Set() };
}

/**
 * What `action` touches on the state `context` describes. A move: its passages, the themes they
 * leave and the target (with its parent, whose membership grows too); a merge: its themes, the
 * target's parent, and every theme holding the merged themes' passages; a split: the theme, its
 * passages and every theme holding them; rename, approve, note, pin, promote: their theme;
 * exclude and restore: their passages and the themes holding them; undo and redo: what the
 * decision they act on touches now and touched when taken; a re-parented theme (`nest`): the theme, its parent and the new
 * parent. Themes holding a restored passage once restored are added by `addHolders` after it
 * is applied.
 */
export function touchesOf(action: ReviewAction, context: TouchContext): Touches {
  const touches = noTouches();
  const named = (ref: ThemeRef | null) => nameTheme(touches, ref, context);
  switch (action.kind) {
    case 'rename':
    case 'approve':
    case 'pin':
    case 'promote':
    case 'note':
      named(action.theme);
      break;
    case 'merge': {
      for (const ref of action.themes) named(ref);
      named(action.into);
      addParent(touches, action.into.id, context);
      const passages = new Set<string>();
      for (const ref of action.themes) {
        const theme = context.themes.get(ref.id);
        if (theme) for (const id of theme.passageIds) passages.add(id);
      }
      addPassages(touches, passages, context);
      break;
    }
    case 'split':
      named(action.theme);
      addPassages(touches, new Set(action.passages), context);
      break;
    case 'move':
      named(action.to);
      if (action.to) addParent(touches, action.to.id, context);
      addPassages(touches, new Set(action.passages), context);
      break;
    case 'exclude':
    case 'restore':
      addPassages(touches, new Set(context.passagesOf(action.target)), context);
      break;
    case 'undo':
    case 'redo': {
      const undone = context.decision(action.decision);
      if (undone && undone.kind !== 'undo' && undone.kind !== 'redo')
        addTouches(touches, touchesOf(undone, context));
      const then = context.touchedBy(action.decision);
      if (then) addTouches(touches, then);
      break;
    }
    default:
      reparented(touches, action, context);
  }
  return touches;
}

/**
 * A kind this module does not list (`nest`, which moves a theme under another or to the top):
 * the themes it names, and the parent the theme leaves.
 */
function reparented(
  touches: Touches,
  { theme, under }: { theme?: ThemeRef; under?: ThemeRef | null },
  context: TouchContext,
): void {
  for (const ref of [theme, under]) if (ref) nameTheme(touches, ref, context);
  if (theme) addParent(touches, theme.id, context);
}

/** Adds `more` to `touches`. */
export function addTouches(touches: Touches, more: Touches): void {
  for (const [id, label] of more.themes) if (!touches.themes.has(id)) touches.themes.set(id, label);
  for (const id of more.passages) touches.passages.add(id);
}

/** Adds the themes holding any of `passages` in the state `context` describes. */
export function addHolders(
  touches: Touches,
  passages: ReadonlySet<string>,
  context: TouchContext,
): void {
  if (passages.size === 0) return;
  for (const [id, label] of context.holders(passages))
    if (!touches.themes.has(id)) touches.themes.set(id, label);
}

/** What a decision touches that `b` touches too: a theme first, else a passage, else null. */
export function overlap(
  a: Touches,
  b: Touches,
): { theme: string; label: string } | { passage: string } | null {
  for (const [id, label] of a.themes) if (b.themes.has(id)) return { theme: id, label };
  const [few, many] = a.passages.size < b.passages.size ? [a, b] : [b, a];
  for (const id of few.passages) if (many.passages.has(id)) return { passage: id };
  return null;
}

function addPassages(touches: Touches, passages: Set<string>, context: TouchContext): void {
  for (const id of passages) touches.passages.add(id);
  addHolders(touches, passages, context);
}

/**
 * The theme a reference names, under the label the decision saw; when its id no longer names a
 * theme (a re-run re-numbered them), the themes holding its anchor passages.
 */
function nameTheme(touches: Touches, ref: ThemeRef | null, context: TouchContext): void {
  if (!ref) return;
  touches.themes.set(ref.id, ref.label);
  if (!context.themes.has(ref.id)) addHolders(touches, new Set(ref.anchor), context);
}

/** The parent of theme `id`, whose membership changes with the theme's. */
function addParent(touches: Touches, id: string, context: TouchContext): void {
  const parentId = context.themes.get(id)?.parentId;
  const parent = parentId ? context.themes.get(parentId) : undefined;
  if (parent && !touches.themes.has(parent.id)) touches.themes.set(parent.id, parent.label);
}
