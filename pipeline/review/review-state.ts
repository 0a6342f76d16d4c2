// The themes, "other" and exclusions while the review's decisions are applied to them.
import type {
  DecisionOutcome,
  ExclusionTarget,
  ReviewExclusion,
  ReviewedThemes,
  ThemeRef,
  ThemeReview,
} from '../../schemas/review.js';
import type { Theme, Themes } from '../../schemas/themes.js';
import type { ThemeLabel } from '../themes/labels.js';
import type { Decision } from './active.js';
import { SharedMap, SharedSet } from './copy-on-write.js';
import { type PassageText, ThemeWording, type WordingGroup, wordingSet } from './theme-wording.js';

/** What the review needs to know about passages beyond `themes.json`. */
export interface PassageFacts {
  /** Every kept passage of the run, in corpus order. */
  passageIds: readonly string[];
  /** The contributions a passage speaks for (its own and the duplicates merged into it). */
  contributionsOf(passageId: string): readonly string[];
  /** The participants behind a passage (its contributions' authors). */
  participantsOf(passageId: string): readonly string[];
  /** Passage texts, to reword themes whose passages changed; absent: counts only. */
  text?: PassageText;
}

/** The taxonomy id of the theme promoted by decision `n`. */
export function promotedThemeId(n: number): string {
  return `promoted-${n}`;
}

/** The id of the theme split off by decision `n`. */
export function splitThemeId(n: number): string {
  return `review-${n}`;
}

/** The contribution a passage comes from: its id up to the last `#`. */
export function contributionOfPassage(passageId: string): string {
  const hash = passageId.lastIndexOf('#');
  return hash < 0 ? passageId : passageId.slice(0, hash);
}

/** A theme while decisions are applied to it. */
interface ThemeState {
  theme: Theme;
  /** Passage id to score, in the theme's order. */
  members: SharedMap<string, number>;
  review: ThemeReview;
  /** The theme as `result` last refreshed it; null once a decision changed it since. */
  cached: Theme | null;
  /** Its passages changed since it was last worded: `result` rewords it. */
  reword: boolean;
  /** Its passages changed since `themes.json` (else they are `theme.passageIds`). */
  moved: boolean;
}

/** Where an excluded passage was, so that restoring it puts it back. */
interface Removed {
  themes: [string, number][];
  other: boolean;
}

/** The least overlap (Jaccard) with its found passages at which a sub-theme keeps its label. */
const RELABEL_OVERLAP = 0.5;

const foundMemberSets = new WeakMap<Themes, Map<string, Set<string>>>();

/** Each found theme's passages as a set, built once per `themes.json`. */
function foundMembers(found: Themes): Map<string, Set<string>> {
  let sets = foundMemberSets.get(found);
  if (!sets) {
    sets = new Map(found.themes.map((t) => [t.id, new Set(t.passageIds)]));
    foundMemberSets.set(found, sets);
  }
  return sets;
}

/** Representatives a theme shows at most. */
const REPRESENTATIVES = 5;

/** Describes an exclusion's target for messages. */
export function targetName(target: ExclusionTarget): string {
  return 'passage' in target ? `passage ${target.passage}` : `contribution ${target.contribution}`;
}

/** Lookups over a run's passages that every application of the log shares. */
interface FactsIndex {
  known: ReadonlySet<string>;
  passagesOfContribution: ReadonlyMap<string, string[]>;
}

const factsIndexes = new WeakMap<PassageFacts, FactsIndex>();

function indexFacts(facts: PassageFacts): FactsIndex {
  let index = factsIndexes.get(facts);
  if (!index) {
    const passagesOfContribution = new Map<string, string[]>();
    for (const id of facts.passageIds) {
      const contribution = contributionOfPassage(id);
      const list = passagesOfContribution.get(contribution);
      if (list) list.push(id);
      else passagesOfContribution.set(contribution, [id]);
    }
    index = { known: new Set(facts.passageIds), passagesOfContribution };
    factsIndexes.set(facts, index);
  }
  return index;
}

/** The themes, "other" and exclusions as decisions change them. */
export class ReviewState {
  private readonly themes = new Map<string, ThemeState>();
  private readonly other: SharedSet<string>;
  private readonly removed = new Map<string, Removed>();
  private readonly exclusions = new Map<string, ReviewExclusion>();
  private readonly notes: string[] = [];
  /** Themes that took a new id (promotion) or joined another (merge, `joined`): old id to new. */
  private readonly successors = new Map<string, { id: string; joined: boolean }>();
  private readonly known: ReadonlySet<string>;
  private readonly passagesOfContribution: ReadonlyMap<string, string[]>;

  constructor(
    private readonly found: Themes,
    private readonly facts: PassageFacts,
  ) {
    for (const theme of found.themes) {
      // A loop, not `new Map(ids.map(...))`: 100,000 pair arrays cost more than the map.
      const members = new Map<string, number>();
      theme.passageIds.forEach((id, i) => {
        members.set(id, theme.scores[i] ?? 0);
      });
      this.themes.set(theme.id, {
        theme,
        members: new SharedMap(members),
        review: emptyReview(),
        cached: null,
        reword: false,
        moved: false,
      });
    }
    this.other = SharedSet.of(found.other.passageIds);
    ({ known: this.known, passagesOfContribution: this.passagesOfContribution } =
      indexFacts(facts));
  }

  /**
   * A copy to come back to (a checkpoint), costing the themes' small parts only: it shares each
   * theme's passages, and "other", with this state until either side changes them. Whatever a
   * decision changes is copied here (a new field that decisions change must be too).
   */
  fork(): ReviewState {
    const themes = new Map<string, ThemeState>();
    for (const [id, t] of this.themes)
      themes.set(id, { ...t, members: t.members.fork(), review: copyReview(t.review) });
    return Object.assign(Object.create(ReviewState.prototype) as ReviewState, this, {
      themes,
      other: this.other.fork(),
      removed: new Map(this.removed),
      exclusions: new Map(this.exclusions),
      notes: [...this.notes],
      successors: new Map(this.successors),
    });
  }

  /**
   * Takes from `other` (the same log applied with other decisions in force) the refreshed copy
   * of each theme left exactly as there: same fields, review and passages in the same order,
   * so that `result` does not refresh it again. An undo re-applies the decisions after the
   * one undone; most of the themes they touched end as they were.
   */
  adopt(other: ReviewState): void {
    for (const [id, t] of this.themes) {
      const there = other.themes.get(id);
      if (t.cached !== null || !there?.cached || !sameState(t, there)) continue;
      t.cached = there.cached;
    }
  }

  /** Applies one decision; returns null, or why it no longer applies. */
  apply(decision: Decision): string | null {
    const { action } = decision;
    switch (action.kind) {
      case 'rename':
        return this.withTheme(action.theme, (theme) => {
          this.retheme(theme, {
            label: action.label,
            ...(action.description === undefined ? {} : { description: action.description }),
          });
          this.touch(theme, false);
          // Its reworded sub-themes must not take its new label.
          for (const child of this.childrenOf(theme)) if (child.moved) child.reword = true;
          if (action.description !== undefined) theme.review.described = true;
          if (action.label !== action.theme.label) theme.review.labelled = true;
          return null;
        });
      case 'merge':
        return this.merge(action.themes, action.into);
      case 'split':
        return this.split(decision.n, action, action.topLevel === true);
      case 'nest':
        return this.nest(action.theme, action.under);
      case 'move':
        return this.move(action.passages, action.to);
      case 'exclude':
        return this.exclude(action.target, action.reason, action.note);
      case 'restore':
        return this.restore(action.target);
      case 'pin':
        return this.withTheme(action.theme, (theme) => {
          if (action.pinned && !theme.members.has(action.passage))
            return `passage ${action.passage} is no longer in "${theme.theme.label}"`;
          const list = action.as === 'quote' ? theme.review.quotes : theme.review.examples;
          const at = list.indexOf(action.passage);
          if (action.pinned && at < 0) list.push(action.passage);
          if (!action.pinned && at >= 0) list.splice(at, 1);
          this.touch(theme, false);
          return null;
        });
      case 'promote':
        return this.withTheme(action.theme, (theme) => this.promote(decision.n, theme));
      case 'approve':
        return this.withTheme(action.theme, (theme) => {
          theme.review.approved = action.approved;
          return null;
        });
      case 'note':
        if (action.theme === null) {
          this.notes.push(action.text);
          return null;
        }
        return this.withTheme(action.theme, (theme) => {
          theme.review.notes.push(action.text);
          return null;
        });
    }
  }

  /** The theme a reference names now (see `ThemeRef`), or null. */
  resolve(ref: ThemeRef): ThemeState | null {
    const byId = this.themes.get(ref.id);
    if (byId && (ref.anchor.length === 0 || ref.anchor.some((id) => byId.members.has(id))))
      return byId;
    if (ref.anchor.length === 0) return null;
    let best: ThemeState | null = null;
    let bestCount = 0;
    for (const theme of this.themes.values()) {
      let count = 0;
      for (const id of ref.anchor) if (theme.members.has(id)) count++;
      if (
        count > bestCount ||
        (count === bestCount && count > 0 && best && fitsBetter(theme, best, ref))
      ) {
        best = theme;
        bestCount = count;
      }
    }
    return bestCount * 2 > ref.anchor.length ? best : null;
  }

  /** The themes (id and label) holding any of `passages`, read off the members kept here. */
  themesHolding(passages: ReadonlySet<string>): [string, string][] {
    const found: [string, string][] = [];
    for (const { theme, members } of this.themes.values()) {
      // Iterate the smaller side: a move of five passages looks up five ids per theme.
      const holds =
        members.size < passages.size ? anyIn(members.keys(), passages) : anyIn(passages, members);
      if (holds) found.push([theme.id, theme.label]);
    }
    return found;
  }

  /**
   * The id a theme of `themes.json` goes by now, through promotions and merges, and whether it
   * joined another theme on the way.
   */
  successorOf(id: string): { id: string; joined: boolean } {
    let now = { id, joined: false };
    for (let next = this.successors.get(now.id); next; next = this.successors.get(now.id))
      now = { id: next.id, joined: now.joined || next.joined };
    return now;
  }

  /**
   * Marks a theme changed: `result` refreshes its passages, counts and representatives, and
   * when its passages changed (`moved`, default true), its wording.
   */
  private touch(theme: ThemeState, moved = true): void {
    theme.review.changed = true;
    theme.cached = null;
    if (moved) {
      theme.reword = true;
      theme.moved = true;
    }
  }

  /** Gives a theme new fields (the refreshed copy is dropped). */
  private retheme(state: ThemeState, fields: Partial<Theme>): void {
    state.theme = { ...state.theme, ...fields };
    state.cached = null;
  }

  private withTheme(ref: ThemeRef, act: (theme: ThemeState) => string | null): string | null {
    const theme = this.resolve(ref);
    return theme ? act(theme) : `theme "${ref.label}" no longer exists`;
  }

  private parentOf(theme: ThemeState): ThemeState | null {
    return theme.theme.parentId ? (this.themes.get(theme.theme.parentId) ?? null) : null;
  }

  private childrenOf(theme: ThemeState): ThemeState[] {
    return [...this.themes.values()].filter((t) => t.theme.parentId === theme.theme.id);
  }

  /** Adds a passage to a theme and its parent. */
  private add(theme: ThemeState, passage: string, score: number): void {
    for (let t: ThemeState | null = theme; t; t = this.parentOf(t)) {
      if (!t.members.has(passage)) t.members.set(passage, score);
      this.touch(t);
    }
  }

  /** Takes a passage out of a theme, its sub-themes and its parent. */
  private detach(theme: ThemeState, passage: string): void {
    const parent = this.parentOf(theme);
    for (const t of [theme, ...this.childrenOf(theme), ...(parent ? [parent] : [])]) {
      if (t.members.delete(passage)) this.touch(t);
    }
  }

  /** Takes a passage out of every theme and "other"; returns where it was. */
  private takeOut(passage: string): Removed {
    const themes: [string, number][] = [];
    for (const theme of this.themes.values()) {
      const score = theme.members.get(passage);
      if (score === undefined) continue;
      themes.push([theme.theme.id, score]);
      theme.members.delete(passage);
      this.touch(theme);
    }
    const other = this.other.delete(passage);
    return { themes, other };
  }

  private bestScore(where: Removed): number {
    return where.themes.reduce((best, [, score]) => Math.max(best, score), 0);
  }

  /**
   * Gives a promoted theme the id it has in the taxonomy (`promotedThemeId`), so that later
   * decisions name it the same way before and after the themes stage makes it guided.
   */
  private promote(n: number, state: ThemeState): string | null {
    if (state.theme.parentId) return `"${state.theme.label}" is a sub-theme; promote its parent`;
    const id = promotedThemeId(n);
    state.review.promoted = true;
    if (state.theme.id === id) return null;
    const old = state.theme.id;
    this.successors.set(old, { id, joined: false });
    this.retheme(state, { id, origin: { kind: 'guided', themeId: id } });
    const entries = [...this.themes.entries()].map(([key, t]): [string, ThemeState] => {
      if (t.theme.parentId === old) this.retheme(t, { parentId: id });
      return [key === old ? id : key, t];
    });
    this.themes.clear();
    for (const [key, t] of entries) this.themes.set(key, t);
    return null;
  }

  private merge(refs: readonly ThemeRef[], intoRef: ThemeRef): string | null {
    const into = this.resolve(intoRef);
    if (!into) return `theme "${intoRef.label}" no longer exists`;
    const sources: ThemeState[] = [];
    for (const ref of refs) {
      const source = this.resolve(ref);
      if (!source) return `theme "${ref.label}" no longer exists`;
      if (source === into) continue;
      for (let t = this.parentOf(into); t; t = this.parentOf(t))
        if (t === source) return `"${ref.label}" cannot merge into its own sub-theme`;
      sources.push(source);
    }
    if (sources.length === 0) return `nothing to merge into "${intoRef.label}"`;
    // Themes of different questions merged answer no one question.
    if (sources.some((source) => source.theme.questionId !== into.theme.questionId)) {
      const { questionId: _, ...theme } = into.theme;
      into.theme = theme;
    }
    for (const source of sources) {
      const members = [...source.members];
      // The sub-themes' members are kept before detaching empties them, to re-add them below.
      const children = this.childrenOf(source).map((child) => ({
        child,
        members: [...child.members],
      }));
      // Passages leave the source's sub-themes and parent (the target re-adds its own parent).
      for (const [passage] of members) this.detach(source, passage);
      for (const [passage, score] of members) this.add(into, passage, score);
      for (const { child, members: childMembers } of children) {
        if (into.theme.parentId === null) {
          this.retheme(child, { parentId: into.theme.id });
          for (const [passage, score] of childMembers) this.add(child, passage, score);
        } else {
          this.themes.delete(child.theme.id);
          this.successors.set(child.theme.id, { id: into.theme.id, joined: true });
        }
      }
      for (const quote of source.review.quotes)
        if (!into.review.quotes.includes(quote)) into.review.quotes.push(quote);
      for (const note of source.review.notes) into.review.notes.push(note);
      this.themes.delete(source.theme.id);
      this.successors.set(source.theme.id, { id: into.theme.id, joined: true });
    }
    this.touch(into);
    return null;
  }

  private split(
    n: number,
    {
      theme: ref,
      passages,
      label,
    }: { theme: ThemeRef; passages: readonly string[]; label: string },
    topLevel: boolean,
  ): string | null {
    const source = this.resolve(ref);
    if (!source) return `theme "${ref.label}" no longer exists`;
    // A top-level split of a sub-theme takes the passages out of its parent too.
    const parent = topLevel ? this.parentOf(source) : null;
    const moving = passages.filter((id) => source.members.has(id));
    if (moving.length === 0) return `none of the passages is still in "${ref.label}"`;
    const id = splitThemeId(n);
    const theme: ThemeState = {
      theme: {
        ...source.theme,
        id,
        label,
        parentId: topLevel ? null : source.theme.parentId,
        description: '',
        keywords: [],
        origin: { kind: 'emergent' },
        passageIds: [],
        scores: [],
        representativeIds: [],
      },
      members: new SharedMap(),
      review: { ...emptyReview(), changed: true, labelled: true },
      cached: null,
      reword: true,
      moved: true,
    };
    this.insertAfter(parent ?? source, theme);
    for (const passage of moving) {
      const score = source.members.get(passage) ?? 0;
      for (const child of [source, ...this.childrenOf(source)]) {
        child.members.delete(passage);
        this.touch(child);
      }
      this.add(theme, passage, score);
    }
    if (parent) this.leaveParent(parent, moving);
    // Passages that had left the theme already stay where they are; the rest move.
    return null;
  }

  /**
   * Puts a theme, with its passages, under a top-level theme, or (null) at the top level after
   * its old parent. Refused (orphaned) when that would make three levels or a cycle.
   */
  private nest(ref: ThemeRef, underRef: ThemeRef | null): string | null {
    const theme = this.resolve(ref);
    if (!theme) return `theme "${ref.label}" no longer exists`;
    const under = underRef ? this.resolve(underRef) : null;
    if (underRef && !under) return `theme "${underRef.label}" no longer exists`;
    const problem = nestProblem(theme, under, this.childrenOf(theme).length > 0);
    if (problem) return problem;
    const old = this.parentOf(theme);
    this.retheme(theme, { parentId: under ? under.theme.id : null });
    this.touch(theme);
    if (old) this.leaveParent(old, theme.members.keys());
    if (under && under.theme.questionId !== theme.theme.questionId) {
      // A theme holding answers to two questions answers no one question.
      const { questionId: _, ...rest } = under.theme;
      under.theme = rest;
      this.touch(under);
    }
    this.themes.delete(theme.theme.id);
    const after = under ?? old;
    if (after) this.insertAfter(after, theme);
    else this.themes.set(theme.theme.id, theme);
    if (under) for (const [passage, score] of theme.members) this.add(under, passage, score);
    return null;
  }

  /** Takes passages out of a parent, except those another of its sub-themes still holds. */
  private leaveParent(parent: ThemeState, passages: Iterable<string>): void {
    const children = this.childrenOf(parent);
    for (const passage of passages) {
      if (children.some((child) => child.members.has(passage))) continue;
      if (parent.members.delete(passage)) this.touch(parent);
    }
  }

  /** Puts a new theme after `after` and its sub-themes, so the order stays readable. */
  private insertAfter(after: ThemeState, theme: ThemeState): void {
    const entries = [...this.themes.entries()];
    let at = entries.findIndex(([id]) => id === after.theme.id);
    while (entries[at + 1]?.[1].theme.parentId === after.theme.id) at++;
    entries.splice(at + 1, 0, [theme.theme.id, theme]);
    this.themes.clear();
    for (const [id, state] of entries) this.themes.set(id, state);
  }

  private move(passages: readonly string[], toRef: ThemeRef | null): string | null {
    const to = toRef ? this.resolve(toRef) : null;
    if (toRef && !to) return `theme "${toRef.label}" no longer exists`;
    const present = passages.filter((id) => this.known.has(id) && !this.removed.has(id));
    if (present.length === 0) return 'none of the passages exists any more';
    for (const passage of present) {
      const where = this.takeOut(passage);
      if (to) this.add(to, passage, this.bestScore(where));
      else this.other.add(passage);
    }
    return null;
  }

  private exclude(
    target: ExclusionTarget,
    reason: ReviewExclusion['reason'],
    note: string,
  ): string | null {
    const passages = this.passagesOf(target).filter((id) => !this.removed.has(id));
    if (passages.length === 0) return `${targetName(target)} no longer exists or is excluded`;
    for (const passage of passages) this.removed.set(passage, this.takeOut(passage));
    this.exclusions.set(targetKey(target), { target, reason, note, passageIds: passages });
    return null;
  }

  private restore(target: ExclusionTarget): string | null {
    const exclusion = this.exclusions.get(targetKey(target));
    if (!exclusion) return `${targetName(target)} is not excluded`;
    this.exclusions.delete(targetKey(target));
    for (const passage of exclusion.passageIds) {
      const where = this.removed.get(passage);
      this.removed.delete(passage);
      if (!where) continue;
      let placed = false;
      for (const [id, score] of where.themes) {
        const theme = this.themes.get(id);
        if (!theme) continue;
        this.add(theme, passage, score);
        placed = true;
      }
      if (!placed || where.other) this.other.add(passage);
    }
    return null;
  }

  private passagesOf(target: ExclusionTarget): string[] {
    if ('passage' in target) return this.known.has(target.passage) ? [target.passage] : [];
    return this.passagesOfContribution.get(target.contribution) ?? [];
  }

  /** The reviewed themes: empty themes dropped, counts and representatives brought up to date. */
  result(
    reviewed: boolean,
    outcomes: DecisionOutcome[],
    decisions: readonly Decision[],
    base: ReadonlySet<string> | null,
  ): ReviewedThemes {
    const themes: Theme[] = [];
    const reviews: Record<string, ThemeReview> = {};
    this.reword();
    for (const state of this.themes.values()) {
      if (state.members.size === 0) continue;
      if (state.theme.parentId && !this.themes.get(state.theme.parentId)?.members.size) continue;
      if (state.review.changed) state.cached ??= this.refresh(state);
      const theme = state.cached ?? state.theme;
      themes.push(theme);
      const review = state.review;
      reviews[theme.id] = {
        ...review,
        notes: [...review.notes],
        quotes: review.quotes.filter((id) => state.members.has(id)),
        examples: review.examples.filter((id) => state.members.has(id)),
        newSinceReview: newSince(theme, base),
      };
    }
    const counts: Record<string, number> = {};
    for (const o of outcomes)
      if (o.status === 'applied') counts[o.kind] = (counts[o.kind] ?? 0) + 1;
    const reviewers = new Set<string>();
    for (const d of decisions) if (d.reviewer) reviewers.add(d.reviewer);
    return {
      ...this.found,
      themes,
      other: { ...this.found.other, passageIds: [...this.other] },
      review: {
        reviewed,
        reviewers: [...reviewers].sort(),
        counts,
        decisions: [...outcomes],
        themes: reviews,
        excluded: [...this.exclusions.values()],
        notes: [...this.notes],
      },
    };
  }

  /**
   * Gives the themes whose passages changed new keywords, a new description and, for an
   * automatic sub-theme label, a new label, worded against their siblings as the themes stage
   * does. A set of siblings is worded again when one of them changed, every changed theme of
   * it from its passages now, so the wording depends on the final themes alone (the app,
   * applying decisions one by one, and the review stage, applying the log at once, agree); a reviewer's label or description, and a taxonomy theme's configured wording, stay.
   * Labels and descriptions a language model wrote stay too: only keywords are offline.
   */
  private reword(): void {
    const wording = ThemeWording.of(this.facts);
    if (!wording) return;
    const live = [...this.themes.values()].filter((t) => this.isLive(t));
    const stale = new Set(live.filter((t) => t.reword));
    if (stale.size === 0) return;
    const keys = new Set([...stale].map((t) => wordingSet(t.theme)));
    for (const key of keys) {
      const siblings = live.filter((t) => wordingSet(t.theme) === key);
      const parent = this.parentOf(siblings[0] as ThemeState);
      const groups = siblings.map(
        (t): WordingGroup => ({
          members: t.members.keys(),
          size: t.members.size,
          fixed: this.relabels(t) ? null : t.theme.label,
          wanted: t.moved,
          redraw: t.reword,
          // The passages as found are the same array all session long: their sample is kept.
          key: t.moved ? t.members : t.theme.passageIds,
        }),
      );
      const words = wording.word(key, groups, parent ? [parent.theme.label] : []);
      siblings.forEach((t, g) => {
        const made = words[g];
        if (made && t.moved) this.retheme(t, this.newWording(t, made, wording));
      });
    }
    for (const t of stale) t.reword = false;
  }

  private isLive(t: ThemeState): boolean {
    if (t.members.size === 0) return false;
    return !t.theme.parentId || (this.themes.get(t.theme.parentId)?.members.size ?? 0) > 0;
  }

  /**
   * Whether a changed theme takes a new label: an automatic, offline sub-theme label whose
   * passages drifted from those it was found with (see `drifted`), so a label that still fits
   * does not change under the facilitator's eyes after a few moves.
   */
  private relabels(t: ThemeState): boolean {
    return (
      t.moved &&
      t.theme.parentId !== null &&
      !t.review.labelled &&
      this.found.method.labelledBy === null &&
      this.drifted(t)
    );
  }

  /** Whether under half of a theme's passages, old and new together, are shared with its found self. */
  private drifted(t: ThemeState): boolean {
    const found = foundMembers(this.found).get(t.theme.id);
    if (!found) return true;
    let shared = 0;
    for (const id of t.members.keys()) if (found.has(id)) shared++;
    return shared / (found.size + t.members.size - shared) < RELABEL_OVERLAP;
  }

  private newWording(t: ThemeState, made: ThemeLabel, wording: ThemeWording): Partial<Theme> {
    const { origin } = t.theme;
    const configured = origin.kind === 'guided' ? wording.configured(origin.themeId) : undefined;
    const keepDescription =
      t.review.described || !!configured?.description || this.found.method.labelledBy !== null;
    return {
      ...(this.relabels(t) ? { label: made.label } : {}),
      ...(keepDescription ? {} : { description: made.description }),
      ...(configured && configured.keywords.length > 0 ? {} : { keywords: made.keywords }),
    };
  }

  /** A changed theme's passages best first, its counts and representatives recomputed. */
  private refresh(state: ThemeState): Theme {
    const members = [...state.members].sort((a, b) => b[1] - a[1]);
    const passageIds = members.map(([id]) => id);
    const contributions = new Set<string>();
    const participants = new Set<string>();
    for (const id of passageIds) {
      for (const c of this.facts.contributionsOf(id)) contributions.add(c);
      for (const p of this.facts.participantsOf(id)) participants.add(p);
    }
    // Pinned quotes first, then the old representatives, then the best fitting passages.
    const representatives = new Set<string>();
    for (const list of [state.review.quotes, state.theme.representativeIds, passageIds])
      for (const id of list) {
        if (representatives.size === REPRESENTATIVES) break;
        if (state.members.has(id)) representatives.add(id);
      }
    return {
      ...state.theme,
      passageIds,
      scores: members.map(([, score]) => score),
      contributionCount: contributions.size,
      participantCount: participants.size,
      representativeIds: [...representatives],
    };
  }
}

const newSinceMemo = new WeakMap<Theme, { base: ReadonlySet<string>; ids: string[] }>();

/** A theme's passages not in `base`, kept while the theme and the base stay the same. */
function newSince(theme: Theme, base: ReadonlySet<string> | null): string[] {
  if (!base) return [];
  let memo = newSinceMemo.get(theme);
  if (memo?.base !== base) {
    memo = { base, ids: theme.passageIds.filter((id) => !base.has(id)) };
    newSinceMemo.set(theme, memo);
  }
  return [...memo.ids];
}

/** Whether two theme states refresh alike: the same fields, review, and passages in order. */
function sameState(a: ThemeState, b: ThemeState): boolean {
  for (const key of Object.keys(a) as (keyof ThemeState)[])
    if (key !== 'members' && key !== 'cached' && key !== 'review' && a[key] !== b[key])
      return false;
  if (JSON.stringify(a.review) !== JSON.stringify(b.review)) return false;
  if (a.members.size !== b.members.size) return false;
  const there = b.members.entries();
  for (const [id, score] of a.members) {
    const next = there.next().value;
    if (next?.[0] !== id || next[1] !== score) return false;
  }
  return true;
}

function copyReview(review: ThemeReview): ThemeReview {
  return {
    ...review,
    quotes: [...review.quotes],
    examples: [...review.examples],
    notes: [...review.notes],
  };
}

function emptyReview(): ThemeReview {
  return {
    approved: false,
    changed: false,
    promoted: false,
    newSinceReview: [],
    quotes: [],
    examples: [],
    notes: [],
  };
}

/**
 * Between two themes holding as many anchor passages: the one still carrying the label the
 * decision saw, else the deeper one (a sub-theme's passages are also its parent's, so a parent
 * whose anchor lies in one sub-theme is told apart by its label).
 */
function fitsBetter(theme: ThemeState, best: ThemeState, ref: ThemeRef): boolean {
  const named = theme.theme.label === ref.label;
  const bestNamed = best.theme.label === ref.label;
  if (named !== bestNamed) return named;
  return theme.theme.parentId !== null && best.theme.parentId === null;
}

/** Whether any of `ids` is in `set`. */
function anyIn(ids: Iterable<string>, set: { has(id: string): boolean }): boolean {
  for (const id of ids) if (set.has(id)) return true;
  return false;
}

/** Why `theme` cannot go under `under` (null: top level), or null when it can. */
function nestProblem(
  theme: ThemeState,
  under: ThemeState | null,
  hasSubThemes: boolean,
): string | null {
  const label = theme.theme.label;
  if (!under)
    return theme.theme.parentId === null ? `"${label}" is already a top-level theme` : null;
  if (under === theme) return `"${label}" cannot go under itself`;
  if (under.theme.parentId !== null)
    return `"${under.theme.label}" is a sub-theme: a theme goes only under a top-level theme`;
  if (hasSubThemes) return `"${label}" has sub-themes: it cannot become a sub-theme itself`;
  if (theme.theme.parentId === under.theme.id)
    return `"${label}" is already a sub-theme of "${under.theme.label}"`;
  return null;
}

function targetKey(target: ExclusionTarget): string {
  return 'passage' in target ? `p:${target.passage}` : `c:${target.contribution}`;
}
