/**
 * How links and images read as text, the same for HTML and Markdown. A link's address is the
 * contributor's content (whether to redact it is `privacy.redact`'s call, later); an image is
 * its alt text, and its address only locates the picture, so it is listed as removed.
 */
import type { TextBuilder } from './text-builder.js';

/** An address a reader can follow: `scheme://…`, `www.…`, `mailto:…` or `tel:…`. */
const ADDRESS = /^(?:[a-z][a-z0-9+.-]{1,31}:\/\/|www\.|mailto:|tel:)[^\s<>]+$/i;
/** What differs between an address and the way link text usually shows it. */
const ADDRESS_PREFIX = /^(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|tel:)?(?:www\.)?/;

/** A link whose text has been written from `start` (a {@link TextBuilder.size}) on. */
export interface OpenLink {
  href: string;
  title: string;
  start: number;
}

/**
 * Ends a link: writes its address after its text, as `text (address)`, unless the text already
 * shows it; a link without text becomes its address. A target that is no address (`#top`,
 * `/docs`, `javascript:…`) and the title are listed as removed.
 */
export function endLink(out: TextBuilder, { href, title, start }: OpenLink): void {
  const target = href.trim();
  if (!ADDRESS.test(target)) out.drop(target);
  else {
    const text = out.textSince(start);
    if (text.trim().length === 0) out.text(target);
    else if (!showsAddress(text, target)) out.attach(` (${target})`);
  }
  out.drop(title);
}

/**
 * Writes an image as `[image: alt]`, then lists its address and title as removed. Bare alt words
 * would read, in a quoted passage, as if typed into the sentence; the brackets mark them as
 * standing for a picture, as `[link]` stands for a redacted address.
 */
export function writeImage(out: TextBuilder, alt: string, src: string, title: string): void {
  const words = alt.replace(/\s+/g, ' ').trim();
  if (words.length > 0) out.text(`[image: ${words}]`);
  out.drop(src);
  out.drop(title);
}

/** Whether link text already shows the address (`www.x.org` for `https://www.x.org/`). */
function showsAddress(text: string, href: string): boolean {
  const bare = (s: string) => s.toLowerCase().replace(ADDRESS_PREFIX, '').replace(/\/+$/, '');
  return text.toLowerCase().includes(bare(href));
}
