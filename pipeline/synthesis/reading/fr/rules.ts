/**
 * French statement rules from word forms: obligation and wish ("il faut", "il faudrait", "on
 * devrait", "il serait bon de", "je souhaite"), requests ("merci de", "s'il vous plaît"),
 * orders ("Créer des pistes", "Installez ...") and verbless wishes ("Plus de pistes"); lack
 * and excess ("il manque", "pas de piste", "trop étroit"); and what makes a sentence lean on
 * another ("Cependant ...", "Cela ...", "Ici ...").
 */
import { connectives, phrases, type Word, type WordRules, wordList } from '../word-rules.js';
import { NEGATION, NEGATIVE, POSITIVE } from './lexicon.js';

const GOOD_IF = `bon bien utile* souhaitable* préférable* judicieux judicieuse* nécessaire*
important* intéressant* mieux idéal* logique* urgent* indispensable* pertinent*`;

const PROPOSAL = phrases(`il faut | faut | il faudrait | faudrait | devrait | devraient | devrions |
  doit ~ être | doivent ~ être | on doit | nous devons |
  ${GOOD_IF.split(/\s+/)
    .map((w) => `serait ~ ${w}`)
    .join(' | ')} |
  il est ~ nécessaire | il est ~ urgent | il est ~ indispensable | il est ~ important de |
  je souhaite* | nous souhaitons | souhaiterai* | je propose | nous proposons | proposition |
  je suggère | nous suggérons | suggestion | je demande | nous demandons | demandons |
  je voudrais | nous voudrions | j aimerais | nous aimerions | pourquoi ne pas | merci de |
  s il vous plaît | svp | veuillez | il conviendrait | conviendrait | il manque ~ il faudrait |
  mériterait | mériteraient | gagnerait ~ à | pourrait ~ être ~ amélioré* | à prévoir`);

const RHETORICAL = phrases(`ne serait* ~ pas | pourquoi ne pas | pourquoi ~ pas | pourrait* on |
  pourrait* ~ être | ne pourrait* ~ pas | faudrait* | devrait* | est il possible | serait* il possible`);

/** Verbs opening an order: infinitives ("Créer"), and the polite imperative ("Installez"). */
const NOT_INFINITIVE = wordList(`hier premier dernier cher super fer mer hiver enfer léger entier
particulier quartier chantier métier sentier cahier papier dossier janvier février`);
const DETERMINERS = wordList(`le la les l un une des du de d ce cette ces plus davantage moins en
au aux nos leur leurs`);
const WISH_OPENERS = wordList('plus davantage moins');
const FINITE = wordList(`est sont était étaient a ont avait fait font va vont peut peuvent doit
doivent serait seraient sera seront`);

/** "Créer des pistes cyclables", "Installez un feu", "Plus de pistes cyclables !". */
function asks(words: readonly Word[]): boolean {
  const [first, second, third] = words;
  if (first === undefined || second === undefined) return false;
  const infinitive = /^\p{L}{3,}(?:er|ir|re)$/u.test(first.lower) && !NOT_INFINITIVE(first.lower);
  const imperative = /^\p{L}{3,}ez$/u.test(first.lower) && first.lower !== 'chez';
  if ((infinitive || imperative) && DETERMINERS(second.lower)) return true;
  // "Plus de pistes" wishes; "Plus de bus ne passe" or "plus de 20 ans" do not.
  if (!WISH_OPENERS(first.lower) || (second.lower !== 'de' && second.lower !== 'd')) return false;
  return third !== undefined && !/^\d/u.test(third.text) && !words.some((w) => FINITE(w.lower));
}

const LACK_OR_EXCESS = phrases(`il manque | manque | manquent | manque de | pas de | pas d |
  pas assez | aucun* | trop | insuffisamment | n y a pas | n existe pas | absence | inexistant*`);

function lackOrExcess(_words: readonly Word[], line: string): boolean {
  return LACK_OR_EXCESS.test(line);
}

const GREETING = phrases(`^bonjour | ^bonsoir | ^salut | ^madame | ^monsieur | ^mesdames |
  ^chers | ^chère | ^cher | ^merci | ^cordialement | ^bien cordialement`);

/** Opening connectives, and adverbs tying a clause to the sentence before ("roulent donc ..."). */
const CONNECTIVE = connectives(
  `cependant pourtant mais et ou toutefois néanmoins en_outre de_plus par_contre donc ainsi alors
  sinon ensuite puis d_ailleurs par_ailleurs en_revanche c_est_pourquoi aussi enfin également car
  du_coup par_conséquent en_effet`,
  'donc toutefois cependant pourtant néanmoins par_conséquent en_outre',
  'et mais ou car parce_que',
);

const BACK = wordList(`ici là là-bas cela ceci ça celui celle celles ceux il elle ils elles
lui leur y`);
/** "Il faut", "il y a", "il est important de": an impersonal "il" holds a place. */
const IMPERSONAL = phrases(`^il faut | ^il faudrait | ^il y | ^il est | ^il serait | ^il manque |
  ^il reste | ^il suffit | ^il conviendrait | ^il existe`);

/** Places and other text pointed to wherever the words stand ("roulent ici", "ci-dessus"). */
const ELSEWHERE = phrases(`ici | là | là-bas | ci-dessus | ci-dessous | à cet endroit |
  comme indiqué | comme dit | comme je l ai dit | précédemment`);
const DEMONSTRATIVE = wordList('ce cet cette ces');

/**
 * An opening pronoun or place word ("Cela ...", "Ici ...", "Ils ..."), bar an impersonal "il";
 * a place word or reference anywhere ("roulent ici", "ci-dessus"); or a demonstrative noun
 * that nothing narrows down, its verb right after it ("Cette rue est ...").
 */
function pointsBack(words: readonly Word[], line: string): boolean {
  const [first, second, third] = words;
  if (first === undefined) return false;
  if (ELSEWHERE.test(line)) return true;
  if (DEMONSTRATIVE(first.lower) && third !== undefined && FINITE(third.lower)) return true;
  if (first.lower === 'c' && second?.lower === 'est') return !/ (?:que|qu|de|d) /u.test(line);
  if (first.lower === 'ce' && second?.lower !== undefined && FINITE(second.lower)) return true;
  return BACK(first.lower) && !IMPERSONAL.test(line);
}

const SELF = phrases(`^en tant que | ^j ai ~ ans | ^j habite | ^nous habitons | ^je vis |
  ^nous vivons | ^je travaille | ^je suis un | ^je suis une | ^je suis né* | ^je suis âgé* |
  ^je suis retraité* | ^je suis mère | ^je suis père | ^je suis parent | ^je suis étudiant* |
  ^je suis habitant* | ^je suis riverain* | ^je suis cycliste | ^nous sommes une famille`);

function describesSelf(_words: readonly Word[], line: string): boolean {
  return SELF.test(line);
}

/** The French rules. */
export const FRENCH: WordRules = {
  language: 'fr',
  proposal: PROPOSAL,
  rhetorical: RHETORICAL,
  asks,
  lackOrExcess,
  hypothetical: phrases('serait* | pourrait* | aurait* | si | devrait* | faudrait'),
  positive: POSITIVE,
  negative: NEGATIVE,
  negation: NEGATION,
  describesSelf,
  greeting: GREETING,
  connective: CONNECTIVE,
  pointsBack,
};
