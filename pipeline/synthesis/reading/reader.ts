/**
 * Statement reading behind one interface per language: what a sentence does (its kinds) and
 * whether it can be quoted alone. `readerFor` picks the reader of a language; a language without
 * one gets null, and the brief says which findings were not produced for it.
 */
import { germanReader } from './de/reader.js';
import { englishReader } from './en/reader.js';
import { spanishReader } from './es/reader.js';
import { frenchReader } from './fr/reader.js';
import { nothingToChange } from './nothing-to-change.js';
import { memoisedReader } from './reader-memo.js';

/** What a sentence does. A sentence may do several; `other` stands alone. */
export const STATEMENT_KINDS = [
  'proposal',
  'concern',
  'opportunity',
  'praise',
  'nothing_to_change',
  'self_description',
  'other',
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** The kinds a finding of what people want, fear or hope for is built from. */
export type FindingKind = 'proposal' | 'concern' | 'opportunity';

/** Why a sentence cannot be quoted alone, or null when it can. */
export type Dependence =
  | 'length'
  | 'no-clause'
  | 'question'
  | 'greeting'
  | 'connective'
  | 'pronoun'
  | null;

/** What a reader knows of a sentence's setting. */
export interface ReadingContext {
  /** The question the contribution answers, or null when unknown. */
  question: string | null;
}

/** The statement rules of one language. */
export interface StatementReader {
  /** The language it reads (ISO 639-1). */
  readonly language: string;
  /** What a sentence does: one or more kinds, `['other']` when none. */
  kindsOf(sentence: string, context: ReadingContext): StatementKind[];
  /** Why a sentence cannot be quoted alone, or null when it can. */
  dependenceOf(sentence: string): Dependence;
}

const RULES: readonly StatementReader[] = [
  englishReader,
  germanReader,
  frenchReader,
  spanishReader,
];

/**
 * A language's rules with "nothing needs to change" read first (`nothingToChange`, which knows
 * the question): such a sentence is that, and praise too where it praises ("Nothing, was
 * fab!"), never a proposal or a concern.
 */
function withNothingToChange(rules: StatementReader): StatementReader {
  return {
    language: rules.language,
    kindsOf(sentence, context) {
      const kinds = rules.kindsOf(sentence, context);
      if (!nothingToChange(sentence, context.question, rules.language)) return kinds;
      return kinds.includes('praise') ? ['nothing_to_change', 'praise'] : ['nothing_to_change'];
    },
    dependenceOf: (sentence) => rules.dependenceOf(sentence),
  };
}

const READERS: ReadonlyMap<string, StatementReader> = new Map(
  RULES.map((rules) => [rules.language, memoisedReader(withNothingToChange(rules))]),
);

/** The reader of a language, or null when the tool cannot read it. */
export function readerFor(language: string): StatementReader | null {
  return READERS.get(language) ?? null;
}
