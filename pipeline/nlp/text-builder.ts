/** Content dropped while turning markup into text, with its offset in the text built so far. */
export interface DroppedMarkup {
  text: string;
  at: number;
}

/**
 * Accumulates text from markup events. Breaks are held back and written only before the next
 * text, so empty elements and trailing blocks leave no stray blank lines; quoted blocks get a
 * `> ` prefix per line so boilerplate treats them like quoted e-mail.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private pendingBreaks = 0;
  private atLineStart = true;
  /** Nesting depth of quotations (blockquote). */
  quoteDepth = 0;
  readonly dropped: DroppedMarkup[] = [];

  /** Appends text; newlines inside it (preformatted text) keep the quote prefix. */
  text(value: string): void {
    if (value.length === 0) return;
    if (this.pendingBreaks > 0 && this.length > 0) this.write('\n'.repeat(this.pendingBreaks));
    this.pendingBreaks = 0;
    const lines = this.quoteDepth > 0 ? value.split('\n') : [value];
    lines.forEach((line, i) => {
      if (i > 0) this.write('\n');
      if (this.atLineStart && this.quoteDepth > 0) this.write('> '.repeat(this.quoteDepth));
      this.write(line);
    });
  }

  /** Requests a line break (1) or paragraph break (2) before the next text. */
  break(newlines: 1 | 2): void {
    this.pendingBreaks = Math.max(this.pendingBreaks, newlines);
  }

  /** A hard line break (`<br>`): consecutive ones stack up to a paragraph break. */
  lineBreak(): void {
    this.pendingBreaks = Math.min(2, this.pendingBreaks + 1);
  }

  /**
   * Appends text to what was written last, before any pending break: a link's address belongs
   * after its text even when the link ended a paragraph.
   */
  attach(value: string): void {
    if (this.length === 0 || this.atLineStart) this.text(value);
    else this.write(value);
  }

  /** Records content that was dropped here (a script body, an image's address). */
  drop(body: string): void {
    const text = body.trim();
    if (text.length > 0) this.dropped.push({ text, at: this.length });
  }

  /** The length of the text built so far, to pass to {@link TextBuilder.textSince} later. */
  get size(): number {
    return this.length;
  }

  /** The text written since the builder had `size` characters. */
  textSince(size: number): string {
    const tail: string[] = [];
    let length = this.length;
    // Walks back over the last parts only: a link's text, not the whole contribution.
    for (let i = this.parts.length - 1; i >= 0 && length > size; i--) {
      const part = this.parts[i] as string;
      tail.push(part);
      length -= part.length;
    }
    return tail
      .reverse()
      .join('')
      .slice(size - length);
  }

  /** The text built so far. */
  toString(): string {
    return this.parts.join('');
  }

  private write(s: string): void {
    if (s.length === 0) return;
    this.parts.push(s);
    this.length += s.length;
    this.atLineStart = s.endsWith('\n');
  }
}
