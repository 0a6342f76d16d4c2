import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import { inlineText } from './markdown-escape.js';

/** A contribution the brief shows as a numbered source in its annex. */
export interface Source {
  number: number;
  contributionId: string;
  credit: string;
  date: string | null;
  /** The passages of it that were cited, in order of first citation. */
  passageIds: string[];
}

/**
 * Numbers contributions in the order the brief first shows them, and writes citations as short
 * links to their anchors in the sources annex (`#source-N`). Only the contributions a citation
 * shows as links are numbered; those behind its "+N more" are not, so the numbers have no gaps
 * and the annex lists only what a reader can follow.
 */
export class SourceIndex {
  private readonly sources = new Map<string, Source>();
  private readonly contributionOf: ReadonlyMap<string, string>;

  /**
   * `shown`: the contributions a citation shows as links; the rest are summarised as "+N more".
   */
  constructor(
    records: readonly CleanRecord[],
    readonly credit: (contributionId: string) => string,
    readonly dateOf: (contributionId: string) => string | null,
    private readonly shown: number,
  ) {
    this.contributionOf = new Map(
      records.flatMap((r) => r.passages.map((p) => [p.id, r.id] as [string, string])),
    );
  }

  /**
   * "[\\[3\\]](#source-3) [\\[7\\]](#source-7)": links (shown as [3] [7]) to the first `shown`
   * contributions the passages belong to, then "(+N more contributions)" for the others.
   */
  cite(passageIds: readonly string[]): string {
    const byContribution = new Map<string, string>();
    for (const id of passageIds) {
      const contributionId = this.contributionOf.get(id);
      if (contributionId !== undefined && !byContribution.has(contributionId))
        byContribution.set(contributionId, id);
    }
    const first = [...byContribution.values()].slice(0, this.shown);
    const links = first.map((id) => this.number(id)).map((n) => `[\\[${n}\\]](#source-${n})`);
    const more = byContribution.size - links.length;
    if (more === 0) return links.join(' ');
    return `${links.join(' ')} (+${more.toLocaleString('en')} more contribution${more === 1 ? '' : 's'})`;
  }

  /** The number of a shown source, by contribution id, or undefined when it is not shown. */
  numberOf(contributionId: string): number | undefined {
    return this.sources.get(contributionId)?.number;
  }

  /** The contribution a passage belongs to, or undefined for an unknown passage. */
  contributionOfPassage(passageId: string): string | undefined {
    return this.contributionOf.get(passageId);
  }

  /** Numbers the contribution behind a known passage, the first time it is shown. */
  private number(passageId: string): number {
    const contributionId = this.contributionOf.get(passageId) as string;
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

  /** The shown sources, by number. */
  all(): Source[] {
    return [...this.sources.values()];
  }
}

/** Creates the index over a run's records, crediting as `credit` says, showing `shown` links. */
export function sourceIndex(
  records: readonly CleanRecord[],
  contributions: readonly Contribution[],
  credit: (contributionId: string) => string,
  shown: number,
): SourceIndex {
  const dates = new Map(contributions.map((c) => [c.id, c.date?.slice(0, 10) ?? null]));
  return new SourceIndex(records, credit, (id) => dates.get(id) ?? null, shown);
}

/** Characters of a source's excerpt in the annex: one or two lines in its small type. */
const ENTRY_EXCERPT_CHARS = 150;

/**
 * A source's compact annex entry: anchor, number, who, when, and the start of its first cited
 * passage (the PDF sets paragraphs that open with a source anchor in small type).
 */
export function sourceEntry(source: Source, textOf: (passageId: string) => string): string {
  const first = source.passageIds[0];
  const excerpt = inlineText(
    excerptOf(first === undefined ? '' : textOf(first), ENTRY_EXCERPT_CHARS),
  );
  const when = source.date ? `, ${source.date}` : '';
  return `<a id="source-${source.number}"></a>**[${source.number}]** ${inlineText(source.credit)}${when}: ${excerpt}`;
}

/** The text cut at a word before `chars` characters, marked with "…" when cut. */
export function excerptOf(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.lastIndexOf(' ', chars);
  return `${text.slice(0, cut > 0 ? cut : chars)}…`;
}
