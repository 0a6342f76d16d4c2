import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import { inlineText } from './markdown-escape.js';

/** A cited contribution in the sources annex. */
export interface Source {
  number: number;
  contributionId: string;
  credit: string;
  date: string | null;
  /** The passages of it that were cited, in order of first citation. */
  passageIds: string[];
}

/** Citations shown in full; more are summarised as "+N more". */
const SHOWN = 5;

/**
 * Numbers contributions in the order the brief first cites them, and writes citations as short
 * links to their anchors in the sources annex (`#source-N`).
 */
export class SourceIndex {
  private readonly sources = new Map<string, Source>();
  private readonly contributionOf: ReadonlyMap<string, string>;

  constructor(
    records: readonly CleanRecord[],
    private readonly credit: (contributionId: string) => string,
    private readonly dateOf: (contributionId: string) => string | null,
  ) {
    this.contributionOf = new Map(
      records.flatMap((r) => r.passages.map((p) => [p.id, r.id] as [string, string])),
    );
  }

  /** "[\\[3\\]](#source-3) [\\[7\\]](#source-7)": at most five links (shown as [3] [7]) and "+N more". */
  cite(passageIds: readonly string[]): string {
    const numbers = [...new Set(passageIds.map((id) => this.number(id)))].filter((n) => n > 0);
    const shown = numbers.slice(0, SHOWN).map((n) => `[\\[${n}\\]](#source-${n})`);
    const more = numbers.length - shown.length;
    return more > 0 ? `${shown.join(' ')} (+${more} more)` : shown.join(' ');
  }

  /** The source number of the contribution behind a passage (0 for an unknown passage). */
  number(passageId: string): number {
    const contributionId = this.contributionOf.get(passageId);
    if (contributionId === undefined) return 0;
    let source = this.sources.get(contributionId);
    if (!source) {
      source = {
        number: this.sources.size + 1,
        contributionId,
        credit: this.credit(contributionId),
        date: this.dateOf(contributionId),
        passageIds: [],
      };
      this.sources.set(contributionId, source);
    }
    if (!source.passageIds.includes(passageId)) source.passageIds.push(passageId);
    return source.number;
  }

  all(): Source[] {
    return [...this.sources.values()];
  }

  /** An uncited passage for the annex: who, when, which contribution, and an excerpt. */
  uncitedEntry(passageId: string, text: string): string {
    const contributionId = this.contributionOf.get(passageId) ?? passageId;
    const date = this.dateOf(contributionId);
    return `${inlineText(this.credit(contributionId))}${date ? `, ${date}` : ''} (contribution ${inlineText(contributionId)}): ${inlineText(excerptOf(text))}`;
  }
}

/** Creates the index over a run's records, crediting as `credit` says. */
export function sourceIndex(
  records: readonly CleanRecord[],
  contributions: readonly Contribution[],
  credit: (contributionId: string) => string,
): SourceIndex {
  const dates = new Map(contributions.map((c) => [c.id, c.date?.slice(0, 10) ?? null]));
  return new SourceIndex(records, credit, (id) => dates.get(id) ?? null);
}

/** A source's annex entry: anchor, number, who, when, and an excerpt of each cited passage. */
export function sourceEntry(source: Source, textOf: (passageId: string) => string): string {
  const excerpt = source.passageIds.map((id) => inlineText(excerptOf(textOf(id)))).join(' … ');
  const when = source.date ? `, ${source.date}` : '';
  return `<a id="source-${source.number}"></a>**[${source.number}]** ${inlineText(source.credit)}${when} (contribution ${inlineText(source.contributionId)}): ${excerpt}`;
}

const EXCERPT_CHARS = 240;

function excerptOf(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.lastIndexOf(' ', EXCERPT_CHARS);
  return `${text.slice(0, cut > 0 ? cut : EXCERPT_CHARS)}…`;
}
