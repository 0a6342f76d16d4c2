// The PDF's type sizes and colors.

/** Type sizes in points. */
export const SIZES = { body: 10.5, h1: 24, h2: 16, h3: 13, h4: 11.5, small: 8.5, table: 8.5 };
/** Links, level-2 headings and their rules. */
export const ACCENT = '#0b5cad';
/** Body text. */
export const INK = '#1d2733';
/** Secondary text: subtitle, footers, missing charts. */
export const MUTED = '#5b6775';
