/**
 * The acronyms of a text's capitalised names ("UBI" for "Universal Basic Income", "EU" for
 * "European Union"), so that a contribution naming the short form names the claim's topic.
 */

/** Runs of two to five capitalised words: the names an acronym can stand for. */
const NAME = /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,4}(?![\p{L}\p{N}])/gu;

/**
 * Each acronym of a capitalised name in `text`, to the name. A name opening the text loses its
 * first word, which is capitalised as the opening ("Should European Union ..." gives "EU").
 */
export function acronymsOf(text: string): ReadonlyMap<string, string> {
  const acronyms = new Map<string, string>();
  for (const match of text.trim().matchAll(NAME)) {
    const words = match[0].split(/\s+/u);
    if (match.index === 0) words.shift();
    if (words.length < 2) continue;
    acronyms.set(words.map((w) => w[0]).join(''), words.join(' '));
  }
  return acronyms;
}

/** The text with each acronym written out as its name: "A UBI would ..." to "A Universal Basic Income would ...". */
export function withNames(text: string, acronyms: ReadonlyMap<string, string>): string {
  let named = text;
  for (const [acronym, name] of acronyms) {
    named = named.replace(
      new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, 'gu'),
      name,
    );
  }
  return named;
}
