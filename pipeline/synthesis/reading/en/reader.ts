/** The English statement reader: kinds from `kinds.ts`, standing alone from `alone.ts`. */
import type { StatementReader } from '../reader.js';
import { dependenceOf } from './alone.js';
import { statementKind } from './kinds.js';

export const englishReader: StatementReader = {
  language: 'en',
  kindsOf(sentence) {
    const kind = statementKind(sentence, 'en');
    return kind === null ? ['other'] : [kind];
  },
  dependenceOf,
};
