/**
 * Offline theme labels, keywords and descriptions from class-based TF-IDF over candidate
 * phrases (see `class-tfidf.ts`): the label names a theme by its most characteristic noun phrase
 * as its contributors wrote it ("Bus routes", "Public transport and bus routes"), never by a
 * list of single words.
 */
import type { Consultation } from '../../schemas/consultation.js';
import { contentWords } from '../nlp/tokenise.js';
import {
  byRank,
  overlaps,
  type PhraseTotals,
  type ScoredPhrase,
  scoreThemes,
} from './class-tfidf.js';
import { type PhraseCount, PhraseIndex } from './phrase-counts.js';
import { capitalise } from './phrases.js';

/** A theme's readable name, its keywords and a one-sentence description. */
export interface ThemeLabel {
  label: string;
  keywords: string[];
  description: string;
}

/** Options for {@link labelThemes}. */
export interface LabelOptions {
  /** Passage count per group, as the description states it; default each group's length. */
  sizes?: readonly number[];
  /** Keywords per theme; default 6. */
  keywordCount?: number;
  /** Fewest passages a phrase must occur in to be label material, if any does; default 2. */
  minPassages?: number;
  /** Words of the consultation's own subject (title, questions); phrases of only these are weak. */
  context?: ReadonlySet<string>;
  /** Each group's text languages (ISO 639-1), parallel to the groups; default English. */
  languages?: readonly (readonly string[])[];
  /**
   * Each text's voice, by its index (for `labelGroups`, in the index), such as its contribution:
   * the texts of one voice count a phrase once between them, so one long contribution cannot
   * name a theme it shares with others. A group's texts of one voice must be consecutive.
   * Default: each text its own.
   */
  voiceOf?: (i: number) => string;
  /** Labels no group may take, such as the parent's for sub-themes (any case); default none. */
  taken?: readonly string[];
  /**
   * Per group, a label it keeps (one a reviewer wrote) instead of a new one, or null; the
   * others take labels distinct from these. Default: every group is labelled.
   */
  fixed?: readonly (string | null)[];
  /**
   * Per group, whether its wording is wanted (default all); the others only stand in contrast,
   * get no keywords or description, and keep their `fixed` label.
   */
  wanted?: readonly boolean[];
  /** The tallies' phrase counts summed, kept by a caller that labels the same siblings again. */
  overall?: PhraseTotals;
  /** Hears each group's phrases tallied (`labelGroups`), for progress. */
  onTallied?: () => void;
}

const DESCRIPTION_PHRASES = 3;

/** The words of a consultation's own subject (title, questions), too common to name a theme. */
export function subjectWords(config: Consultation): Set<string> {
  return new Set(
    [config.title, ...config.questions.map((q) => q.text)].flatMap((text) =>
      contentWords(text, config.language),
    ),
  );
}

/**
 * Labels each group of passage texts (one group per theme) against the other groups. Sibling
 * labels are distinct: a theme whose label a larger theme already has adds a distinguishing
 * phrase, or takes its next best one. Deterministic: ties go to the phrase seen first.
 */
export function labelThemes(
  groups: readonly (readonly string[])[],
  options: LabelOptions = {},
): ThemeLabel[] {
  const texts: string[] = [];
  const languages: (string | undefined)[] = [];
  const members = groups.map((group, g) =>
    group.map((text, i) => {
      texts.push(text);
      languages.push(options.languages?.[g]?.[i]);
      return texts.length - 1;
    }),
  );
  return labelGroups(new PhraseIndex(texts, languages), members, options);
}

/**
 * {@link labelThemes} for groups of texts of one {@link PhraseIndex}, given by index, so that
 * labelling the same passages at two levels tags each once. `options.languages` is unused: the
 * index knows each text's language.
 */
export function labelGroups(
  index: PhraseIndex,
  groups: readonly (readonly number[])[],
  options: LabelOptions = {},
): ThemeLabel[] {
  return labelTallies(
    groups.map((members) => {
      const tally = index.tally(members, options.voiceOf);
      options.onTallied?.();
      return tally;
    }),
    { ...options, sizes: groups.map((members, g) => options.sizes?.[g] ?? members.length) },
  );
}

/**
 * {@link labelGroups} for the groups' phrase tallies (`PhraseIndex.tally`), for a caller that
 * keeps the tallies of groups that did not change. `options.sizes` defaults to 1 per group.
 */
export function labelTallies(
  tallies: readonly Map<string, PhraseCount>[],
  options: LabelOptions = {},
): ThemeLabel[] {
  const { keywordCount = 6, minPassages = 2 } = options;
  const scored = scoreThemes(tallies, options.context, options.wanted, options.overall?.counts);
  const material = scored.map((phrases) => labelMaterial(phrases, minPassages));
  const sizes = tallies.map((_, g) => options.sizes?.[g] ?? 1);
  const named = distinctLabels(scored, material, sizes, options);
  return scored.map((phrases, g) => {
    const { label, phrases: inLabel } = named[g] as Named;
    const described = nonOverlapping([...inLabel, ...(material[g] as ScoredPhrase[])]);
    return {
      label,
      keywords: keywordsOf(phrases, keywordCount, minPassages),
      description: describe(described, sizes[g] as number),
    };
  });
}

/** A label and the one or two phrases it is made of. */
interface Named {
  label: string;
  phrases: ScoredPhrase[];
}

/**
 * Phrases that may name the theme, best first: recurring noun phrases that are not weak, or
 * failing those, the best the theme has (a theme of one passage still gets a name).
 */
function labelMaterial(phrases: readonly ScoredPhrase[], minPassages: number): ScoredPhrase[] {
  const nouns = phrases.filter((p) => p.count.kind === 'noun' || p.count.kind === 'coordination');
  const whole = phrases.filter((p) => p.count.kind !== 'fragment');
  const recurring = (pool: readonly ScoredPhrase[]) =>
    pool.filter((p) => p.count.passages >= minPassages);
  const strong = (pool: readonly ScoredPhrase[]) => pool.filter((p) => !p.weak);
  const pools = [strong(recurring(nouns)), recurring(nouns), strong(nouns), nouns, whole];
  return byRank(pools.find((pool) => pool.length > 0) ?? []);
}

/** Labels in the groups' order, chosen largest group first so it keeps the plainest label. */
function distinctLabels(
  scored: readonly ScoredPhrase[][],
  material: readonly ScoredPhrase[][],
  sizes: readonly number[],
  { taken = [], fixed = [] }: Pick<LabelOptions, 'taken' | 'fixed'>,
): Named[] {
  const order = sizes.map((size, g) => ({ size, g })).sort((a, b) => b.size - a.size || a.g - b.g);
  const used = new Set(
    [...taken, ...fixed].flatMap((label) => (label ? [label.toLowerCase()] : [])),
  );
  const named: Named[] = [];
  for (const { g } of order) {
    const kept = fixed[g];
    if (kept) {
      named[g] = { label: kept, phrases: [] };
      continue;
    }
    let chosen: Named = { label: `Theme ${g + 1}`, phrases: [] };
    const partners = byRank((scored[g] as ScoredPhrase[]).filter(isPartner));
    for (const phrases of labelOptions(material[g] as ScoredPhrase[], partners)) {
      const label = capitalise(phrases.map((p) => p.display).join(' and '));
      if (!used.has(label.toLowerCase())) {
        chosen = { label, phrases };
        break;
      }
    }
    used.add(chosen.label.toLowerCase());
    named[g] = chosen;
  }
  return named;
}

/** A noun phrase that can distinguish a label whose best phrase a sibling already uses. */
function isPartner(phrase: ScoredPhrase): boolean {
  return phrase.count.kind === 'noun' && !phrase.weak;
}

/**
 * Candidate labels, best first: each phrase of the theme alone, since a label must be a phrase
 * its contributors wrote (a noun phrase, or an "X and Y" they wrote as such), not two unrelated
 * words joined by "and". Only when siblings hold all of those does the top phrase take a
 * distinguishing second one (another phrase, then any noun phrase of the theme).
 */
function* labelOptions(
  material: readonly ScoredPhrase[],
  partners: readonly ScoredPhrase[],
): Generator<ScoredPhrase[]> {
  for (const phrase of material) {
    const longer = expansion(phrase, partners);
    if (longer !== undefined) yield [longer];
    yield [phrase];
  }
  for (const first of material) {
    if (first.count.kind === 'coordination') continue;
    const fits = (p: ScoredPhrase) => p !== first && isNotCoordination(p) && !overlaps(p, first);
    for (const other of [...material, ...partners]) if (fits(other)) yield [first, other];
  }
}

/** A longer phrase names the theme instead of its word if it has this share of its passages. */
const EXPANSION_SHARE = 0.15;

/**
 * For a single word ("Traffic"), the best-ranked recurring noun phrase of the theme around it
 * ("Traffic on Scottsville Road"), if enough of the word's passages use it; else none.
 */
function expansion(phrase: ScoredPhrase, nouns: readonly ScoredPhrase[]): ScoredPhrase | undefined {
  if (phrase.count.words.length !== 1) return undefined;
  const [word] = phrase.count.words;
  const least = Math.max(2, EXPANSION_SHARE * phrase.count.passages);
  return nouns.find(
    (p) =>
      p.count.words.length > 1 &&
      p.count.words.includes(word as string) &&
      p.count.passages >= least,
  );
}

function isNotCoordination(phrase: ScoredPhrase): boolean {
  return phrase.count.kind !== 'coordination';
}

/** Up to `DESCRIPTION_PHRASES` phrases, best first, none overlapping an earlier one. */
function nonOverlapping(ranked: readonly ScoredPhrase[]): ScoredPhrase[] {
  const chosen: ScoredPhrase[] = [];
  for (const phrase of ranked) {
    if (chosen.length >= DESCRIPTION_PHRASES) break;
    if (!chosen.some((c) => overlaps(c, phrase))) chosen.push(phrase);
  }
  return chosen;
}

/**
 * The top phrases by rank, recurring and not weak ones first, skipping one whose words are all
 * in a chosen one ("bus" after "bus routes") or that only adds words to one.
 */
function keywordsOf(
  phrases: readonly ScoredPhrase[],
  count: number,
  minPassages: number,
): string[] {
  const tier = (p: ScoredPhrase) => (p.count.passages >= minPassages ? 0 : 2) + (p.weak ? 1 : 0);
  const ordered = byRank(phrases)
    .map((phrase, i) => ({ phrase, i }))
    .sort((a, b) => tier(a.phrase) - tier(b.phrase) || a.i - b.i)
    .map(({ phrase }) => phrase);
  const chosen: ScoredPhrase[] = [];
  for (const phrase of ordered) {
    if (chosen.length >= count) break;
    if (phrase.count.kind === 'fragment') continue;
    if (chosen.some((c) => nested(c.count.words, phrase.count.words))) continue;
    chosen.push(phrase);
  }
  // A verb or adjective reads better as its lemma ("deter"), a noun phrase as written.
  return chosen.map((p) => (p.count.kind === 'other' ? p.count.key : p.display));
}

/** Whether one word list is contained in the other. */
function nested(a: readonly string[], b: readonly string[]): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  return small.every((word) => large.includes(word));
}

/** "Contributions about X, Y and Z (84 passages)." from the theme's own top phrases. */
function describe(phrases: readonly ScoredPhrase[], size: number): string {
  const count = `${size} ${size === 1 ? 'passage' : 'passages'}`;
  if (phrases.length === 0) return `No recurring words or phrases (${count}).`;
  const names = phrases.map((p) => p.display);
  const last = names.pop() as string;
  const list = names.length === 0 ? last : `${names.join(', ')} and ${last}`;
  return `Contributions about ${list} (${count}).`;
}
