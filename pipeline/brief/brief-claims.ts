// Reads a rendered brief back for the numbers it shows per claim, to check that one claim has one count everywhere.
import { sentenceKey } from '../synthesis/findings/support.js';

/** One number the brief shows for a claim: a theme, a question, a statement or the whole. */
export interface ClaimCount {
  /** "theme:Traffic flow", "theme:Traffic flow › Parking", "question:2", "statement:<text>", "all". */
  claim: string;
  /** What is counted: "contributions", "participants", "people", "passages", "voters", "share". */
  unit: string;
  value: number;
  /** The section and line it was read from, for the report. */
  where: string;
}

/** A claim shown with different numbers of the same unit. */
export interface ClaimConflict {
  claim: string;
  unit: string;
  shown: { value: number; where: string }[];
}

const UNIT =
  /(\d[\d,]*)\s+(contributions?|participants?|passages?|voters?|people|person|answers?)\b/g;
const SHARE = /(\d+)% of all\b/g;
const CITATION = /\s*\[\\\[\d+\\\]\]\(#source-\d+\)|\s*\(\+\d[\d,]* more(?: contributions?)?\)/g;

/** The counts with units (and "N% of all" shares) in a piece of text, in order. */
export function countsIn(text: string): { unit: string; value: number }[] {
  const counts = [...text.matchAll(UNIT)].map((m) => ({
    index: m.index,
    unit: singularUnit(m[2] as string),
    value: Number((m[1] as string).replaceAll(',', '')),
  }));
  const shares = [...text.matchAll(SHARE)].map((m) => ({
    index: m.index,
    unit: 'share',
    value: Number(m[1]),
  }));
  return [...counts, ...shares]
    .sort((a, b) => a.index - b.index)
    .map(({ unit, value }) => ({ unit, value }));
}

function singularUnit(word: string): string {
  if (word === 'person' || word === 'people') return 'people';
  return word.endsWith('s') ? word : `${word}s`;
}

/** Markdown text as read: escapes and citations removed, spacing collapsed. */
function plain(text: string): string {
  return text.replace(CITATION, '').replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim();
}

/**
 * Every number the brief shows for a claim: a theme's counts in its header, the theme table
 * and the sub-theme lines, and after its name in a key message ("X drew 93 participants"); a
 * question's in its header, its nothing-to-change line and the participation paragraph; a statement's in the
 * parenthesis after it (a list item's, or a quote's in a key message); the whole's on the
 * title block and in the participation paragraph.
 */
export function collectClaims(markdown: string): ClaimCount[] {
  const lines = markdown.split('\n');
  const reader = new ClaimReader(themeLabels(lines));
  for (const line of lines) reader.read(line);
  return reader.claims;
}

/** Reads a brief line by line, keeping track of the section and the theme table's columns. */
class ClaimReader {
  readonly claims: ClaimCount[] = [];
  private h2 = '';
  private h3 = '';
  private h4 = '';
  private afterHeading = false;
  private columns: string[] = [];
  private parent = '';

  constructor(private readonly themes: readonly string[]) {}

  read(raw: string): void {
    if (raw.startsWith('## ')) [this.h2, this.h3, this.h4] = [plain(raw.slice(3)), '', ''];
    if (raw.startsWith('### ')) [this.h3, this.h4] = [plain(raw.slice(4)), ''];
    if (raw.startsWith('#### ')) this.h4 = plain(raw.slice(5));
    if (/^###?# /.test(raw)) this.afterHeading = true;
    if (raw.startsWith('|') && raw.includes('---')) return;
    const line = plain(raw);
    const where = `${this.h2}${this.h3 ? ` › ${this.h3}` : ''}: ${line.slice(0, 80)}`;
    const add: Add = (claim, text) => {
      for (const c of countsIn(text)) this.claims.push({ claim, ...c, where });
    };
    if (this.afterHeading && /^\*.*\*$/.test(line)) {
      this.afterHeading = false;
      headerCounts(this.h2, this.h3, line, add);
    } else if (line.startsWith('Scope:') || line.startsWith('**Participation.**')) {
      wholeCounts(line, add);
    } else if (this.h3 === 'Theme table' && line.startsWith('|')) {
      this.tableRow(line, add);
    } else if (line.startsWith('**Nothing to change.**')) {
      const question = /^Question (\d+):/.exec(this.h3);
      const above = /(\d[\d,]*) contributions? counted above/.exec(line);
      if (question && above) add(`question:${question[1]}`, above[0]);
    } else if (line.startsWith('**Sub-themes:**')) {
      subThemeCounts(this.h3, line, add);
    } else if (/^(- |\d+\. )/.test(line)) {
      itemCounts(line, this.h4 || this.h3 || this.h2, this.themes, add);
    }
  }

  /** A theme table row's counts, by the columns of the table's header row. */
  private tableRow(line: string, add: Add): void {
    const cells = line
      .split(/(?<!\\)\|/)
      .slice(1, -1)
      .map((c) => c.trim());
    const [label = '', ...values] = cells;
    if (label === 'Theme') {
      this.columns = cells;
      return;
    }
    const sub = label.startsWith('↳ ');
    if (!sub) this.parent = label;
    const claim = sub ? `theme:${this.parent} › ${label.slice(2)}` : `theme:${label}`;
    values.forEach((value, i) => {
      const unit = COLUMN_UNITS[this.columns[i + 1] ?? ''];
      if (unit)
        add(claim, unit === 'share' ? `${value.replace('%', '')}% of all` : `${value} ${unit}`);
    });
  }
}

type Add = (claim: string, text: string) => void;

/** The labels of the themes with a section of their own. */
function themeLabels(lines: readonly string[]): string[] {
  let inThemes = false;
  const labels: string[] = [];
  for (const line of lines) {
    if (line.startsWith('## ')) inThemes = line.startsWith('## Thematic findings');
    else if (inThemes && line.startsWith('### ')) labels.push(plain(line.slice(4)));
  }
  return labels.sort((a, b) => b.length - a.length);
}

/** A theme's or a question's italic header line under its heading. */
function headerCounts(h2: string, h3: string, line: string, add: Add): void {
  if (h2 === 'Thematic findings') add(`theme:${h3}`, line.split(';')[0] ?? '');
  const question = /^Question (\d+):/.exec(h3);
  if (question) add(`question:${question[1]}`, line.split('. ')[0] ?? '');
}

/** The title block's scope and the participation paragraph: the whole, and each question. */
function wholeCounts(line: string, add: Add): void {
  const [first = '', ...rest] = line.split('. ');
  add('all', first);
  const byQuestion = rest.find((s) => s.startsWith('By guiding question'));
  if (!byQuestion) return;
  for (const m of byQuestion.matchAll(/(\d[\d,]*)(?: answer)? question (\d+)/g)) {
    add(`question:${m[2]}`, `${m[1]} contributions`);
  }
  const none = /(\d[\d,]*) name none/.exec(byQuestion);
  if (none) add('question:none', `${none[1]} contributions`);
}

const COLUMN_UNITS: Readonly<Record<string, string>> = {
  Passages: 'passages',
  Contributions: 'contributions',
  Participants: 'participants',
  'People (at most)': 'people',
  Share: 'share',
  'Share of contributions': 'share',
};

/** "**Sub-themes:** A (48 contributions), B (31), C (25); ...": each count is of contributions. */
function subThemeCounts(theme: string, line: string, add: Add): void {
  for (const m of line.matchAll(
    /(?:\*\*Sub-themes:\*\*|,) ([^,(;]+?) \((\d[\d,]*)(?: contributions?)?\)/g,
  )) {
    add(`theme:${theme} › ${m[1]}`, `${m[2]} contributions`);
  }
}

/**
 * A list item's counts: those in the parenthesis right after a quote belong to the quote;
 * those after a theme's name in the same clause to the theme; those in the item's closing
 * parenthesis to what it is about: a topic illustrated by a quote ("Parking, for example:
 * “…”", "Traffic flow: “…”"), within the section; else its statement (its quote, or its text).
 */
function itemCounts(line: string, scope: string, themes: readonly string[], add: Add): void {
  const text = line.replace(/^(- |\d+\. )/, '');
  for (const m of text.matchAll(/“([^”]+)” \(([^)]*)\)/g))
    add(statementKey(m[1] as string), m[2] as string);
  for (const label of themes) {
    const at = text.indexOf(`${label} drew `);
    if (at >= 0) add(`theme:${label}`, text.slice(at + label.length).split(/[;“]/)[0] ?? '');
  }
  const closing = /\*\(([^)]*)\)\*$/.exec(text);
  if (!closing) return;
  const topic = /^([^“]+?)(?:, for example)?: “/.exec(text);
  if (topic) add(`${scope} › ${topic[1]}`, closing[1] as string);
  else {
    // The statement is what comes before the parenthesis: quotes inside it name other things.
    const before = text.slice(0, closing.index);
    const quote = /“([^”]+)”/.exec(before);
    add(statementKey(quote ? (quote[1] as string) : before), closing[1] as string);
  }
}

function statementKey(text: string): string {
  return `statement:${sentenceKey(text)}`;
}

/** The claims shown with two or more different numbers of the same unit. */
export function conflictingClaims(claims: readonly ClaimCount[]): ClaimConflict[] {
  const byKey = new Map<string, ClaimCount[]>();
  for (const c of claims) {
    const key = `${c.claim}\u0000${c.unit}`;
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  return [...byKey.values()]
    .filter((shown) => new Set(shown.map((c) => c.value)).size > 1)
    .map((shown) => ({
      claim: (shown[0] as ClaimCount).claim,
      unit: (shown[0] as ClaimCount).unit,
      shown: shown.map(({ value, where }) => ({ value, where })),
    }));
}
