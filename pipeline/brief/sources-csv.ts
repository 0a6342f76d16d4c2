// sources.csv: every contribution the findings cite (and those they do not), with where and how.
import { gzipSync } from 'node:zlib';
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Finding, Findings, Quote } from '../../schemas/findings.js';
import type { Attachment } from '../artifacts.js';
import { csvText } from './csv-field.js';
import type { SourceIndex } from './sources.js';

/** The file's name in the run folder, and the link to it from `brief.md`. */
export const SOURCES_CSV = 'sources.csv';

/** Its gzip-compressed form's name, written instead when large (`brief.sourcesGzipAbove`). */
export const SOURCES_CSV_GZ = `${SOURCES_CSV}.gz`;

/**
 * The sources file as the run folder holds it: `sources.csv`, or `sources.csv.gz` when the
 * CSV is over `gzipAbove` bytes (`brief.sourcesGzipAbove`, default 50 MB, about 300,000
 * contributions). Below that the file opens in a spreadsheet with a double-click, as most
 * consultations need; above it the file is past what a spreadsheet opens comfortably anyway,
 * and gzip makes it 5 to 6 times smaller to keep and share. Either name replaces the other,
 * so a run folder never keeps a stale copy beside the current one.
 */
export function sourcesFile(csv: string, gzipAbove: number): Attachment {
  if (Buffer.byteLength(csv) <= gzipAbove)
    return { file: SOURCES_CSV, content: csv, replaces: SOURCES_CSV_GZ };
  return { file: SOURCES_CSV_GZ, content: gzipSync(csv), replaces: SOURCES_CSV };
}

/** The columns of `sources.csv`, in order. */
export const SOURCES_COLUMNS = [
  'number',
  'contribution',
  'status',
  'credit',
  'date',
  'themes',
  'cited_in',
  'text',
] as const;

/** How the brief uses a contribution: a numbered source, cited only in findings.json, or neither. */
export type SourceStatus = 'shown' | 'cited' | 'not cited';

/** Where a contribution is cited: the themes, and the sections ("Traffic flow: proposals"). */
interface Citing {
  themes: Set<string>;
  places: Set<string>;
}

/**
 * `sources.csv`: one row per contribution the findings cite, numbered sources first (by number,
 * status `shown`), then those only behind a "+N more" or in lists the brief cuts (`cited`),
 * then the contributions no finding cites (`not cited`, with the themes they are in). Each row
 * has the contribution's credit, date, the themes and sections citing it (`; `-separated) and
 * its clean text. Fields are guarded against spreadsheet formulas.
 */
export function sourcesCsv(
  findings: Findings,
  records: readonly CleanRecord[],
  sources: SourceIndex,
): string {
  const cited = citingOf(findings, sources);
  const uncited = uncitedOf(findings, sources, cited);
  const textOf = new Map(records.map((r) => [r.id, r.text]));
  const row = (id: string, citing: Citing, status: SourceStatus): string[] => [
    String(sources.numberOf(id) ?? ''),
    id,
    status,
    sources.credit(id),
    sources.dateOf(id) ?? '',
    [...citing.themes].join('; '),
    [...citing.places].join('; '),
    textOf.get(id) ?? '',
  ];
  const shown = sources.all().map((s) => s.contributionId);
  const isShown = new Set(shown);
  const rows: string[][] = [[...SOURCES_COLUMNS]];
  for (const id of shown) rows.push(row(id, cited.get(id) ?? citingNone(), 'shown'));
  for (const [id, citing] of cited) if (!isShown.has(id)) rows.push(row(id, citing, 'cited'));
  for (const [id, citing] of uncited) rows.push(row(id, citing, 'not cited'));
  return csvText(rows);
}

/** The contributions the findings cite, in order of first citation, with where they are cited. */
function citingOf(findings: Findings, sources: SourceIndex): Map<string, Citing> {
  const cited = new Map<string, Citing>();
  const note = (passageIds: readonly string[], place: string, theme?: string) => {
    for (const passageId of passageIds) {
      const id = sources.contributionOfPassage(passageId);
      if (id === undefined) continue;
      let citing = cited.get(id);
      if (!citing) {
        citing = citingNone();
        cited.set(id, citing);
      }
      citing.places.add(place);
      if (theme !== undefined) citing.themes.add(theme);
    }
  };
  const noteAll = (items: readonly Finding[], place: string, theme?: string) => {
    for (const item of items) note(item.citations, place, theme);
  };
  const noteQuotes = (quotes: readonly Quote[], place: string, theme?: string) =>
    note(
      quotes.map((q) => q.passageId),
      place,
      theme,
    );
  noteAll(findings.executiveSummary, 'Key messages');
  noteAll(findings.whoTookPart ?? [], 'Who took part');
  noteAll(findings.priorities ?? [], 'What this means for programming');
  for (const theme of findings.themes) {
    const at = (section: string) => `${theme.label}: ${section}`;
    noteAll(theme.summary, at('summary'), theme.label);
    noteAll(theme.keyPoints, at('key points'), theme.label);
    noteAll(theme.proposals, at('proposals'), theme.label);
    noteAll(theme.concerns, at('concerns'), theme.label);
    noteAll(theme.opportunities, at('opportunities'), theme.label);
    noteQuotes(theme.quotes, at('quotes'), theme.label);
    noteAll(theme.minorityViews, at('minority views'), theme.label);
    noteAll(theme.consensus, at('broad agreement'), theme.label);
    noteAll(theme.divisive, at('divided opinion'), theme.label);
  }
  findings.questions.forEach((q, i) => {
    noteAll(q.keyPoints, `Question ${i + 1}: main points`);
    noteAll(q.proposals, `Question ${i + 1}: proposals`);
  });
  noteAll(findings.crossCutting, 'Cross-cutting issues');
  for (const week of findings.weeks) {
    noteAll(week.keyPoints, `${week.label}: key points`);
    noteQuotes(week.highlights, `${week.label}: highlights`);
  }
  return cited;
}

/** The contributions of uncited passages that no finding cites at all, with their themes. */
function uncitedOf(
  findings: Findings,
  sources: SourceIndex,
  cited: ReadonlyMap<string, Citing>,
): Map<string, Citing> {
  const label = new Map(findings.themes.map((t) => [t.themeId, t.label]));
  const uncited = new Map<string, Citing>();
  for (const [themeId, passageIds] of Object.entries(findings.grounding.uncited)) {
    for (const passageId of passageIds) {
      const id = sources.contributionOfPassage(passageId);
      if (id === undefined || cited.has(id)) continue;
      let citing = uncited.get(id);
      if (!citing) {
        citing = citingNone();
        uncited.set(id, citing);
      }
      citing.themes.add(label.get(themeId) ?? 'Other ideas');
    }
  }
  return uncited;
}

function citingNone(): Citing {
  return { themes: new Set(), places: new Set() };
}
