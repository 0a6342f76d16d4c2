// The words of the suggestions panel: where passages go, where they are, how many are ticked.
import type { ExclusionReason } from '../../../schemas/review.js';
import type { SuggestionView } from '../views.js';
import { formatCount } from './dom.js';
import { themeById } from './store.js';
import { themeName } from './theme-tree.js';

/** Where accepted suggestions go. */
export type Destination = { theme: string } | { other: true } | { excluded: ExclusionReason };

/** Reasons as a sentence names them ("Exclude all 3 as spam"). */
const REASON_WORDS: Record<ExclusionReason, string> = {
  spam: 'as spam',
  'off-topic': 'as off-topic',
  'personal-data': 'as personal data',
  other: 'for another reason',
};

/** A theme named by id ("Parent > Sub-theme"), or `fallback` when the state has no such theme. */
export function themeNameOf(id: string, fallback = ''): string {
  const theme = themeById(id);
  return theme ? themeName(theme) : fallback;
}

/** "to “Bus”", "to Other ideas", "as spam" */
export function destinationText(to: Destination): string {
  if ('excluded' in to) return REASON_WORDS[to.excluded];
  if ('other' in to) return 'to Other ideas';
  return `to “${themeNameOf(to.theme)}”`;
}

/** What accepting does to the passages. */
export function verb(to: Destination): string {
  return 'excluded' in to ? 'Exclude' : 'Move';
}

/** Where a suggested passage is now: "Parent > Sub-theme" once, not the parent again. */
export function placeText(s: SuggestionView): string {
  if (s.themes.length === 0) return 'now in Other ideas';
  const parents = new Set(s.themes.map((t) => themeById(t.id)?.parentId));
  const places = s.themes.filter((t) => !parents.has(t.id));
  return `now in ${places.map((t) => themeNameOf(t.id, t.label)).join(', ')}`;
}

/** How alike the engine found it (a cosine). */
export function alike(s: SuggestionView): string {
  return `similarity ${s.similarity.toFixed(2)}`;
}

/** "the passage", "the 3 passages" */
export function thePassages(n: number): string {
  return n === 1 ? 'the passage' : `the ${formatCount(n)} passages`;
}

/** "all 5", "the 3 ticked", "it", "the ticked one" */
export function howMany(ticked: number, all: number): string {
  if (ticked === all) return all === 1 ? 'it' : `all ${all}`;
  return ticked === 1 ? 'the ticked one' : `the ${ticked} ticked`;
}

/** How to take back what an accept did: a move is one decision, each exclusion is its own. */
export function undoHint(decisions: number): string {
  return decisions === 1 ? 'Ctrl+Z undoes it' : `${decisions} decisions: Ctrl+Z undoes the latest`;
}

/** The word with a capital first letter. */
export function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "12 more passages look like these" */
export function lookAlikeTitle(found: number, like: number): string {
  if (found === 0) return `No more passages look like ${like === 1 ? 'this one' : 'these'}`;
  const more = found === 1 ? '1 more passage looks' : `${formatCount(found)} more passages look`;
  return `${more} like ${like === 1 ? 'this one' : 'these'}`;
}
