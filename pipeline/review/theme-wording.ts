// Keywords, descriptions and sub-theme labels of reviewed themes, from their passages now.
import type { Theme, Themes } from '../../schemas/themes.js';
import { contentHash } from '../hash-sample.js';
import { PhraseTotals } from '../themes/class-tfidf.js';
import { labelTallies, type ThemeLabel } from '../themes/labels.js';
import { type PhraseCount, PhraseIndex } from '../themes/phrase-counts.js';
import type { PassageFacts } from './review-state.js';

/** What rewording needs beyond the passage ids: their texts and the consultation's wording. */
export interface PassageText {
  textOf(passageId: string): string;
  languageOf(passageId: string): string;
  /** Words of the consultation's own subject (see `subjectWords`). */
  context: ReadonlySet<string>;
  /** The taxonomy's configured wording by theme id: kept for guided themes. */
  taxonomy: ReadonlyMap<string, { description: string; keywords: readonly string[] }>;
}

/** One theme of a set of siblings, as rewording sees it. */
export interface WordingGroup {
  /** Its passage ids now. */
  members: Iterable<string>;
  size: number;
  /** A label it keeps (a reviewer's, or one not to recompute), or null for a new one. */
  fixed: string | null;
  /**
   * Whether its wording is wanted (its passages changed since `themes.json`); the others only
   * stand in contrast, and keep their label (`fixed` must be set).
   */
  wanted: boolean;
  /** Its passages changed since its sample was last drawn: draw it again. */
  redraw: boolean;
  /**
   * An object standing for its passages while they do not change (a theme's member map), so
   * that its sample is drawn once.
   */
  key: object;
}

/**
 * Passages a theme's wording is drawn from at most: those of the contributions hashing lowest,
 * so a theme of 10,000 passages is worded from a stable sample, and one decision changes few
 * of them (the themes stage words from every passage; up to this size the two agree).
 */
export const WORDING_SAMPLE = 100;
/** Passages tagged between two yields while warming up. */
const WARM_CHUNK = 20;
/** Tallies kept for samples seen before (an undo brings a theme's sample back). */
const TALLIES_KEPT = 2000;

/**
 * Words themes as the themes stage does (`labelTallies`: c-TF-IDF against sibling themes), for
 * the passages they hold after review decisions. Each passage is tagged once per session and
 * each distinct sample tallied once, so a decision re-tallies only the themes it changed.
 */
export class ThemeWording {
  private readonly index: PhraseIndex;
  private readonly rows = new Map<string, number>();
  private readonly hashes: Uint32Array;
  private readonly contributions: string[];
  private readonly tallies = new Map<string, Map<string, PhraseCount>>();
  private warming: Promise<void> | undefined;
  private readonly samples = new WeakMap<object, number[]>();
  private readonly overall = new Map<string, PhraseTotals>();

  private constructor(
    facts: PassageFacts,
    private readonly text: PassageText,
  ) {
    const { passageIds } = facts;
    this.index = new PhraseIndex(
      passageIds.map((id) => text.textOf(id)),
      passageIds.map((id) => text.languageOf(id)),
    );
    this.contributions = passageIds.map((id) => facts.contributionsOf(id)[0] ?? id);
    this.hashes = new Uint32Array(passageIds.length);
    const encoder = new TextEncoder();
    passageIds.forEach((id, row) => {
      this.rows.set(id, row);
      this.hashes[row] = contentHash(encoder.encode(this.contributions[row]));
    });
  }

  /** The session's wording of these passages (one per `facts`), or null without their texts. */
  static of(facts: PassageFacts): ThemeWording | null {
    if (!facts.text) return null;
    let wording = sessions.get(facts);
    if (!wording) {
      wording = new ThemeWording(facts, facts.text);
      sessions.set(facts, wording);
    }
    return wording;
  }

  /** The taxonomy's wording of a guided theme, if configured. */
  configured(themeId: string): { description: string; keywords: readonly string[] } | undefined {
    return this.text.taxonomy.get(themeId);
  }

  /**
   * Labels, keywords and descriptions of sibling themes worded against each other; no new
   * label is one of `taken` (the parent's) or a fixed sibling's. `set` names the siblings (their
   * parent, or their question), whose summed phrase counts are kept between calls.
   */
  word(set: string, groups: readonly WordingGroup[], taken: readonly string[]): ThemeLabel[] {
    const tallies = groups.map((group) => {
      let sample = group.redraw ? undefined : this.samples.get(group.key);
      if (!sample) {
        sample = this.sample(group.members);
        this.samples.set(group.key, sample);
      }
      return this.tallyOf(sample);
    });
    return labelTallies(tallies, {
      overall: this.totalsOf(set).update(tallies),
      sizes: groups.map((g) => g.size),
      taken,
      fixed: groups.map((g) => g.fixed),
      wanted: groups.map((g) => g.wanted),
      context: this.text.context,
      voiceOf: (row) => this.contributions[row] as string,
    });
  }

  /**
   * Tags and tallies the themes' samples ahead of the first decision, a few passages at a time,
   * yielding between them so that the app keeps answering meanwhile. Once per session: a
   * second call returns the first one's promise.
   */
  warm(themes: readonly Theme[]): Promise<void> {
    this.warming ??= this.tagAhead(themes);
    return this.warming;
  }

  private async tagAhead(themes: readonly Theme[]): Promise<void> {
    const sets = new Map<string, Map<string, PhraseCount>[]>();
    for (const theme of themes) {
      const sample = this.sample(theme.passageIds);
      this.samples.set(theme.passageIds, sample);
      for (let at = 0; at < sample.length; at += WARM_CHUNK) {
        this.index.tally(sample.slice(at, at + WARM_CHUNK));
        await new Promise((resolve) => setImmediate(resolve));
      }
      const set = wordingSet(theme);
      sets.set(set, [...(sets.get(set) ?? []), this.tallyOf(sample)]);
    }
    for (const [set, tallies] of sets) {
      this.totalsOf(set).update(tallies);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** The summed phrase counts kept for a set of siblings. */
  private totalsOf(set: string): PhraseTotals {
    let totals = this.overall.get(set);
    if (!totals) {
      totals = new PhraseTotals();
      this.overall.set(set, totals);
    }
    return totals;
  }

  private tallyOf(sample: readonly number[]): Map<string, PhraseCount> {
    const key = sample.join(',');
    let tally = this.tallies.get(key);
    if (!tally) {
      tally = this.index.tally(sample, (row) => this.contributions[row] as string);
      if (this.tallies.size >= TALLIES_KEPT) this.tallies.clear();
      this.tallies.set(key, tally);
    }
    return tally;
  }

  /** Rows of the `WORDING_SAMPLE` passages whose contributions hash lowest, in corpus order. */
  private sample(members: Iterable<string>): number[] {
    const { hashes } = this;
    const before = (a: number, b: number) => (hashes[a] as number) - (hashes[b] as number) || a - b;
    // The lowest so far, in order: a row past the last of a full list is passed over at once.
    const lowest: number[] = [];
    for (const id of members) {
      const row = this.rows.get(id);
      if (row === undefined) continue;
      const full = lowest.length === WORDING_SAMPLE;
      if (full && before(row, lowest[WORDING_SAMPLE - 1] as number) >= 0) continue;
      let at = lowest.length;
      while (at > 0 && before(row, lowest[at - 1] as number) < 0) at--;
      lowest.splice(at, 0, row);
      if (full) lowest.pop();
    }
    return lowest.sort((a, b) => a - b);
  }
}

const sessions = new WeakMap<PassageFacts, ThemeWording>();

/**
 * Starts tagging a review session's themes in the background (see `ThemeWording.warm`), as the
 * review app does once it has a session, so that the first decision finds them tagged.
 */
export function warmWording(session: { facts: PassageFacts; found: Themes }): void {
  setImmediate(() => void ThemeWording.of(session.facts)?.warm(session.found.themes));
}

/** Themes worded against each other: a parent's sub-themes, or a question's top-level themes. */
export function wordingSet(theme: Pick<Theme, 'parentId' | 'questionId'>): string {
  return theme.parentId ?? `\u0000${theme.questionId ?? ''}`;
}
