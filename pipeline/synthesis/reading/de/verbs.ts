/** German finite verbs and subject pronouns: what tells a statement from a heading or an order. */
import { type Word, wordList } from '../word-rules.js';

/** Finite verbs common enough to tell that a sentence is a statement, not an order or a wish. */
export const FINITE = wordList(`ist sind war waren wird werden wurde wurden hat haben hatte hatten
gibt gab kann können konnte muss müssen soll sollen darf dürfen fährt fahren steht stehen liegt
liegen geht gehen kommt kommen führt führen bin bist wäre wären würde würden könnte könnten hätte
hätten möchte möchten müsste müssten sollte sollten`);

/** Personal pronouns that can be a sentence's subject. */
export const SUBJECTS = wordList('ich wir man er sie es du ihr');

/** Further finite verbs, common in descriptions of places and traffic, that mark a clause. */
const CLAUSE_VERBS = wordList(`habe hab gilt gelten fehlt fehlen endet enden beginnt beginnen hört
hören verläuft verlaufen besteht bestehen befindet befinden gehört gehören braucht brauchen bedarf
wartet warten parkt parken biegt biegen hält halten sieht sehen findet finden bleibt bleiben macht
machen nutzt nutzen benutzt benutzen scheint scheinen heißt läuft laufen lässt lassen zeigt zeigen`);

/**
 * A clause of its own: a finite verb, or a subject pronoun or "sich" that comes with one ("Komme
 * ich ...", "gestaltet sich ..."). A heading ("Radweg auf Wallanlage") or a scrap ("Schon
 * mehrmals selber erlebt.") has none.
 */
export function hasClause(words: readonly Word[]): boolean {
  return words.some(
    (w) => FINITE(w.lower) || CLAUSE_VERBS(w.lower) || SUBJECTS(w.lower) || w.lower === 'sich',
  );
}

/** Verbs that open a sentence whose subject is left out ("Gilt auch für ...", "Ist sehr eng."). */
const ELIDING = wordList('ist sind war waren gilt gelten gibt hat haben wird werden fehlt fehlen');
const SUBJECT_OPENERS = wordList(`der die das den dem des ein eine einer eines einem einen dies*
jede* viele alle etwas nichts man es ich wir er sie du ihr`);

/**
 * A statement whose subject, left out, is what the sentence before named: "Gilt auch für die
 * Venloer Straße.", "Ist im Dunkeln sehr gefährlich." (not "Ist die Ampel rot, ...").
 */
export function leavesOutSubject(words: readonly Word[]): boolean {
  const [first, second] = words;
  if (first === undefined || second === undefined || !ELIDING(first.lower)) return false;
  return second.text === second.lower && !SUBJECT_OPENERS(second.lower);
}
