/** The Spanish statement reader: the word-form rules of `rules.ts`. */
import { wordReader } from '../word-rules.js';
import { SPANISH } from './rules.js';

export const spanishReader = wordReader(SPANISH);
