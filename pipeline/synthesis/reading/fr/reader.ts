/** The French statement reader: the word-form rules of `rules.ts`. */
import { wordReader } from '../word-rules.js';
import { FRENCH } from './rules.js';

export const frenchReader = wordReader(FRENCH);
