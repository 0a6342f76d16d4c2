/** The German statement reader: the word-form rules of `rules.ts`. */
import { wordReader } from '../word-rules.js';
import { GERMAN } from './rules.js';

export const germanReader = wordReader(GERMAN);
