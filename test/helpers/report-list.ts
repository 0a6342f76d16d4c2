// Reads back, in Node, the list of every contribution that report.html embeds compressed.
import { gunzipSync } from 'node:zlib';
import { decodeSevenBit } from '../../pipeline/brief/seven-bit-text.js';

/** A row of the report's list, as the page shows it. */
export interface ListRow {
  number: number;
  contribution: string;
  /** 0 numbered source, 1 cited, 2 not cited. */
  status: number;
  credit: string;
  date: string;
  themes: string[];
  citedIn: string[];
  text: string;
}

interface Meta {
  rows: number;
  blocks: number[];
  labels: string[];
  numbered: Record<string, number>;
}

/** The list's settings (`data-list`), or null when the report has no list. */
export function reportListMeta(html: string): Meta | null {
  const attribute = /data-list="([^"]*)"/.exec(html)?.[1];
  if (attribute === undefined) return null;
  const json = attribute
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(json) as Meta;
}

/** Every row of the list in `html`, in order; empty when it has none. */
export function reportListRows(html: string): ListRow[] {
  const meta = reportListMeta(html);
  if (!meta) return [];
  const blocks = [...html.matchAll(/<script type="text\/x-compressed-rows">([^<]*)<\/script>/g)];
  return blocks.flatMap((match, i) => {
    const bytes = decodeSevenBit(match[1] ?? '', meta.blocks[i] ?? 0);
    const cols = JSON.parse(gunzipSync(bytes).toString('utf8')) as unknown[][];
    const label = (ids: unknown) => (ids as number[]).map((id) => meta.labels[id] ?? '?');
    return (cols[1] ?? []).map((_, k) => ({
      number: cols[0]?.[k] as number,
      contribution: cols[1]?.[k] as string,
      status: cols[2]?.[k] as number,
      credit: cols[3]?.[k] as string,
      date: cols[4]?.[k] as string,
      themes: label(cols[5]?.[k]),
      citedIn: label(cols[6]?.[k]),
      text: cols[7]?.[k] as string,
    }));
  });
}

/** The report's markup and its list's rows as text, for checks on what it shows anywhere. */
export function reportText(html: string): string {
  return `${html}\n${JSON.stringify(reportListRows(html))}`;
}
