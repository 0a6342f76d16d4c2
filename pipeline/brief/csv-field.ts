// CSV fields for the run folder's spreadsheets, guarded against formula injection.

/** A CSV field, quoted when needed; a leading = + - @ is prefixed so spreadsheets do not run it. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as CSV text: fields guarded by `csvField`, CRLF line ends, a final line end. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
