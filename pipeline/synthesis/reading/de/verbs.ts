/** German finite verbs and subject pronouns: what tells a statement from a heading or an order. */
import { wordList } from '../word-rules.js';

/** Finite verbs common enough to tell that a sentence is a statement, not an order or a wish. */
export const FINITE = wordList(`ist sind war waren wird werden wurde wurden hat haben hatte hatten
gibt gab kann können konnte muss müssen soll sollen darf dürfen fährt fahren steht stehen liegt
liegen geht gehen kommt kommen führt führen bin bist wäre wären würde würden könnte könnten hätte
hätten möchte möchten müsste müssten sollte sollten`);

/** Personal pronouns that can be a sentence's subject. */
export const SUBJECTS = wordList('ich wir man er sie es du ihr');
