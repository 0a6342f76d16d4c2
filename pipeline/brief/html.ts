import { Marked, type Tokens } from 'marked';
import { escapeXml } from './charts.js';
import { citedSourcesHtml } from './html-sources.js';
import { SOURCES_CSV, SOURCES_CSV_GZ } from './sources-csv.js';
import { drawingToSvg, parseSvg } from './svg-shapes.js';

export interface HtmlOptions {
  /**
   * Reads a file the Markdown refers to (a chart, `sources.csv`, `sources.csv.gz` decompressed),
   * relative to the Markdown; undefined if absent or unreadable.
   */
  readAsset(path: string): string | undefined;
  /** Told when the brief links its sources file but it is missing or damaged. Default: nothing. */
  warn?: ((message: string) => void) | undefined;
}

/** The only raw HTML a brief may carry: the sources annex's anchors. */
const ANCHOR = /^<a id="([A-Za-z][\w-]*)">$/;

/**
 * `report.html`: the brief as one self-contained page to share. Headings get ids and a table
 * of contents in a side bar; citations open their source's text on hover or click; charts are
 * inlined as SVG (the drawing subset only); there is a print stylesheet; nothing is fetched
 * from anywhere. Raw HTML other than annex anchors is shown as text, links go only to anchors,
 * http(s) and mailto, and images other than local SVG charts show their description. A
 * paragraph linking to `sources.csv` (or `sources.csv.gz`) is followed by that file's complete
 * list of contributions, embedded compressed, paged and searchable (`citedSourcesHtml`).
 */
export function markdownToHtml(markdown: string, options: HtmlOptions): string {
  const toc: { depth: number; id: string; text: string }[] = [];
  // The list of every contribution's data and script, placed at the page's end.
  let tail = '';
  const ids = new Set<string>();
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth }) {
        const inner = this.parser.parseInline(tokens);
        const plain = inner.replace(/<[^>]+>/g, '');
        const id = uniqueId(slug(plain), ids);
        if (depth >= 2 && depth <= 3) toc.push({ depth, id, text: plain });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
      paragraph({ tokens }) {
        const html = `<p>${this.parser.parseInline(tokens)}</p>\n`;
        const link = tokens.find(
          (t) => t.type === 'link' && (t.href === SOURCES_CSV || t.href === SOURCES_CSV_GZ),
        );
        if (link?.type !== 'link') return html;
        const csv = options.readAsset(link.href);
        const list = csv === undefined ? null : citedSourcesHtml(csv);
        if (list === null) {
          const state =
            csv === undefined ? 'missing or unreadable' : 'damaged (it does not parse as one)';
          options.warn?.(
            `${link.href} beside the brief is ${state}: the HTML report goes without its list of every contribution`,
          );
        }
        if (list) tail = list.tail;
        return html + (list?.section ?? '');
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        const trimmed = text.trim();
        const anchor = ANCHOR.exec(trimmed);
        if (anchor) return `<a id="${anchor[1]}">`;
        if (trimmed === '</a>') return '</a>';
        return escapeXml(text);
      },
      link({ href, tokens }) {
        const inner = this.parser.parseInline(tokens);
        if (!safeHref(href)) return inner;
        const cite = href.startsWith('#source-') ? ' class="cite"' : '';
        return `<a href="${escapeXml(href)}"${cite}>${inner}</a>`;
      },
      image({ href, text }) {
        const svg =
          href.toLowerCase().endsWith('.svg') && !/^[a-z]+:/i.test(href)
            ? options.readAsset(href)
            : undefined;
        const drawing = svg === undefined ? null : parseSvg(svg);
        if (!drawing) return `<span class="missing">[${escapeXml(text)}]</span>`;
        return `<figure>${drawingToSvg(drawing)}<figcaption>${escapeXml(text)}</figcaption></figure>`;
      },
    },
  });
  const body = marked.parse(markdown, { async: false });
  const heading = /<h1[^>]*>(.*?)<\/h1>/.exec(body)?.[1]?.replace(/<[^>]+>/g, '') ?? 'Brief';
  const nav = toc
    .map((t) => `<li class="d${t.depth}"><a href="#${t.id}">${t.text}</a></li>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${heading}</title>
<style>${STYLE}</style>
</head>
<body>
<nav aria-label="Contents"><p class="nav-title">Contents</p><ul>
${nav}
</ul></nav>
<main>
${body}
</main>
<div id="popover" role="dialog" hidden></div>
<script>${SCRIPT}</script>
${tail}</body>
</html>
`;
}

function safeHref(href: string): boolean {
  return /^(#[\w-]+|https?:\/\/|mailto:)/i.test(href);
}

function slug(text: string): string {
  const s = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(s) ? s : `h-${s}`;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

const STYLE = `
:root { --ink: #1d2733; --muted: #5b6775; --accent: #0b5cad; --rule: #d9dee4; --paper: #ffffff; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 16px/1.55 "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink); background: #f4f6f8; display: flex; }
nav { position: sticky; top: 0; align-self: flex-start; width: 19rem; height: 100vh; overflow: auto; padding: 1.5rem 1rem; font-size: 14px; border-right: 1px solid var(--rule); background: #eef1f4; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav li { margin: 0.2rem 0; }
nav li.d3 { padding-left: 1rem; font-size: 13px; }
nav a { color: var(--ink); text-decoration: none; }
nav a:hover { color: var(--accent); }
.nav-title { font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); margin-top: 0; }
main { flex: 1; max-width: 54rem; margin: 0 auto; padding: 2rem 3rem 4rem; background: var(--paper); min-height: 100vh; }
h1 { font-size: 2rem; line-height: 1.25; margin-top: 0; }
h2 { border-bottom: 2px solid var(--accent); padding-bottom: 0.2rem; margin-top: 2.5rem; }
h3 { margin-top: 2rem; }
a { color: var(--accent); }
a.cite { font-size: 0.78em; vertical-align: super; text-decoration: none; }
blockquote { margin: 1rem 0; padding: 0.4rem 1rem; border-left: 4px solid var(--rule); color: #333; background: #f8f9fb; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 14px; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.6rem; text-align: left; overflow-wrap: anywhere; }
td[align=right], th[align=right] { text-align: right; }
figure { margin: 1.5rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: var(--muted); }
table.all-sources { font-size: 12px; width: 100%; }
table.all-sources td { vertical-align: top; }
table.all-sources td.num, table.all-sources td.who { white-space: nowrap; overflow-wrap: normal; }
table.all-sources td.where { width: 28%; }
table.all-sources tr.hit { background: #fff6d5; }
.muted { color: var(--muted); }
.list-tools { display: flex; gap: 0.8rem; align-items: center; margin: 0.8rem 0; }
.list-search { flex: 1; font: inherit; font-size: 14px; padding: 0.35rem 0.6rem; border: 1px solid #b7c0ca; border-radius: 4px; }
.list-status { font-size: 13px; color: var(--muted); }
.pager { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; font-size: 14px; margin: 0.8rem 0; }
.pager button { font: inherit; padding: 0.2rem 0.6rem; border: 1px solid #b7c0ca; border-radius: 4px; background: #f4f6f8; cursor: pointer; }
.pager input { width: 5rem; font: inherit; }
.missing { color: var(--muted); font-style: italic; }
#popover p { margin: 0 0 0.5rem; }
#popover { position: absolute; z-index: 10; max-width: 28rem; padding: 0.8rem 1rem; background: #fff; border: 1px solid var(--rule); border-radius: 6px; box-shadow: 0 6px 24px rgba(0,0,0,0.15); font-size: 14px; }
:target { background: #fff6d5; }
@media (max-width: 800px) { body { display: block; } nav { position: static; width: auto; max-height: none; } main { padding: 1rem; } }
@media print {
  body { background: #fff; display: block; font-size: 11pt; }
  nav, #popover, .list-tools, .pager { display: none; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  blockquote, figure, tr { break-inside: avoid; }
}
`;

/**
 * Shows a citation's source text beside it on hover or click, with links to the source in the
 * annex and to its row in the list of every contribution; Escape, a click elsewhere or
 * following a link hides it.
 */
const SCRIPT = `
(function () {
  var pop = document.getElementById('popover');
  function show(link) {
    var id = link.getAttribute('href').slice(1);
    var anchor = document.getElementById(id);
    if (!anchor) return;
    var entry = anchor.closest('p') || anchor.parentElement;
    pop.textContent = '';
    var text = document.createElement('p');
    text.textContent = entry ? entry.textContent : '';
    var go = document.createElement('a');
    go.href = '#' + id;
    go.className = 'go';
    go.textContent = 'Go to this source in the annex';
    pop.appendChild(text);
    pop.appendChild(go);
    var number = /^source-(\\d+)$/.exec(id);
    if (number && document.getElementById('all-sources')) {
      var row = document.createElement('a');
      row.href = '#all-sources-' + number[1];
      row.className = 'go';
      row.textContent = 'Show it in the list of every contribution';
      pop.appendChild(document.createElement('br'));
      pop.appendChild(row);
    }
    var box = link.getBoundingClientRect();
    pop.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + window.innerWidth - 460)) + 'px';
    pop.style.top = (window.scrollY + box.bottom + 6) + 'px';
    pop.hidden = false;
  }
  document.addEventListener('mouseover', function (e) {
    var link = e.target.closest && e.target.closest('a.cite');
    if (link) show(link);
  });
  document.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a.cite');
    if (link) { e.preventDefault(); show(link); return; }
    if (!pop.contains(e.target) || (e.target.closest && e.target.closest('a.go'))) pop.hidden = true;
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') pop.hidden = true; });
})();
`;
