/**
 * German statement rules from word forms: modals of obligation and wish ("sollte", "müsste",
 * "muss ... werden"), "es wäre gut", wishes and requests ("ich wünsche mir", "bitte"),
 * infinitive orders ("Bordsteine absenken") and verbless wishes ("Mehr Radwege"); lack and
 * excess ("fehlt", "kein Radweg", "zu schmal"); and what makes a sentence lean on another
 * ("Jedoch ...", "Das wäre hier ...", "Dort ...").
 */
import { stopWordsFor } from '../../../nlp/stop-words.js';
import { phrases, type Word, type WordRules, wordList } from '../word-rules.js';
import { CONNECTIVE, GREETING, pointsBack } from './dependence.js';
import { NEGATION, NEGATIVE, POSITIVE } from './lexicon.js';
import { FINITE, hasClause, SUBJECTS } from './verbs.js';

const GOOD_IF = `gut gute schön* sinnvoll* wünschenswert* besser* hilfreich* toll* super ideal*
angebracht angemessen* notwendig* nötig* lösung option idee möglichkeit verbesserung überlegung
wichtig* prima klasse praktisch* begrüßen überlegen prüfen empfehlenswert* vernünftig* denkbar
machbar angesagt erforderlich* dringend* hilfe entlastung vorteil* gewinn`;

const PROPOSAL = phrases(`sollte* | solltet | ich würde | würde ich | traum | vorgeschlagen |
  könnte* ~~ abhilfe | könnte* ~ helfen | könnte* ~~ entschärf* | könnte* ~~ verbesser* |
  würde* ~ reichen | würde* ~ genügen | würde* ~ ausreichen | dringend ~ angebracht | dringend geboten |
  ${GOOD_IF.split(/\s+/)
    .map((w) => `wäre* ~ ${w}`)
    .join(' | ')} |
  ich ~ wünsche* | wir ~ wünschen | wünschenswert* | wunsch | würde* ~ wünschen |
  schlage* ~ vor | vorschlag | vorschlagen | fordere* | fordern | forderung | plädiere* |
  empfehle* | empfehlen | empfehlung | anregung | ^ich rege | rege ich | regen wir | bitte | bitten um |
  würde* ~ begrüßen | würde* ~ freuen | würde* ~ helfen | würde* ~ vorschlagen | würde* ~ anregen |
  könnte* man | könnte* ~ werden | wir brauchen | brauchen wir | es braucht | braucht es |
  wir benötigen | benötigen wir | wird ~ benötigt | werden ~ benötigt | ist ~ notwendig |
  sind ~ notwendig | ist ~ nötig | sind ~ nötig | ist ~ erforderlich | sind ~ erforderlich |
  dringend nötig | dringend notwendig | dringend erforderlich | am besten | höchste zeit |
  an der zeit | warum nicht | wieso nicht | weshalb nicht | ich möchte ~ anregen |
  ich möchte ~ vorschlagen | ich möchte ~ bitten | soll ~ endlich | sollen ~ endlich |
  soll ~ dringend | sollen ~ dringend | soll ~ unbedingt | sollen ~ unbedingt |
  gehört* ~ weg | gehört* ~ verboten | gehört* ~ entfernt | gehört* ~ abgeschafft |
  gehört* auf die | gehören auf die | ^weg mit | es bedarf | bedarf es | benötigt* ~ dringend |
  benötigen ~ dringend | braucht ~ dringend | brauchen ~ dringend | dringend ~ benötigt`);

const RHETORICAL = phrases(`^wäre* ~ nicht | wäre* ~ nicht ~ besser | wäre* ~ nicht ~ sinnvoll* |
  wäre* ~ möglich | wäre* es ~ gut | wäre* es ~ sinnvoll* | wäre* es ~ besser | könnte* man |
  kann man ~ nicht | können ~ nicht ~ werden | kann ~ nicht ~ werden | könnte* ~ werden |
  warum ~ nicht | wieso ~ nicht | weshalb ~ nicht | warum ~ kein* | wieso ~ kein* | sollte* |
  müsste* | ist es ~ möglich | spricht ~ dagegen`);

/**
 * "muss ... werden", "müssen dringend ...", "müsste": an obligation that asks, not one the
 * speaker bears ("man muss warten", "man müsste zweimal die Ampel nutzen").
 */
const MUST =
  phrases(`muss ~~ werden | müssen ~~ werden | muß ~~ werden | müsste* | müßte* | muesste* |
  muss ~ sein | müssen ~ sein |
  muss ~ weg | müssen ~ weg | muss ~ hin | müssen ~ hin | muss ~ dringend | müssen ~ dringend |
  muss ~ unbedingt | müssen ~ unbedingt | muss ~ endlich | müssen ~ endlich | dringend ~ muss`);
const PEOPLE = phrases('man | ich | wir | du');
/**
 * What road users must do now, not a change asked for: "muss die Fahrbahn benutzt werden",
 * "muss das Rad geschoben werden".
 */
const USING = wordList(`genutzt benutzt befahren gefahren geschoben gewartet gewechselt gequert
überquert ausgewichen abgestiegen gebremst umfahren angehalten gehalten abgebogen`);

const SUBORDINATORS = wordList(
  'wenn weil dass da ob um als obwohl falls damit sodass wie wo was während nachdem bevor',
);
/** Comparatives that open a verbless wish ("Bessere Radwege", "Breitere Wege"). */
const WISH_OPENERS = wordList('mehr weniger zusätzliche* neue* sichere* weitere* bessere*');
const NOT_COMPARATIVE = wordList(`andere* unsere* mehrere* innere* äußere* äussere* obere* untere*
vordere* hintere* letztere* erstere* diese* jede* welche* eure* insbesondere besondere*`);

/** Nouns of action that open a demand without a verb: "Abbau der Schilder", "Öffnung des Wegs". */
const ACTION_NOUN = /^\p{L}{2,}(?:ung|bau)$/u;
const OF = wordList('der des von eines einer');

/**
 * An order ("Parkverbote für PKW durchsetzen", "Entfernen Sie ..."), a verbless wish ("Mehr
 * Radwege!"), or a demand named by its action ("Abbau der Tempo-70-Schilder").
 */
function asks(words: readonly Word[], line: string): boolean {
  if (MUST.test(line) && !PEOPLE.test(line) && !words.some((w) => USING(w.lower))) return true;
  const [first, second] = words;
  if (first === undefined) return false;
  // "Entfernen Sie die Poller!": the polite imperative.
  if (second?.text === 'Sie' && /\p{L}{3,}(?:en|ern|eln)$/u.test(first.lower)) return true;
  const opening = words.slice(0, 6);
  if (
    ACTION_NOUN.test(first.lower) &&
    OF(second?.lower ?? '') &&
    !opening.some((w) => FINITE(w.lower))
  ) {
    return true;
  }
  if (words.length > 14) return false;
  if (words.some((w) => FINITE(w.lower) || SUBJECTS(w.lower))) return false;
  if (SUBORDINATORS(first.lower)) return false;
  return isVerblessWish(words) || isInfinitiveOrder(words);
}

function isVerblessWish(words: readonly Word[]): boolean {
  const first = (words[0] as Word).lower;
  const comparative = /^\p{L}{3,}er(?:e|en|er|es)$/u.test(first) && !NOT_COMPARATIVE(first);
  if (!WISH_OPENERS(first) && !comparative) return false;
  return words.slice(1, 5).some((w) => /^\p{Lu}/u.test(w.text));
}

/** Words before an adjective, not an infinitive: "sehr uneben", "zu eben". */
const DEGREE = wordList(`zu sehr ziemlich extrem total völlig recht besonders so äußerst etwas
absolut relativ ganz viel stark kaum`);

/**
 * A verb-final infinitive with no finite verb: "Einbahnstraße für Radverkehr freigeben"; not an
 * adjective after a degree word ("Radwege sehr uneben") nor the verb of a clause of its own
 * ("Pfützen, die nur langsam abtrocknen", "Mir scheint, dass ... dauerparken").
 */
function isInfinitiveOrder(words: readonly Word[]): boolean {
  if (words.length < 2) return false;
  const last = words.at(-1) as Word;
  if (last.text !== last.lower || !/\p{L}{3,}(?:en|ern|eln)$/u.test(last.lower)) return false;
  if (stopWordsFor('de').has(last.lower) || DEGREE(words.at(-2)?.lower ?? '')) return false;
  if (words.some((w, i) => w.lower === 'sich' || (i > 0 && SUBORDINATORS(w.lower)))) return false;
  return true;
}

const LACK_OR_EXCESS = phrases(`fehlt | fehlen | fehlend* | mangelt | vermisse* | nicht vorhanden |
  nicht gegeben | nicht ausreichend* | nicht hinnehmbar | nicht möglich | nicht erkennbar |
  nicht einsehbar | nicht sichtbar | zu wenig* | zu viel* | viel zu | gibt es kein* |
  es gibt kein* | zu lang* | zu kurz* | zu eng* | zu schmal* | zu schnell | zu hoch | zu dicht |
  zu spät | zu früh | zu klein | zu gering | zu stark | zu steil | zu niedrig | zu knapp`);
const NONE = wordList('kein keine keinen keinem keiner keinerlei');

/** "fehlt", "zu schmal", "kein Radweg", "keine sichere Abstellanlage". */
function lackOrExcess(words: readonly Word[], line: string): boolean {
  if (LACK_OR_EXCESS.test(line)) return true;
  return words.some(
    (w, i) => NONE(w.lower) && words.slice(i + 1, i + 3).some((next) => /^\p{Lu}/u.test(next.text)),
  );
}

const SELF =
  phrases(`^ich wohne | ^wir wohnen | ^ich arbeite | ^ich lebe | ^wir leben | ^ich pendle |
  ^wir sind eine | ^wir sind ein`);
const SPEAKER = phrases('ich | wir | mich | mir | uns');
const BIN_OPENERS = wordList('ein eine einer selbst seit als');

/** "Ich bin Mutter ...", "Ich bin seit Jahren Radfahrer", "Als Anwohnerin fahre ich ...". */
function describesSelf(words: readonly Word[], line: string): boolean {
  if (SELF.test(line)) return true;
  const [first, second, third] = words;
  if (first?.lower === 'ich' && second?.lower === 'bin' && third !== undefined) {
    return /^\p{Lu}|^\d/u.test(third.text) || BIN_OPENERS(third.lower);
  }
  if (first?.lower !== 'als' || second === undefined || !/^\p{Lu}/u.test(second.text)) return false;
  // "Als Verbesserung möchten wir ...": a thing, not a person.
  if (/(?:ung|heit|keit|ion|tät|nis|ismus)$/u.test(second.lower)) return false;
  return SPEAKER.test(line) && !line.includes(' man ');
}

/** The German rules. */
export const GERMAN: WordRules = {
  language: 'de',
  proposal: PROPOSAL,
  rhetorical: RHETORICAL,
  asks,
  lackOrExcess,
  hypothetical: phrases('wäre* | würde* | könnte* | hätte* | wenn | falls | sollte*'),
  positive: POSITIVE,
  negative: NEGATIVE,
  negation: NEGATION,
  describesSelf,
  greeting: GREETING,
  connective: CONNECTIVE,
  pointsBack,
  hasClause,
};
