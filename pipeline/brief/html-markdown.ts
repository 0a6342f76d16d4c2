// A Word document's HTML (as mammoth writes it) back into brief Markdown, every piece of text inert.
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { escapeInline, escapeLineStart } from './markdown-escape.js';

/** How an anchor id comes back from a Word bookmark name (see `bookmarkName`). */
export function anchorId(bookmark: string): string {
  return bookmark.replace(/_/g, '-');
}

/**
 * Markdown from the HTML mammoth makes of a .docx: headings, paragraphs, bulleted and numbered
 * lists (nested), tables (the first row as header; columns of numbers right-aligned), quotes,
 * bold and italic, links to bookmarks (`#source_3` as `#source-3`), bookmarks as the annex's
 * anchors, http(s) and mailto links, and images as Markdown images followed by their caption
 * (a `p.caption` after an image is its description). Bookmarks Word hides (`_Toc…`, `_GoBack`)
 * and links to them are dropped. All text is escaped, so nothing in it becomes Markdown or HTML.
 */
export function htmlToMarkdown(html: string): string {
  return `${blocks(parseDocument(html).children).join('\n\n')}\n`;
}

function blocks(nodes: readonly ChildNode[]): string[] {
  const out: string[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== 'tag') return;
    const tag = node.name;
    if (/^h[1-6]$/.test(tag)) {
      const text = paragraphText(node.children);
      if (text) out.push(`${'#'.repeat(Number(tag[1]))} ${text}`);
    } else if (tag === 'p') {
      if (node.attribs.class === 'caption' && isFigure(nodes[i - 1])) return;
      const caption = nextCaption(nodes, i);
      out.push(isFigure(node) ? figure(node, caption) : paragraphText(node.children));
    } else if (tag === 'ul' || tag === 'ol') {
      out.push(list(node).join('\n'));
    } else if (tag === 'table') {
      out.push(table(node));
    } else if (tag === 'blockquote') {
      const inner = blocks(node.children).join('\n\n');
      if (inner) out.push(inner.replace(/^/gm, '> ').replace(/^> $/gm, '>'));
    } else {
      for (const block of blocks(node.children)) out.push(block);
    }
  });
  return out.filter((block) => block.trim() !== '');
}

/** A paragraph holding nothing but an image. */
function isFigure(node: ChildNode | undefined): boolean {
  if (node?.type !== 'tag' || node.name !== 'p') return false;
  const content = node.children.filter((c) => !(c.type === 'text' && !c.data.trim()));
  return content.length === 1 && content[0]?.type === 'tag' && content[0].name === 'img';
}

function nextCaption(nodes: readonly ChildNode[], i: number): string | undefined {
  const next = nodes.slice(i + 1).find((n) => n.type === 'tag');
  return next?.type === 'tag' && next.name === 'p' && next.attribs.class === 'caption'
    ? textOf(next).trim()
    : undefined;
}

function figure(paragraph: Element, caption: string | undefined): string {
  const image = paragraph.children.find((c): c is Element => c.type === 'tag');
  const alt = caption ?? image?.attribs.alt ?? '';
  const src = image?.attribs.src ?? '';
  // Only the charts the reader found (`charts/…`): any other picture is named, not linked.
  return /^charts\/[\w-]+\.svg$/.test(src)
    ? `![${escapeInline(alt)}](${src})`
    : `*\\[${escapeInline(alt || 'picture')}\\]*`;
}

/** A list's lines, nested lists indented under their item. */
function list(node: Element): string[] {
  const items = node.children.filter((c): c is Element => c.type === 'tag' && c.name === 'li');
  return items.flatMap((item, n) => {
    const marker = node.name === 'ol' ? `${n + 1}. ` : '- ';
    const inline = item.children.filter((c) => !(c.type === 'tag' && /^(ul|ol)$/.test(c.name)));
    const nested = item.children.filter(
      (c): c is Element => c.type === 'tag' && /^(ul|ol)$/.test(c.name),
    );
    const pad = ' '.repeat(marker.length);
    const [first = '', ...rest] = paragraphText(inline).split('\n');
    return [
      `${marker}${first}`,
      ...rest.map((line) => `${pad}${line}`),
      ...nested.flatMap((child) => list(child).map((line) => `${pad}${line}`)),
    ];
  });
}

/** A GFM table: its first row the header, a column right-aligned when its cells are all numbers. */
function table(node: Element): string {
  const rows = descendants(node, 'tr').map((row) =>
    row.children
      .filter((c): c is Element => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))
      .map((cell) => inline(cell.children, { inCell: true }).trim()),
  );
  const [header, ...body] = rows;
  if (!header) return '';
  const numeric = header.map(
    (_, i) => body.length > 0 && body.every((row) => /^[\d.,%\s–-]+$/.test(row[i] ?? '')),
  );
  const line = (cells: string[]) => `| ${header.map((_, i) => cells[i] ?? '').join(' | ')} |`;
  return [
    line(header),
    `| ${numeric.map((right) => (right ? '---:' : '---')).join(' | ')} |`,
    ...body.map(line),
  ].join('\n');
}

function descendants(node: Element, name: string): Element[] {
  return node.children.flatMap((c) =>
    c.type !== 'tag' ? [] : c.name === name ? [c] : descendants(c, name),
  );
}

/** Inline Markdown for a block, each of its lines kept from starting a heading or list. */
function paragraphText(nodes: readonly ChildNode[]): string {
  return inline(nodes, { inCell: false })
    .replace(/(?:\\\n|\s)+$/, '')
    .trim()
    .split('\n')
    .map((line) => escapeLineStart(line.replace(/^=/, '\\=')))
    .join('\n');
}

interface InlineContext {
  /** In a table cell a line break is a space: a GFM row is one line. */
  inCell: boolean;
}

function inline(nodes: readonly ChildNode[], context: InlineContext): string {
  return nodes.map((node) => inlineNode(node, context)).join('');
}

function inlineNode(node: ChildNode, context: InlineContext): string {
  if (node.type === 'text') return escapeInline(node.data.replace(/\s+/gu, ' '));
  if (node.type !== 'tag') return '';
  const inner = () => inline(node.children, context);
  switch (node.name) {
    case 'strong':
    case 'b':
      return wrap(inner(), '**');
    case 'em':
    case 'i':
      return wrap(inner(), '*');
    case 'br':
      return context.inCell ? ' ' : '\\\n';
    case 'a':
      return link(node, inner());
    case 'img':
      return `*\\[${escapeInline(node.attribs.alt ?? 'picture')}\\]*`;
    default:
      return inner();
  }
}

/** Emphasis around text, the spaces at its ends kept outside (Markdown ignores `** a**`). */
function wrap(text: string, mark: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, before = '', core = '', after = ''] = match ?? [];
  return core ? `${before}${mark}${core}${mark}${after}` : text;
}

function link(node: Element, text: string): string {
  const { href, id } = node.attribs;
  if (href === undefined) {
    // A bookmark: the annex's anchors come back; those Word hides do not.
    const anchor = id === undefined || id.startsWith('_') ? '' : anchorId(id);
    return /^[A-Za-z][\w-]*$/.test(anchor) ? `<a id="${anchor}"></a>${text}` : text;
  }
  if (href.startsWith('#')) {
    const target = href.slice(1);
    return target.startsWith('_') || !text ? text : `[${text}](#${anchorId(target)})`;
  }
  if (/^(https?:\/\/|mailto:)/i.test(href) && text)
    return `[${text}](${href.replace(/[\s()<>\\]/g, encodeURIComponent)})`;
  return text;
}

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data;
  return node.type === 'tag' ? node.children.map(textOf).join('') : '';
}
