/**
 * What makes a German sentence lean on another: an opening greeting, a connective ("Jedoch
 * ...", "... fahren deshalb ..."), or a word pointing back to something named before or to a
 * place shown elsewhere ("Das wäre ...", "Dieser Weg ...", "... muss hier ...").
 */
import { stopWordsFor } from '../../../nlp/stop-words.js';
import { connectives, phrases, type Word, wordList } from '../word-rules.js';
import { leavesOutSubject } from './verbs.js';

export const GREETING =
  phrases(`^hallo | ^hi | ^guten tag | ^guten morgen | ^guten abend | ^liebe | ^lieber |
  ^sehr geehrte* | ^vielen dank | ^danke | ^mit freundlichen | ^viele grüße | ^beste grüße |
  ^grüße | ^moin | ^servus | ^herzlichen dank`);

/**
 * Opening connectives, and adverbs that tie a sentence to the one before wherever they stand
 * ("Viele fahren deshalb ...", "Komme ich hingegen ...", "Eine Gefahr besteht zudem ..."; not
 * "..., und deshalb ...", whose reason is in the sentence).
 */
export const CONNECTIVE = connectives(
  `jedoch außerdem ausserdem deshalb deswegen daher darum dadurch damit aber und oder sondern
  denn allerdings trotzdem dennoch zudem ebenso ebenfalls auch also sonst ansonsten stattdessen
  weiterhin ferner somit folglich dann danach anschließend zusätzlich nebenbei andererseits
  zum_anderen zum_zweiten des_weiteren desweiteren insofern hingegen dafür dagegen trotz_allem
  alternativ ergänzend überdies gleichzeitig daraufhin darüberhinaus darüber_hinaus`,
  `deshalb deswegen hingegen zudem außerdem ausserdem ebenfalls trotzdem dennoch stattdessen
  infolgedessen überdies`,
  'und aber oder sondern weil da dass wenn',
);

/** First words that stand for something named before, or for a place shown elsewhere. */
const BACK = wordList(`hier dort dies er sie ihn ihm ihnen davon dabei daran darauf darin dazu
daneben darüber darunter dahinter dorthin hierbei hierfür hierzu hierdurch solche solch beides
letzteres ersteres selbiges derselbe dieselbe dasselbe`);
/** Places and other text that these words point to, wherever they stand. */
const ELSEWHERE = phrases(`an dieser stelle | an diesem punkt | in diesem bereich |
  in diesem abschnitt | diese stelle | dieser stelle | s o | siehe oben | wie oben |
  oben genannt* | o g | wie gesagt | wie bereits erwähnt`);
const THERE = wordList('hier dort dorthin');
/** A street or square named by the sentence ("Venloer Straße", "Gürtel"), which "hier" may mean. */
const STREET = /(?:straße|strasse|str|allee|platz|gasse|gürtel|ring|ufer|damm)$/u;
const DEMONSTRATIVE = wordList('das dies dieses jenes der die den dem diese dieser diesen diesem');
/** What makes an opening "es" a placeholder: "Es gibt ...", "Es wäre gut, wenn ...". */
const PLACEHOLDER = phrases(
  'gibt | wenn | dass | ob | zu | fehlt | fehlen | kommt | bedarf | werden',
);
/** Pronouns that point back when no noun comes before them ("So voll, wie sie ..."). */
const PERSONAL = wordList('er sie ihn ihm ihnen');

/**
 * An opening pronoun or place word ("Er ist ...", "Hier ..."), a place word or reference to
 * other text anywhere ("... muss hier ...", "an dieser Stelle", "s.o."), a demonstrative
 * standing alone or before an unnamed noun ("Das wäre ...", "Dieser Weg ist ..."), a personal
 * pronoun before any noun, a subject left out ("Gilt auch für ..."), a pronoun "das" mid-sentence ("ist das nicht mehr der Fall"), or
 * an "es" that is no placeholder ("Es ist frustrierend.").
 */
export function pointsBack(words: readonly Word[], line: string): boolean {
  const [first] = words;
  if (first === undefined) return false;
  if (BACK(first.lower) || ELSEWHERE.test(line) || unnamedThere(words)) return true;
  if (leavesOutSubject(words)) return true;
  if (first.lower === 'es') return !PLACEHOLDER.test(line);
  if (DEMONSTRATIVE(first.lower) && demonstrativePointsBack(words)) return true;
  return pronounBeforeNoun(words) || mainClauseDas(words);
}

/** "... muss hier die Straße genutzt werden": "hier" or "dort" with no street named before it. */
function unnamedThere(words: readonly Word[]): boolean {
  const at = words.findIndex((w) => THERE(w.lower));
  return (
    at >= 0 && !words.slice(0, at).some((w) => /^\p{Lu}/u.test(w.text) && STREET.test(w.lower))
  );
}

/**
 * "Das wäre ...", "Die muss man ..." (no noun after it, where German writes nouns with a
 * capital), or "Dieser Weg ist ..." (a "dies-" noun no place narrows down: "Dieser Abschnitt
 * zwischen ..." and "Diese Gitter am Bahnübergang" name what they mean).
 */
function demonstrativePointsBack(words: readonly Word[]): boolean {
  const [first, second, third] = words as [Word, ...Word[]];
  if (second === undefined || /^\d/u.test(second.text)) return false;
  if (first.lower.startsWith('dies')) {
    const noun = words.findIndex((w, i) => i > 0 && /^\p{Lu}/u.test(w.text));
    const next = words[noun + 1];
    // "Dieser Kreuzungsbereich - Grafschafter Wanderweg ...": a name follows the noun.
    return noun < 0 || next === undefined || !(NARROWING(next.lower) || /^\p{Lu}/u.test(next.text));
  }
  if (second.text !== second.lower) return false;
  // "Der für den Radverkehr freigegebene Weg": a preposition opens a long attribute.
  if (NARROWING(second.lower)) return false;
  // "Die vorhandene Lösung": an inflected adjective before its noun.
  const adjective = /(?:e|en|er|es|em)$/u.test(second.lower);
  return !(adjective && third !== undefined && /^\p{Lu}/u.test(third.text));
}

/** Prepositions that name a place or a stretch after a noun ("am Bahnhof", "zwischen A und B"). */
const NARROWING = wordList(`zwischen am an auf im in vor hinter bei beim entlang von vom ab bis
für nach zur zum über unter neben`);

/**
 * "So voll, wie sie morgens ist, ...": "er", "sie", "ihn" before the first noun (a capital
 * word; the first word only when it is no function word: "Eltern sagen, sie ...").
 */
function pronounBeforeNoun(words: readonly Word[]): boolean {
  const functionWords = stopWordsFor('de');
  for (const [i, w] of words.entries()) {
    const noun = /^\p{Lu}/u.test(w.text) && (i > 0 || !functionWords.has(w.lower));
    if (noun) return false;
    if (i > 0 && PERSONAL(w.text)) return true;
  }
  return false;
}

/** Words that open a clause of its own, whose "das" or "dies" may point inside the sentence. */
const CLAUSE_OPENERS = wordList(
  'wenn weil dass da ob obwohl falls damit sodass wie wo was während',
);

/**
 * "Am Abend ist das nicht mehr der Fall", "Ich finde dies gefährlich": "das" or "dies" after a
 * verb of the main clause, standing for a thing (not before a noun, an adjective and its noun,
 * or a number; not a relative "das" after its noun; not in a clause opened by "da", "weil" ...).
 */
function mainClauseDas(words: readonly Word[]): boolean {
  for (let at = 1; at < words.length; at++) {
    const [before, word, next, after] = [words[at - 1], words[at], words[at + 1], words[at + 2]];
    if (CLAUSE_OPENERS((word as Word).lower)) return false;
    if ((before as Word).text !== (before as Word).lower) continue;
    if ((word as Word).lower === 'dies') return true;
    if ((word as Word).lower !== 'das') continue;
    if (next === undefined) return true;
    if (next.text !== next.lower || /^\d/u.test(next.text)) continue;
    const adjective = /(?:e|en|er|es|em)$/u.test(next.lower);
    if (!(adjective && after !== undefined && /^\p{Lu}/u.test(after.text))) return true;
  }
  return false;
}
