// Finds contributors' sentences the body of a brief shows more than twice (key messages to the end of the findings).
import { sentenceKey } from '../synthesis/findings/support.js';

/** A sentence shown more than allowed, and the sections it is shown in. */
export interface RepeatedSentence {
  sentence: string;
  times: number;
  sections: string[];
}

/** Where the body ends: the annexes that list rather than find (tables, sources, accounting). */
const BODY_END = /^### (Theme table|Sources|All cited contributions|Run details|Data accounting)\b/;

/** Shortest sentence checked, in words: "Thank you." may well recur. */
const MIN_WORDS = 4;

/**
 * The sentences quoted or stated more than `max` times (default 2) in the body: from the key
 * messages to the end of the findings (weekly digests included). What is compared is the text
 * within “ ” and each list item's statement, sentence by sentence, ignoring case and closing marks.
 */
export function repeatedSentences(markdown: string, max = 2): RepeatedSentence[] {
  const seen = new Map<string, { sentence: string; sections: string[] }>();
  let section = '';
  let inBody = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## Key messages')) inBody = true;
    if (BODY_END.test(line)) inBody = false;
    if (/^#{2,4} /.test(line)) section = line.replace(/^#+ /, '');
    if (!inBody) continue;
    for (const sentence of statedIn(line)) {
      const key = sentenceKey(sentence);
      const entry = seen.get(key) ?? { sentence, sections: [] };
      entry.sections.push(section);
      seen.set(key, entry);
    }
  }
  return [...seen.values()]
    .filter((e) => e.sections.length > max)
    .map(({ sentence, sections }) => ({ sentence, times: sections.length, sections }));
}

/** The sentences of a line's quotes, or of a list item's statement when it quotes nothing. */
function statedIn(line: string): string[] {
  const text = line
    .replace(
      /\s*\[\\\[\d+\\\]\]\(#source-\d+\)|\s*\(\+\d[\d,]* more(?: contributions?)?\)|\s*\*\([^)]*\)\*/g,
      '',
    )
    .replace(/\\(.)/g, '$1');
  const quotes = [...text.matchAll(/“([^”]+)”/g)].map((m) => m[1] as string);
  const item = /^(?:- |\d+\. )(?:[A-Z][a-z ]+: )?(.+)$/.exec(text);
  const stated = quotes.length > 0 ? quotes : item ? [item[1] as string] : [];
  return stated.flatMap(countedSentences);
}

/** The sentences of a statement that are long enough to be counted (four words or more). */
export function countedSentences(statement: string): string[] {
  return statement
    .split(/(?<=[.!?…])\s+(?=\S)/u)
    .filter((s) => s.trim().split(/\s+/).length >= MIN_WORDS);
}
