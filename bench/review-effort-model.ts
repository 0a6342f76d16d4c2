// Where each passage stands among the top-level themes, and how far that agrees with the gold.
import type { ReviewClient } from './review-effort-client.js';

/**
 * The top-level themes of each passage, read from the app once and then kept up to date with
 * the decisions the facilitator sends (and checked against the app again at the end).
 */
export class Membership {
  private constructor(
    /** Passage id to the ids of the top-level themes it is in (empty: "other"). */
    readonly themesOf: Map<string, Set<string>>,
    private readonly gold: ReadonlyMap<string, string>,
  ) {}

  /** Reads every top-level theme's passages and "other" from the app. */
  static async read(client: ReviewClient, gold: ReadonlyMap<string, string>): Promise<Membership> {
    const themesOf = new Map<string, Set<string>>();
    for (const id of await client.list(null)) themesOf.set(id, new Set());
    for (const theme of client.state().themes) {
      if (theme.parentId !== null) continue;
      for (const id of await client.list(theme.id)) {
        const themes = themesOf.get(id) ?? new Set();
        themes.add(theme.id);
        themesOf.set(id, themes);
      }
    }
    return new Membership(themesOf, gold);
  }

  /** The gold label of a passage (its contribution's). */
  goldOf(passageId: string): string {
    const label = this.gold.get(passageId.slice(0, passageId.lastIndexOf('#')));
    if (label === undefined) throw new Error(`passage ${passageId} has no gold label`);
    return label;
  }

  /** Whether a passage is in exactly one top-level theme, labelled with its gold label. */
  agrees(passageId: string, labelOf: ReadonlyMap<string, string>): boolean {
    const themes = this.themesOf.get(passageId);
    if (themes?.size !== 1) return false;
    const [theme] = themes;
    return labelOf.get(theme as string) === this.goldOf(passageId);
  }

  /** The share of passages that agree with the gold. */
  agreement(labelOf: ReadonlyMap<string, string>): number {
    let agreeing = 0;
    for (const id of this.themesOf.keys()) if (this.agrees(id, labelOf)) agreeing++;
    return this.themesOf.size === 0 ? 0 : agreeing / this.themesOf.size;
  }

  /** The passages now in a top-level theme (or "other" when null). */
  membersOf(themeId: string | null): Set<string> {
    const members = new Set<string>();
    for (const [id, themes] of this.themesOf)
      if (themeId === null ? themes.size === 0 : themes.has(themeId)) members.add(id);
    return members;
  }

  /** The passages went to one theme (a move, or a split into a new one). */
  place(passages: readonly string[], themeId: string): void {
    for (const id of passages) this.themesOf.set(id, new Set([themeId]));
  }

  /** The passages of `from` now belong to `into` (a merge). */
  merge(from: string, into: string): void {
    for (const themes of this.themesOf.values()) if (themes.delete(from)) themes.add(into);
  }

  /** Whether the model says what the app says (compared at the end of a simulation). */
  same(other: Membership): boolean {
    if (other.themesOf.size !== this.themesOf.size) return false;
    for (const [id, themes] of this.themesOf) {
      const theirs = other.themesOf.get(id);
      if (!theirs || theirs.size !== themes.size || [...themes].some((t) => !theirs.has(t)))
        return false;
    }
    return true;
  }
}
