// A facilitator correcting the found themes toward a gold labelling through the app's API.
import type { ThemeView } from '../pipeline/review/views.js';
import type { ReviewAction } from '../schemas/review.js';
import type { EffortFigures } from '../schemas/review-effort.js';
import type { ReviewClient } from './review-effort-client.js';
import { Membership } from './review-effort-model.js';

/** How the facilitator works. */
export interface SimulationOptions {
  /** Ask for suggestions after each move and accept the right ones. */
  withSuggestions: boolean;
  /** Agreement at which the facilitator stops (0.9). */
  target: number;
  /** Wrong passages for one theme gathered before they are moved and suggestions asked (3). */
  batch: number;
  /** Suggestions asked for at a time (20, the API's default). */
  limit: number;
}

/** The effort, and how the suggestions fared. */
export interface SimulationResult extends EffortFigures {
  /** Suggestions shown, and those accepted (right) among them. */
  shown: number;
  accepted: number;
  /**
   * Once the themes are named: the passages "may fit another theme better" flags (up to 200 per
   * theme), those of them in the wrong theme, and the share of wrong passages among all in themes.
   */
  misfits: { flagged: number; wrong: number; wrongShare: number };
}

/**
 * Simulates a facilitator on the app behind `client`. They name each top-level theme after the
 * gold label most of its passages carry (merging themes that carry the same one), then read
 * the themes and "other" in the app's order. Each passage they read in a theme whose label is
 * not its gold label they tick and move to the theme of its label (made by a split when there is
 * none yet): per theme read, in one move per label, or (with suggestions) every `batch` passages
 * of a label, after which they ask for suggestions and accept those whose gold label is the
 * target's, unticking the others (free: they only learn the gold label of what they are shown).
 * They stop once `target` of the passages agree with the gold.
 */
export async function simulateReview(
  client: ReviewClient,
  gold: ReadonlyMap<string, string>,
  options: SimulationOptions,
): Promise<SimulationResult> {
  const model = await Membership.read(client, gold);
  const facilitator = new Facilitator(client, model, options);
  await facilitator.nameThemes();
  const mustMove = facilitator.wrong();
  const misfits = await facilitator.judgeMisfits();
  const lists = [
    ...client
      .state()
      .themes.filter((t) => t.parentId === null)
      .map((t) => t.id),
    null,
  ];
  for (const list of lists) if (await facilitator.read(list)) break;
  const actual = await Membership.read(client, gold);
  if (!actual.same(model)) throw new Error('review-effort: the app and the simulation disagree');
  const { tickedByHand, decisions, shown, accepted } = facilitator;
  return {
    mustMove,
    tickedByHand,
    decisions,
    agreement: actual.agreement(labels(client)),
    shown,
    accepted,
    misfits,
  };
}

class Facilitator {
  tickedByHand = 0;
  decisions = 0;
  shown = 0;
  accepted = 0;

  constructor(
    private readonly client: ReviewClient,
    private readonly model: Membership,
    private readonly options: SimulationOptions,
  ) {}

  /** Names every top-level theme after its majority gold label, merging those of one label. */
  async nameThemes(): Promise<void> {
    const byLabel = new Map<string, { theme: ThemeView; count: number }[]>();
    for (const theme of this.top()) {
      const [label, count] = majority(
        [...this.model.membersOf(theme.id)].map((id) => this.model.goldOf(id)),
      );
      byLabel.set(label, [...(byLabel.get(label) ?? []), { theme, count }]);
    }
    for (const [label, group] of byLabel) {
      group.sort((a, b) => b.count - a.count);
      const [into, ...rest] = group.map((g) => g.theme);
      if (!into) continue;
      if (rest.length > 0) {
        await this.decide([
          { kind: 'merge', themes: rest.map((t) => this.ref(t.id)), into: this.ref(into.id) },
        ]);
        for (const theme of rest) this.model.merge(theme.id, into.id);
      }
      if (into.label !== label)
        await this.decide([{ kind: 'rename', theme: this.ref(into.id), label }]);
    }
  }

  /** Passages that do not agree with the gold. */
  wrong(): number {
    const labelOf = labels(this.client);
    let count = 0;
    for (const id of this.model.themesOf.keys()) if (!this.model.agrees(id, labelOf)) count++;
    return count;
  }

  /** How many of the app's misfit flags are passages in the wrong theme (nothing is decided). */
  async judgeMisfits(): Promise<SimulationResult['misfits']> {
    const labelOf = labels(this.client);
    let flagged = 0;
    let wrong = 0;
    let inThemes = 0;
    let wrongInThemes = 0;
    for (const theme of this.top()) {
      for (const id of this.model.membersOf(theme.id)) {
        inThemes++;
        if (!this.model.agrees(id, labelOf)) wrongInThemes++;
      }
      for (const item of await this.client.misfits(theme.id, 200)) {
        flagged++;
        if (!this.model.agrees(item.id, labelOf)) wrong++;
      }
    }
    return { flagged, wrong, wrongShare: inThemes === 0 ? 0 : wrongInThemes / inThemes };
  }

  /** Reads a top-level theme (or "other"), moving what is wrong; true once the target is met. */
  async read(themeId: string | null): Promise<boolean> {
    if (themeId !== null && !this.top().some((t) => t.id === themeId)) return false;
    const pending = new Map<string, string[]>();
    for (const id of await this.client.list(themeId)) {
      if (!this.isIn(id, themeId) || this.model.agrees(id, labels(this.client))) continue;
      const label = this.model.goldOf(id);
      const batch = [...(pending.get(label) ?? []), id];
      pending.set(label, batch);
      if (!this.options.withSuggestions || batch.length < this.options.batch) continue;
      pending.delete(label);
      if (await this.moveByHand(batch, label, themeId)) return true;
    }
    const batches = [...pending].sort((a, b) => b[1].length - a[1].length);
    for (const [label, batch] of batches)
      if (await this.moveByHand(batch, label, themeId)) return true;
    return false;
  }

  /** Ticks and moves passages to the theme of `label`; true once the target is met. */
  private async moveByHand(ids: string[], label: string, from: string | null): Promise<boolean> {
    const labelOf = labels(this.client);
    const moving = ids.filter((id) => !this.model.agrees(id, labelOf));
    if (moving.length === 0) return false;
    this.tickedByHand += moving.length;
    await this.moveTo(moving, label, from);
    if (this.reached()) return true;
    return this.options.withSuggestions && this.followSuggestions(moving, label);
  }

  /** Moves passages to the theme of `label`, splitting them out into a new one if none. */
  private async moveTo(ids: string[], label: string, from: string | null): Promise<void> {
    const target = this.labelled(label);
    if (target) {
      await this.decide([{ kind: 'move', passages: ids, to: this.ref(target.id) }]);
      this.model.place(ids, target.id);
      return;
    }
    // A split takes passages out of one theme: those in "other" go into one first.
    let source = from;
    if (source === null) {
      source = this.top()[0]?.id ?? null;
      if (source === null) throw new Error('review-effort: no theme to split a new one from');
      await this.decide([{ kind: 'move', passages: ids, to: this.ref(source) }]);
      this.model.place(ids, source);
    }
    const elsewhere = ids.filter((id) => (this.model.themesOf.get(id)?.size ?? 0) > 1);
    const created = await this.decide([
      { kind: 'split', theme: this.ref(source), passages: ids, label },
    ]);
    const theme = created.find((t) => t.label === label && t.parentId === null);
    if (!theme) throw new Error(`review-effort: the split made no top-level theme "${label}"`);
    this.model.place(ids, theme.id);
    // A split leaves a passage in its other top-level themes; a move takes it out of them.
    if (elsewhere.length > 0)
      await this.decide([{ kind: 'move', passages: elsewhere, to: this.ref(theme.id) }]);
  }

  /** Asks for passages like those just moved and accepts the right ones, again and again. */
  private async followSuggestions(like: string[], label: string): Promise<boolean> {
    let seeds = like;
    while (seeds.length > 0) {
      const target = this.labelled(label);
      if (!target) return false;
      const items = await this.client.suggest(seeds, target.id, this.options.limit);
      this.shown += items.length;
      const right = items.filter((item) => this.model.goldOf(item.id) === label).map((i) => i.id);
      if (right.length === 0) return false;
      this.accepted += right.length;
      await this.decide([{ kind: 'move', passages: right, to: this.ref(target.id) }]);
      this.model.place(right, target.id);
      if (this.reached()) return true;
      seeds = right;
    }
    return false;
  }

  private async decide(actions: ReviewAction[]): Promise<ThemeView[]> {
    this.decisions += actions.length;
    return this.client.decide(actions);
  }

  private reached(): boolean {
    return this.model.agreement(labels(this.client)) >= this.options.target;
  }

  private isIn(id: string, themeId: string | null): boolean {
    const themes = this.model.themesOf.get(id);
    return themeId === null ? themes?.size === 0 : (themes?.has(themeId) ?? false);
  }

  private top(): ThemeView[] {
    return this.client.state().themes.filter((t) => t.parentId === null);
  }

  private labelled(label: string): ThemeView | undefined {
    return this.top().find((t) => t.label === label);
  }

  private ref(themeId: string): ThemeView['ref'] {
    const theme = this.client.state().themes.find((t) => t.id === themeId);
    if (!theme) throw new Error(`review-effort: theme ${themeId} is gone`);
    return theme.ref;
  }
}

/** The labels of the top-level themes, by id. */
function labels(client: ReviewClient): Map<string, string> {
  return new Map(
    client
      .state()
      .themes.filter((t) => t.parentId === null)
      .map((t) => [t.id, t.label]),
  );
}

/** The most frequent value and its count (the first seen on a tie). */
function majority(values: readonly string[]): [string, number] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: [string, number] = ['', 0];
  for (const entry of counts) if (entry[1] > best[1]) best = entry;
  return best;
}
