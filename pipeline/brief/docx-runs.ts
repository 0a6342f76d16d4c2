// Markdown inline tokens as Word runs: styled text, citations as internal links, anchors as bookmarks.
import { Bookmark, ExternalHyperlink, InternalHyperlink, type ParagraphChild, TextRun } from 'docx';
import type { Token } from 'marked';
import { MONO_FONT } from './docx-style.js';
import { collectRuns, PLAIN, type Run } from './pdf-runs.js';

/** The only raw HTML a brief carries: the sources annex's anchors, `<a id="source-3">`. */
const ANCHOR = /^<a id="([A-Za-z][\w-]*)">$/;

/**
 * A Markdown anchor id as a Word bookmark name: Word allows letters, digits and underscores
 * (no hyphens), and hides names that start with one. The reader turns `_` back into `-`.
 */
export function bookmarkName(id: string): string {
  return id.replace(/-/g, '_').slice(0, 40);
}

/**
 * Inline tokens as Word paragraph children, flattened by the same rules as the PDF's runs:
 * `#id` links become internal links to the bookmark `bookmarkName(id)`, http(s) and mailto links
 * external ones (contributor text never makes a link token: brief.md escapes it), and anchors
 * become bookmarks where they stand. Text is only ever text: the library escapes it as XML, and
 * nothing here writes a field.
 */
export function docxRuns(tokens: readonly Token[]): ParagraphChild[] {
  const runs: Run[] = [];
  const anchors: { at: number; id: string }[] = [];
  collectRuns(tokens, PLAIN, runs, (html) => {
    const id = ANCHOR.exec(html.trim())?.[1];
    if (id !== undefined) anchors.push({ at: runs.length, id });
  });
  const children: ParagraphChild[] = [];
  // Runs that go to the same place, neighbours in the same style joined into one.
  let group: Run[] = [];
  const flush = () => {
    const [first] = group;
    const text = group.map(textRun);
    if (first?.goTo !== undefined)
      children.push(new InternalHyperlink({ anchor: bookmarkName(first.goTo), children: text }));
    else if (first?.link !== undefined)
      children.push(new ExternalHyperlink({ link: first.link, children: text }));
    else for (const run of text) children.push(run);
    group = [];
  };
  const placeAnchors = (at: number) => {
    while (anchors[0] && anchors[0].at <= at) {
      flush();
      const { id } = anchors.shift() as { id: string };
      children.push(new Bookmark({ id: bookmarkName(id), children: [] }));
    }
  };
  runs.forEach((run, i) => {
    placeAnchors(i);
    const last = group.at(-1);
    if (last && !sameTarget(last, run)) flush();
    if (last && group.length > 0 && sameStyle(last, run))
      group[group.length - 1] = { ...last, text: last.text + run.text };
    else group.push(run);
  });
  placeAnchors(runs.length);
  flush();
  return children;
}

function sameStyle(a: Run, b: Run): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.code === b.code &&
    a.text !== '\n' &&
    b.text !== '\n'
  );
}

function sameTarget(a: Run, b: Run): boolean {
  return a.goTo === b.goTo && a.link === b.link;
}

function textRun(run: Run): TextRun {
  if (run.text === '\n') return new TextRun({ break: 1 });
  const linked = run.goTo !== undefined || run.link !== undefined;
  // Only what differs from the paragraph's style, which sets the rest (a title's bold).
  return new TextRun({
    text: run.text,
    ...(run.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.code ? { font: MONO_FONT } : {}),
    ...(linked ? { style: 'Hyperlink' } : {}),
  });
}
