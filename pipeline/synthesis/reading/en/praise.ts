/**
 * Whether an English clause praises: it speaks well of something as it is ("The nurses were
 * lovely", "Excellent care.", "Could not have been better.", "Thank you"), asking for nothing
 * and promising no gain. "Keep up the good work" praises though it is worded as an order.
 */
import type { FindingKind } from '../reader.js';
import type { StatementReading } from './kinds.js';
import type { Tag } from './tags.js';
import { POSSIBILITY } from './words.js';

/** Verbs that ask for more of the same: "keep up the good work", "carry on as you are". */
const CONTINUE: ReadonlySet<string> = new Set(['keep', 'continue', 'carry']);
/** What is kept going when nothing changes: "keep it up", "keep doing what you do". */
const AS_IT_IS: ReadonlySet<string> = new Set(['up', 'on', 'doing', 'going', 'work']);

/**
 * The kinds of a clause given how `readStatement` read it: its finding kind, or praise in its
 * stead when the clause speaks well of what is (a positive appraisal with no proposal and no
 * modal of what might be), or nothing.
 */
export function clauseKinds(reading: StatementReading): (FindingKind | 'praise')[] {
  const { kind, words, polarity } = reading;
  if (kind === 'proposal') return asksForMoreOfTheSame(words) ? ['praise'] : ['proposal'];
  if (kind === 'concern') return ['concern'];
  if (polarity <= 0) return kind === null ? [] : [kind];
  // "UBI would help": a gain that might be; "The staff helped me": praise of what was.
  if (kind === 'opportunity' && (words.some((t) => POSSIBILITY.has(t.word)) || !isPast(words))) {
    return ['opportunity'];
  }
  return ['praise'];
}

/** "Keep up the good work", "Just carry on doing what you do": no change asked. */
function asksForMoreOfTheSame(words: readonly Tag[]): boolean {
  const at = words.findIndex((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (!CONTINUE.has(words[at]?.lemma ?? '')) return false;
  const rest = words.slice(at + 1);
  if (rest.some((t) => t.word === 'better' || t.word === 'more')) return false;
  return rest.slice(0, 3).some((t) => AS_IT_IS.has(t.word));
}

/** Whether the clause's first verb is in the past: "helped", "made", not "helps", "makes". */
function isPast(words: readonly Tag[]): boolean {
  const verb = words.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
  if (verb === undefined) return false;
  if (verb.pos === 'AUX') return ['was', 'were', 'had', 'did'].includes(verb.word);
  return verb.word !== verb.lemma && !verb.word.endsWith('s') && !verb.word.endsWith('ing');
}
