// Counts the contributors' sentences the brief's body shows, so that none is quoted more than twice.
import { sentenceKey } from '../synthesis/findings/support.js';
import { listOf } from '../synthesis/findings/theme-findings.js';
import { countedSentences } from './quote-repeats.js';

/**
 * The sentences the brief has shown, in the order its body is written (the key messages and the
 * programming priorities first), and the first place each was quoted in. A finding's sentences
 * are those of what stands between “ and ”, or of its whole text when it has no quotation marks.
 */
export class QuotedOnce {
  private readonly shown = new Map<string, number>();
  private readonly places = new Map<string, string>();

  /** `max`: the times a sentence may be shown (default 2). */
  constructor(private readonly max = 2) {}

  /** Records the sentences a finding shows, and `place` ("key message 2") as where they are. */
  add(text: string, place?: string): void {
    for (const sentence of sentencesIn(text)) {
      this.shown.set(sentence, (this.shown.get(sentence) ?? 0) + 1);
      if (place && !this.places.has(sentence)) this.places.set(sentence, place);
    }
  }

  /** Whether a finding shows no sentence recorded before. */
  isNew(text: string): boolean {
    return sentencesIn(text).every((sentence) => !this.shown.has(sentence));
  }

  /** Records a finding and says true when none of its sentences was shown `max` times yet. */
  show(text: string): boolean {
    if (sentencesIn(text).some((sentence) => (this.shown.get(sentence) ?? 0) >= this.max))
      return false;
    this.add(text);
    return true;
  }

  /** Where a finding's sentences were first quoted in a named place, or null. */
  placeOf(text: string): string | null {
    for (const sentence of sentencesIn(text)) {
      const place = this.places.get(sentence);
      if (place) return place;
    }
    return null;
  }

  /**
   * The first `cap` findings (default all) a section can still show in full (with `onlyNew`,
   * default false, only those shown nowhere before), each recorded as shown; the named places of those left out on the way are added to `left`, for the section to
   * point to.
   */
  keep<T extends { text: string }>(
    items: readonly T[],
    left: Set<string>,
    cap = Infinity,
    onlyNew = false,
  ): T[] {
    const kept: T[] = [];
    for (const f of items) {
      if (kept.length >= cap) break;
      if ((!onlyNew || this.isNew(f.text)) && this.show(f.text)) kept.push(f);
      else {
        const place = this.placeOf(f.text);
        if (place) left.add(place);
      }
    }
    return kept;
  }
}

/**
 * A section's pointer to the places quoting what it leaves out ("key messages 1 and 4, and
 * programming priority 6"), or nothing. Places are named "<kind> <number>".
 */
export function leftOutNote(left: ReadonlySet<string>): string[] {
  if (left.size === 0) return [];
  const byKind = new Map<string, number[]>();
  for (const place of left) {
    const [, kind = place, n = ''] = /^(.*) (\d+)$/.exec(place) ?? [];
    byKind.set(kind, [...(byKind.get(kind) ?? []), Number(n)]);
  }
  const places = [...byKind]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, numbers]) => {
      const sorted = numbers.sort((a, b) => a - b).map(String);
      return `${sorted.length > 1 ? pluralOf(kind) : kind} ${listOf(sorted)}`;
    });
  const joined =
    places.length > 1 ? `${places.slice(0, -1).join(', ')}, and ${places.at(-1)}` : places[0];
  return [`*Also here, quoted in full in ${joined}.*`, ''];
}

/** "key messages", "programming priorities": the plural of a place's kind. */
function pluralOf(kind: string): string {
  return /[^aeiou]y$/.test(kind) ? `${kind.slice(0, -1)}ies` : `${kind}s`;
}

/** The sentences a finding quotes, compared ignoring case, spacing and closing marks. */
export function quotedIn(text: string): string[] {
  return quotedParts(text)
    .map(sentenceKey)
    .filter((s) => s !== '');
}

function quotedParts(text: string): string[] {
  const inMarks = [...text.matchAll(/“([^”]+)”/gu)].map((m) => m[1] as string);
  return inMarks.length > 0 ? inMarks : [text];
}

/** The sentences of a finding that count as shown, as `repeatedSentences` counts them. */
function sentencesIn(text: string): string[] {
  return quotedParts(text)
    .flatMap(countedSentences)
    .map(sentenceKey)
    .filter((s) => s !== '');
}
