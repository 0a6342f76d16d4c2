/**
 * The English statement reader: a sentence's kinds from its clauses (`kinds.ts` for what each
 * asks for, fears or hopes, `praise.ts` for praise), what the speaker says of themselves
 * (`self-description.ts`), and standing alone from `alone.ts`.
 */
import type { ReadingContext, StatementKind, StatementReader } from '../reader.js';
import { dependenceOf } from './alone.js';
import { asksWhatWasGood } from './good-question.js';
import { readStatement } from './kinds.js';
import { clauseKinds } from './praise.js';
import { isImperative } from './proposal.js';
import { selfDescriptionEnd } from './self-description.js';
import { tagSentence } from './tags.js';

/** Contrast between clauses: "Staff were lovely but the wait was too long". */
const CONTRAST = /\s*[,;]?\s+\b(?:but|however|although|though|whereas)\b,?\s+/iu;
/** A clause needs this many words to be read alone; "Nothing but praise" is one clause. */
const MIN_CLAUSE_WORDS = 2;

/**
 * A sentence's kinds: self_description when it says who the speaker is, then the kinds of each
 * clause (a sentence that praises and complains is both). `['other']` when none. Answering a
 * question of what was good, an order names what was done well: praise, not a proposal.
 */
function kindsOf(sentence: string, { question }: ReadingContext): StatementKind[] {
  const kinds = new Set<StatementKind>();
  const { tags } = tagSentence(sentence);
  const described = selfDescriptionEnd(tags);
  if (described > 0) kinds.add('self_description');
  if (described < tags.length) {
    const rest = described > 0 ? restAfter(sentence, tags.length - described) : sentence;
    const praised = asksWhatWasGood(question);
    for (const clause of clausesOf(rest)) {
      const reading = readStatement(clause);
      if (reading === null) continue;
      const ordered = praised && isImperative(reading.words, clause);
      for (const kind of clauseKinds(reading))
        kinds.add(ordered && kind === 'proposal' ? 'praise' : kind);
    }
  }
  return kinds.size > 0 ? [...kinds] : ['other'];
}

/** The sentence's last `count` tokens as text (what follows "As a nurse,"). */
function restAfter(sentence: string, count: number): string {
  const at = sentence.indexOf(',');
  return count > 0 && at >= 0 ? sentence.slice(at + 1).trim() : sentence;
}

/** The clauses of a sentence split at a contrast, when each side has words enough. */
function clausesOf(sentence: string): string[] {
  const parts = sentence.split(CONTRAST);
  const enough = parts.every((p) => p.trim().split(/\s+/u).length >= MIN_CLAUSE_WORDS);
  return parts.length > 1 && enough ? parts : [sentence];
}

export const englishReader: StatementReader = {
  language: 'en',
  kindsOf,
  dependenceOf,
};
