/**
 * Word lists the name finder reads: first names per language (faker's locale lists, loaded only
 * when names are redacted), month and day names (from `Intl`, never names), and whether a word is
 * an ordinary English word (in wink-nlp's English lexicon: "hope", "will", "carol", "cook",
 * or in stopwords-iso's English list).
 */

import { createRequire } from 'node:module';
import model from 'wink-eng-lite-web-model';
import winkNLP, { type ItsFunction, type WinkMethods } from 'wink-nlp';

const ISO = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

/** Languages with a first-name list, and the faker locale each is read from. */
const FAKER_LOCALES: Readonly<Record<string, string>> = { en: 'en', de: 'de', fr: 'fr', es: 'es' };

/** Whether first names are known for `language` (ISO 639-1). */
export function hasFirstNames(language: string): boolean {
  return Object.hasOwn(FAKER_LOCALES, language);
}

/** The first names of one language, as written ("Sarah", "Jürgen"); empty for other languages. */
export async function loadFirstNames(language: string): Promise<ReadonlySet<string>> {
  const locale = FAKER_LOCALES[language];
  if (locale === undefined) return new Set();
  const { faker } = (await import(`@faker-js/faker/locale/${locale}`)) as {
    faker: { rawDefinitions: { person?: { first_name?: Record<string, string[]> } } };
  };
  const lists = Object.values(faker.rawDefinitions.person?.first_name ?? {});
  // Lists hold a few double names ("Ana María"); their parts are names in their own right.
  return new Set(lists.flat().flatMap((name) => name.split(/\s+/u)));
}

/** The surnames of one language ("Smith", "Walker"); empty for other languages. */
export async function loadSurnames(language: string): Promise<ReadonlySet<string>> {
  const locale = FAKER_LOCALES[language];
  if (locale === undefined) return new Set();
  const { faker } = (await import(`@faker-js/faker/locale/${locale}`)) as {
    faker: { rawDefinitions: { person?: { last_name?: Record<string, string[]> } } };
  };
  return new Set(Object.values(faker.rawDefinitions.person?.last_name ?? {}).flat());
}

const CALENDAR = new Map<string, ReadonlySet<string>>();

/**
 * Month and weekday names of `language` and English, long and short, as written at the start of
 * a sentence ("May", "June", "Mittwoch", "Janvier"): first-name lists hold some of them.
 */
export function calendarWords(language: string): ReadonlySet<string> {
  let words = CALENDAR.get(language);
  if (words === undefined) {
    const found = new Set<string>();
    for (const locale of new Set(['en', language])) {
      for (let month = 0; month < 12; month++) {
        const date = new Date(Date.UTC(2024, month, 1 + month));
        for (const form of ['long', 'short'] as const) {
          found.add(titleCase(date.toLocaleString(locale, { month: form, timeZone: 'UTC' })));
          found.add(titleCase(date.toLocaleString(locale, { weekday: form, timeZone: 'UTC' })));
        }
      }
    }
    words = new Set([...found].map((word) => word.replace(/\.$/u, '')));
    CALENDAR.set(language, words);
  }
  return words;
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

let lexicon: { nlp: WinkMethods; size: number; stopWords: ReadonlySet<string> } | undefined;
const ENGLISH_WORDS = new Map<string, boolean>();

/**
 * Whether the lower-case form of `word`, or its lemma ("paramedics"), is in wink-nlp's English
 * lexicon, or is an English stop word (the lexicon lacks "everything"). The lexicon gives each
 * known word a fixed id and numbers new ones after it, so the id of a word never seen before,
 * read once at load, is the lexicon's size.
 */
export function isEnglishWord(word: string): boolean {
  const lower = word.toLowerCase();
  let known = ENGLISH_WORDS.get(lower);
  if (known === undefined) {
    lexicon ??= loadLexicon();
    const { nlp, size, stopWords } = lexicon;
    const tokens = nlp.readDoc(lower).tokens();
    const id = tokens.out(nlp.its.uniqueId)[0] as unknown as number;
    // wink-nlp's typings declare `its.lemma` with a third parameter that `ItsFunction` lacks.
    const lemma = tokens.out(nlp.its.lemma as ItsFunction<string>)[0] ?? lower;
    known = id < size || stopWords.has(lower) || (lemma !== lower && idOf(nlp, lemma) < size);
    ENGLISH_WORDS.set(lower, known);
  }
  return known;
}

/** Whether `word` is in stopwords-iso's English list ("thanks", "dear", "hello"). */
export function isEnglishStopWord(word: string): boolean {
  lexicon ??= loadLexicon();
  return lexicon.stopWords.has(word.toLowerCase());
}

function loadLexicon(): { nlp: WinkMethods; size: number; stopWords: ReadonlySet<string> } {
  const nlp = winkNLP(model, ['pos']);
  const stopWords = new Set(ISO.en ?? []);
  return { nlp, size: idOf(nlp, 'qqxqzjvkqq'), stopWords };
}

function idOf(nlp: WinkMethods, word: string): number {
  return nlp.readDoc(word).tokens().out(nlp.its.uniqueId)[0] as unknown as number;
}
