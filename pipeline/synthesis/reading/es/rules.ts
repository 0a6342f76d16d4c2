/**
 * Spanish statement rules from word forms: obligation and wish ("debería", "hay que", "hace
 * falta", "sería bueno", "me gustaría"), requests ("por favor"), infinitive orders ("Crear más
 * carriles") and verbless wishes ("Más carriles bici"); lack and excess ("falta", "no hay",
 * "demasiado"); and what makes a sentence lean on another ("Sin embargo ...", "Esto ...",
 * "Aquí ...").
 */
import { connectives, phrases, type Word, type WordRules, wordList } from '../word-rules.js';
import { NEGATION, NEGATIVE, POSITIVE } from './lexicon.js';

const GOOD_IF = `bueno buena mejor conveniente ideal necesari* interesante importante útil genial
estupendo lógico urgente imprescindible recomendable`;

const PROPOSAL = phrases(`debería* | deberían | deberíamos | se debe | se deben | debe ~ ser |
  deben ~ ser | hay que | hace falta | hacen falta | haría falta | harían falta |
  ${GOOD_IF.split(/\s+/)
    .map((w) => `sería* ~ ${w}`)
    .join(' | ')} |
  es necesario | es urgente | es imprescindible | es importante que | es fundamental |
  propongo | proponemos | propuesta | sugiero | sugerimos | sugerencia | pido | pedimos |
  solicito | solicitamos | exijo | exigimos | quiero que | queremos que | queremos |
  me gustaría | nos gustaría | ojalá | por favor | por qué no | habría que | tendría* que |
  convendría | se necesita* | necesitamos | falta ~ más`);

const RHETORICAL = phrases(`no sería* | por qué no | no se podría* | se podría* | no podría* |
  debería* | no habría | sería* posible | es posible`);

const NOT_INFINITIVE = wordList(`mejor peor mayor menor lugar hogar mar bar par ayer mujer poder
placer deber taller nivel`);
const DETERMINERS = wordList(`el la los las un una unos unas más menos mejores nuevos nuevas
este esta estos estas lo al del`);
const WISH_OPENERS = wordList('más menos mejores mejor');
const FINITE = wordList(`es son era eran está están estaba hay había tiene tienen va van puede
pueden debe deben sería serían será serán fue fueron hace hacen`);

/**
 * "Crear más carriles bici", "Más carriles bici". The plural imperative ("Pongan") is written
 * as the indicative ("Cruzan los coches ..."), so it is left to the phrases ("por favor").
 */
function asks(words: readonly Word[]): boolean {
  const [first, second] = words;
  if (first === undefined || second === undefined) return false;
  const infinitive = /^\p{L}{3,}(?:ar|er|ir)$/u.test(first.lower) && !NOT_INFINITIVE(first.lower);
  if (infinitive && DETERMINERS(second.lower)) return true;
  if (!WISH_OPENERS(first.lower) || /^\d/u.test(second.text)) return false;
  return !words.some((w) => FINITE(w.lower));
}

const LACK_OR_EXCESS = phrases(`falta | faltan | falta de | no hay | no existe* | ningún | ninguna |
  demasiad* | escasez | ausencia | insuficiente* | muy poco* | no es suficiente | no son suficientes`);

function lackOrExcess(_words: readonly Word[], line: string): boolean {
  return LACK_OR_EXCESS.test(line);
}

const GREETING = phrases(`^hola | ^buenos días | ^buenas tardes | ^buenas noches | ^buenas |
  ^estimad* | ^querid* | ^gracias | ^muchas gracias | ^saludos | ^un saludo | ^atentamente`);

/** Opening connectives, and adverbs tying a clause to the sentence before ("circulan por eso"). */
const CONNECTIVE = connectives(
  `sin_embargo además pero y o también por_eso por_lo_tanto por_tanto entonces asimismo
  no_obstante en_cambio por_otro_lado así_que aun_así encima incluso luego por_ello es_decir o_sea
  de_hecho porque`,
  'por_eso por_lo_tanto por_tanto sin_embargo además no_obstante por_ello en_cambio asimismo',
  'y pero o porque que',
);

const BACK = wordList('aquí allí ahí allá acá esto eso ello aquello él ella ellos ellas le les');
const DEMONSTRATIVE = wordList('este esta estos estas ese esa esos esas aquel aquella');

/** Places and other text pointed to wherever the words stand ("aparcan aquí", "como dije"). */
const ELSEWHERE = phrases(`aquí | allí | ahí | allá | acá | en este lugar | en este punto |
  en esta zona | en este tramo | en este sitio | en esta esquina | en este cruce | como dije |
  como ya dije | como he dicho | mencionad* anteriormente | arriba mencionad*`);

/**
 * An opening pronoun ("Esto ...", "Ella ..."), a place word or reference anywhere ("aparcan
 * aquí", "en esta esquina", "como dije"), or a demonstrative before a verb, alone or with a
 * noun that nothing narrows down ("Esto es ...", "Esta calle es ...").
 */
function pointsBack(words: readonly Word[], line: string): boolean {
  const [first, second, third] = words;
  if (first === undefined) return false;
  if (BACK(first.lower) || ELSEWHERE.test(line)) return true;
  if (!DEMONSTRATIVE(first.lower)) return false;
  return [second, third].some((w) => w !== undefined && FINITE(w.lower));
}

const SELF = phrases(`^soy | ^somos | ^como madre | ^como padre | ^como vecin* | ^como ciclista |
  ^como residente | ^como usuari* | ^como persona | ^tengo ~ años | ^vivo | ^vivimos | ^trabajo en |
  ^trabajo como`);
/** "Soy de la opinión", "Soy partidario": a view, not who the speaker is. */
const VIEW = phrases(`^soy de la opinión | ^soy partidari* | ^soy consciente | ^somos conscientes |
  ^soy contrari* | ^estoy`);

function describesSelf(_words: readonly Word[], line: string): boolean {
  return SELF.test(line) && !VIEW.test(line);
}

/** The Spanish rules. */
export const SPANISH: WordRules = {
  language: 'es',
  proposal: PROPOSAL,
  rhetorical: RHETORICAL,
  asks,
  lackOrExcess,
  hypothetical: phrases('sería* | podría* | habría | si | debería* | ojalá'),
  positive: POSITIVE,
  negative: NEGATIVE,
  negation: NEGATION,
  describesSelf,
  greeting: GREETING,
  connective: CONNECTIVE,
  pointsBack,
};
