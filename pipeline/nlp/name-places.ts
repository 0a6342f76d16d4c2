/**
 * The places a consultation names, learnt from its own text, so that a first name that starts a
 * place's or a firm's name there ("Freeman Hospital", "Graves Gilbert") is not taken for a
 * person's elsewhere in it ("Transport to Freeman was good").
 */
import { ENGLISH_PLACE_PREPOSITIONS, ENGLISH_ROLES, NAME_CUES } from './name-cues.js';
import { isEnglishStopWord } from './name-lists.js';
import { NAME_SHAPE, SPACE, type Token, tokenise } from './name-tokens.js';

/** How often a word must be seen as a place's name to be taken for one everywhere. */
const PLACE_SIGHTINGS = 2;

/**
 * The words a consultation uses as places' names, seen so at least twice: capitalised words
 * right before a place noun of any language read ("Freeman Hospital", "James Cook Hospital",
 * "Kingsley ward") and, in English, words that are not first names after a place preposition
 * ("at Gartree"). Once is not enough: "Royal Victoria Infirmary" does not make every Victoria a
 * place.
 */
export function placesOf(
  corpus: readonly string[],
  lists: ReadonlyMap<string, ReadonlySet<string>>,
): ReadonlySet<string> {
  const sight = placeSighter(lists);
  return placesSeen(
    (function* () {
      for (const text of corpus) yield sight(text);
    })(),
  );
}

/**
 * What `placesOf` sees in one text: each sighting of a word (or "Word Word") as a place's name,
 * in order. `lists` are the first names by language read.
 */
export function placeSighter(
  lists: ReadonlyMap<string, ReadonlySet<string>>,
): (text: string) => string[] {
  const nouns = new Set([...lists.keys()].flatMap((l) => [...(NAME_CUES[l]?.places ?? [])]));
  const firstNames = lists.get('en') ?? new Set<string>();
  // A possessive is a person's ("Lisa's team"), not a place's name.
  const shaped = (t: Token | undefined): t is Token =>
    t !== undefined && t.text === t.bare && NAME_SHAPE.test(t.bare);
  return (text) => {
    const seen: string[] = [];
    const tokens = tokenise(text);
    tokens.forEach((token, i) => {
      const before = tokens[i - 1];
      if (nouns.has(token.bare.toLowerCase()) && shaped(before) && /^[ \t-]+$/u.test(token.gap)) {
        seen.push(before.bare);
        const earlier = tokens[i - 2];
        if (shaped(earlier) && SPACE.test(before.gap)) seen.push(earlier.bare);
      }
      const preposition = ENGLISH_PLACE_PREPOSITIONS.has(before?.text.toLowerCase() ?? '');
      if (preposition && shaped(token) && !firstNames.has(token.bare)) seen.push(token.bare);
      // A first name after the same capitalised word again and again: "Graves Gilbert".
      if (shaped(token) && shaped(before) && SPACE.test(token.gap) && isNamePart(before.bare)) {
        if (!firstNames.has(before.bare)) seen.push(`${before.bare} ${token.bare}`);
      }
    });
    return seen;
  };
}

/** The places of a corpus from each text's sightings (`placeSighter`): those seen twice or more. */
export function placesSeen(sightings: Iterable<readonly string[]>): ReadonlySet<string> {
  const seen = new Map<string, number>();
  for (const words of sightings)
    for (const word of words) seen.set(word, (seen.get(word) ?? 0) + 1);
  return new Set(
    [...seen].flatMap(([words, n]) => (n >= PLACE_SIGHTINGS ? [words.replace(/^.* /u, '')] : [])),
  );
}

/**
 * A word that may be part of a place's or a firm's name: not a title, role, greeting or other
 * function word ("Dr Howard", "Thanks Rachel" are people).
 */
function isNamePart(word: string): boolean {
  const lower = word.toLowerCase();
  if (ENGLISH_ROLES.has(lower) || isEnglishStopWord(lower)) return false;
  return !Object.values(NAME_CUES).some((cues) => cues.titles.has(lower));
}
