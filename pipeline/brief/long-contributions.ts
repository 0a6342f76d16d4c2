// The brief's note on contributions long enough to be weighted as a few passages in the themes.
import type { CleanRecord } from '../../schemas/clean-record.js';
import { CONTRIBUTION_WEIGHT_CAP, heavyContributions } from '../contribution-weights.js';
import { formatBytes } from '../format-bytes.js';
import { inlineText } from './markdown-escape.js';
import { count } from './people.js';

/**
 * A sentence for the methodology on the kept contributions of more than
 * CONTRIBUTION_WEIGHT_CAP passages, which weighed as that many in finding and naming themes:
 * "One contribution (c123) is 2.1 MB, 3,512 passages, 92% of all passages; …". '' when none.
 */
export function describeLongContributions(records: readonly CleanRecord[]): string {
  const { heavy, passages } = heavyContributions(records);
  const [longest] = heavy;
  if (longest === undefined) return '';
  const id = inlineText(longest.id);
  const share = Math.round((100 * longest.passages) / Math.max(1, passages));
  const size = `${formatBytes(longest.bytes)}, ${count(longest.passages, 'passage')}, ${share}% of all passages`;
  const weighed = `weighed as much as ${count(CONTRIBUTION_WEIGHT_CAP, 'passage')}`;
  if (heavy.length === 1) {
    return `One contribution (${id}) is ${size}; in finding and naming themes it ${weighed}, as one voice among the others, and all its passages are still themed.`;
  }
  return `${count(heavy.length, 'contribution')} have more than ${count(CONTRIBUTION_WEIGHT_CAP, 'passage')}; in finding and naming themes each ${weighed}, as one voice among the others, and all their passages are still themed. The longest (${id}) is ${size}.`;
}
