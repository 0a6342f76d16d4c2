/**
 * Personal names in a text, found by cues rather than by guessing at every capital: a title
 * ("Dr Patel", "Frau Meier"), an introduction ("My name is ..."), a role ("CPN Jo", "Sam my
 * support worker"), a known first name with a surname, and in English a known first name that is
 * not an ordinary word ("Rebecca was ...", "satisfied with Michael"). Places and organisations
 * that start with a first name ("Warren County", "James Cook Hospital", "Karl Straße") are not
 * names, nor are month and day names, acronyms, or German nouns (which are not first names).
 */
import { quickEnglish } from './language.js';
import {
  ENGLISH_NAME_VERBS,
  ENGLISH_PLACE_PREPOSITIONS,
  ENGLISH_PRAISE,
  ENGLISH_ROLES,
  NAME_CUES,
  type NameCues,
} from './name-cues.js';
import {
  calendarWords,
  hasFirstNames,
  isEnglishWord,
  loadFirstNames,
  loadSurnames,
} from './name-lists.js';
import { placesOf } from './name-places.js';
import { NAME_SHAPE, SPACE, type Token, tokenise } from './name-tokens.js';
import type { Span } from './sentences.js';

/** Finds the names in a text written in (or declared as) `language`; spans in order. */
export type NameFinder = (text: string, language: string) => Span[];

/** What the rules of one text know. */
interface Context {
  tokens: readonly Token[];
  text: string;
  cues: NameCues;
  firstNames: ReadonlySet<string>;
  /** English surnames ("Smith", "Walker"): a capitalised word after a first name may be one. */
  surnames: ReadonlySet<string>;
  calendar: ReadonlySet<string>;
  /** Words the consultation uses as places' names (see `placesOf`). */
  places: ReadonlySet<string>;
  english: boolean;
}

/** What may stand between a title and the name: "Dr. Smith", "Dr Smith". */
const TITLE_GAP = /^\.?[ \t]+$/u;
/** "<Name>, my support worker": a possessive and up to three words after a name. */
const APPOSITION =
  /^,?[ \t]+(?:my|our|the|his|her|their)[ \t]+((?:[\p{L}-]+[ \t]+){0,2}[\p{L}-]+)/iu;

/**
 * A name finder with the first-name lists of `languages` (and English) loaded. A text's language
 * is English when it plainly is (`quickEnglish`), else the given one; languages without cues
 * or a first-name list get no names found. `corpus` teaches it the places the texts name.
 */
export async function createNameFinder(
  languages: Iterable<string>,
  corpus: readonly string[] = [],
): Promise<NameFinder> {
  const lists = await firstNameLists(languages);
  return nameFinderOf(lists, placesOf(corpus, lists));
}

/**
 * The same finder as `createNameFinder` of a corpus whose places are given (`placesSeen` of
 * the corpus's sightings with the same lists), as a worker thread rebuilds it.
 */
export async function createNameFinderWithPlaces(
  languages: Iterable<string>,
  places: Iterable<string>,
): Promise<NameFinder> {
  return nameFinderOf(await firstNameLists(languages), new Set(places));
}

/** The first-name lists of `languages` and English, by language. */
export async function firstNameLists(
  languages: Iterable<string>,
): Promise<Map<string, ReadonlySet<string>>> {
  const lists = new Map<string, ReadonlySet<string>>();
  for (const language of new Set(['en', ...languages])) {
    if (hasFirstNames(language)) lists.set(language, await loadFirstNames(language));
  }
  return lists;
}

async function nameFinderOf(
  lists: ReadonlyMap<string, ReadonlySet<string>>,
  places: ReadonlySet<string>,
): Promise<NameFinder> {
  const surnames = await loadSurnames('en');
  return (text, given) => {
    const language = quickEnglish(text) ?? given;
    const firstNames = lists.get(language);
    const cues = NAME_CUES[language];
    if (firstNames === undefined || cues === undefined) return [];
    const tokens = tokenise(text);
    const calendar = calendarWords(language);
    const english = language === 'en';
    const context = { tokens, text, cues, firstNames, surnames, calendar, places, english };
    return findNames(context);
  };
}

/** The name spans of a text: each run of name words is one span. */
function findNames(context: Context): Span[] {
  const { tokens } = context;
  const named = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; i++) {
    if (named[i]) continue;
    const count = nameAt(context, i);
    for (let k = 0; k < count; k++) named[i + k] = true;
  }
  const spans: Span[] = [];
  tokens.forEach((token, i) => {
    if (!named[i]) return;
    const previous = spans[spans.length - 1];
    if (previous !== undefined && named[i - 1] && SPACE.test(token.gap)) previous.end = token.end;
    else spans.push({ start: token.start, end: token.end });
  });
  return spans;
}

/** How many words from `i` on are a name (0: none starts there). */
function nameAt(context: Context, i: number): number {
  const { tokens, cues } = context;
  const token = tokens[i] as Token;
  if (!isNameShaped(context, token)) return 0;
  const before = tokens[i - 1];
  const lead = context.text.slice(Math.max(0, token.start - 40), token.start);
  if (isTitle(context, before, token)) return nameRun(context, i, 2);
  if (cues.introductions.test(lead)) return nameRun(context, i, 3);
  if (context.places.has(token.bare)) return 0;
  if (isSignature(context, i)) return nameRun(context, i, 3);
  if (context.english && isRole(before) && SPACE.test(token.gap)) {
    const known = context.firstNames.has(token.bare) || !isEnglishWord(token.bare);
    return known ? nameRun(context, i, 2) : 0;
  }
  if (!context.firstNames.has(token.bare)) return context.english ? praisedAt(context, i) : 0;
  if (isPartOfPlace(context, i)) return 0;
  const surname = tokens[i + 1];
  if (surname !== undefined && SPACE.test(surname.gap) && isSurname(context, i + 1)) return 2;
  if (cues.weakIntroductions.test(lead)) return 1;
  return context.english ? englishNameAt(context, i) : otherNameAt(context, i);
}

/**
 * A title before the word: "Dr Patel", "Frau Meier". After a title with a full stop, an English
 * word that is not a first name starts a sentence instead ("... a dr. However ...").
 */
function isTitle(context: Context, before: Token | undefined, token: Token): boolean {
  if (before === undefined || !context.cues.titles.has(before.text.toLowerCase())) return false;
  if (!TITLE_GAP.test(token.gap)) return false;
  if (!context.english || !token.gap.startsWith('.')) return true;
  return context.firstNames.has(token.bare) || !isEnglishWord(token.bare);
}

/**
 * English: a word that is neither a known first name nor an ordinary word, praised as a person is
 * ("Tian was very kind"), and not a place of the consultation's.
 */
function praisedAt(context: Context, i: number): number {
  const token = context.tokens[i] as Token;
  if (isEnglishWord(token.bare) || isPartOfPlace(context, i)) return 0;
  return ENGLISH_PRAISE.test(context.text.slice(token.end, token.end + 120)) ? 1 : 0;
}

/**
 * A name signing the text: after a sign-off ("Mit freundlichen Grüßen Peter Specht", "Thanks,
 * Sarah"; a known first name, or in English a word that is not ordinary), or a known first name alone
 * at the end of the text after a full stop ("... vorhanden. Thomas"; in English not an ordinary
 * word: "... all good. Hope").
 */
function isSignature(context: Context, i: number): boolean {
  const token = context.tokens[i] as Token;
  const known = context.firstNames.has(token.bare);
  // German nouns are capitalised: there only a known first name signs ("Danke Stadt Moers").
  if (context.english ? isEnglishWord(token.bare) && !known : !known) return false;
  const lead = context.text.slice(Math.max(0, token.start - 40), token.start);
  if (context.cues.signOffs.test(lead)) return true;
  const last = token.initial && i === context.tokens.length - 1;
  return (
    last && context.firstNames.has(token.bare) && !(context.english && isEnglishWord(token.bare))
  );
}

/** Up to `max` name-shaped words from `i`, joined by spaces only. */
function nameRun(context: Context, i: number, max: number): number {
  let count = 1;
  while (count < max) {
    const next = context.tokens[i + count];
    if (next === undefined || !SPACE.test(next.gap) || !isNameShaped(context, next)) break;
    if (context.cues.places.has(next.bare.toLowerCase())) break;
    count++;
  }
  return count;
}

/** Capitalised as a name is, and not a month or day name. */
function isNameShaped(context: Context, token: Token): boolean {
  return NAME_SHAPE.test(token.bare) && !context.calendar.has(token.bare);
}

/**
 * A first name that starts or ends a place's or an organisation's name: after a capitalised word
 * mid-sentence ("Royal Victoria"), after a place word ("rue Victor"), before a place noun ("Arnold
 * Lodge", "Heather close") or a number ("Rowan 1"), or two words before one ("James Cook
 * Hospital").
 */
function isPartOfPlace(context: Context, i: number): boolean {
  const { tokens, cues } = context;
  const token = tokens[i] as Token;
  const before = tokens[i - 1];
  if (before !== undefined && !token.initial) {
    const word = before.text.toLowerCase();
    if (cues.placeBefore.has(word)) return true;
    // German capitalises every noun: a capital before says nothing there.
    const cue =
      cues.titles.has(word) || (context.english && isRole(before)) || cues === NAME_CUES.de;
    if (/^\p{Lu}/u.test(before.text) && !before.initial && !cue) return true;
  }
  const next = tokens[i + 1];
  if (next !== undefined && /^\p{N}/u.test(next.text) && SPACE.test(next.gap)) return true;
  // The capitalised words that follow, and the word after them: "Paul Walker Golf Course".
  for (let j = i + 1; j < tokens.length && j <= i + 4; j++) {
    const t = tokens[j] as Token;
    if (!/^[ \t-]+$/u.test(t.gap)) return false;
    if (cues.places.has(t.bare.toLowerCase())) return true;
    if (!NAME_SHAPE.test(t.bare)) return false;
  }
  return false;
}

/** A hyphenated place's name: "Ackermann-Str", "Adenauer-Ring". */
function isPlaceCompound(context: Context, token: Token): boolean {
  return token.bare
    .toLowerCase()
    .split('-')
    .slice(1)
    .some((part) => context.cues.places.has(part));
}

/** A word naming a person's job ("nurse", "CPN", "worker"). */
function isRole(token: Token | undefined): boolean {
  return token !== undefined && ENGLISH_ROLES.has(token.text.toLowerCase());
}

/** A capitalised word after a first name that is its surname, not the start of a place. */
function isSurname(context: Context, i: number): boolean {
  const token = context.tokens[i] as Token;
  if (!isNameShaped(context, token) || context.cues.places.has(token.bare.toLowerCase()))
    return false;
  if (context.places.has(token.bare) || isPlaceCompound(context, token)) return false;
  // An English surname is a known one or not an ordinary word ("Scott Waste" is a firm).
  return !context.english || context.surnames.has(token.bare) || !isEnglishWord(token.bare);
}

/**
 * English: a known first name that is not an ordinary word is a name unless a place preposition
 * comes before it ("at Stanley"); one that is a word ("Carol", "Jo") only with a role beside it
 * or praise after it ("Carol has been very helpful").
 */
function englishNameAt(context: Context, i: number): number {
  const { tokens, text } = context;
  const token = tokens[i] as Token;
  const before = tokens[i - 1];
  const after = text.slice(token.end, token.end + 120);
  const apposition = APPOSITION.exec(after)?.[1]?.split(/\s+/u) ?? [];
  if (apposition.some((word) => ENGLISH_ROLES.has(word.toLowerCase()))) return 1;
  if (ENGLISH_PRAISE.test(after)) return 1;
  if (isEnglishWord(token.bare)) return 0;
  if (before !== undefined && ENGLISH_PLACE_PREPOSITIONS.has(before.text.toLowerCase())) return 0;
  // A capitalised word after it that is no surname makes a firm's name: "Scott Waste".
  const next = tokens[i + 1];
  if (next !== undefined && SPACE.test(next.gap) && NAME_SHAPE.test(next.bare)) return 0;
  // At the start of a sentence, a name does something ("Rachel took ..."): "Houston police" no.
  if (token.initial && token.text === token.bare && !ENGLISH_NAME_VERBS.has(next?.text ?? ''))
    return 0;
  return 1;
}

/**
 * German, French, Spanish: a first name alone is a name only mid-sentence, and not in German,
 * where a capital marks every noun and some nouns are first names too ("Mark", "Kai").
 */
function otherNameAt(context: Context, i: number): number {
  const token = context.tokens[i] as Token;
  if (token.initial || context.cues === NAME_CUES.de) return 0;
  return 1;
}
