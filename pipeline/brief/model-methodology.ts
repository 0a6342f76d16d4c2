// What the methodology says a language model named and wrote, and where the offline text stands instead.
import type { Findings, ModelParts } from '../../schemas/findings.js';
import type { Themes } from '../../schemas/themes.js';
import { listOf } from '../synthesis/findings/theme-findings.js';
import { count } from './people.js';

type ByModel = NonNullable<Findings['grounding']['byModel']>;

/** The kinds of part, with how the methodology names what the model wrote of them. */
const KINDS: readonly { kind: keyof ByModel; written: string; noun: string }[] = [
  { kind: 'themes', written: 'the findings of', noun: 'theme' },
  { kind: 'questions', written: 'the answers to', noun: 'question' },
  { kind: 'weeks', written: 'the points of', noun: 'week' },
  { kind: 'keyMessages', written: 'the key messages', noun: '' },
];

const CHECKS =
  'Every statement was checked against its sources: its citations must resolve, each cited passage must itself carry most of the statement (a citation that does not is dropped, and support counts only the rest), its quotes must be verbatim, and its words must be carried by the passages it cites.';

/**
 * ", and named by a language model" for the themes sentence (the model is named in the annex),
 * with the names that failed their checks and kept the offline ones; '' when named offline.
 */
export function namingText(method: Themes['method']): string {
  if (!method.labelledBy) return '';
  const rejected = method.labelsRejected ?? 0;
  return `, and named by a language model${rejected > 0 ? `, except for ${count(rejected, 'name or description', 'names or descriptions')} that failed the checks (length, markup, instructions, or words its theme's passages do not have) and kept the offline one${rejected === 1 ? '' : 's'}` : ''}`;
}

/**
 * Who wrote the findings in LLM mode (the model is named in the annex): the model for every
 * part, or which parts it wrote and which fell back to the offline text and why; never
 * "written by a language model" when the model wrote nothing that is shown.
 */
export function modelWritingText(findings: Findings): string {
  const by = findings.grounding.byModel;
  const asked = by ? KINDS.filter(({ kind }) => total(by[kind]) > 0) : [];
  const all = `The summaries, key points, proposals, concerns, answers to the questions and weekly points were written by a language model from the passages, citing them; counts, votes, minority views and trends were computed. ${CHECKS}`;
  if (!by || asked.every(({ kind }) => by[kind].model === total(by[kind]))) return all;
  const malformed = parts(by, asked, 'malformed');
  const failed = parts(by, asked, 'failedChecks');
  const reasons = [
    malformed &&
      `${malformed} fell back to the offline synthesiser's text because the model's replies were malformed`,
    failed &&
      `${failed} show the offline text because every statement the model wrote for them failed the checks`,
  ].filter(Boolean);
  const wrote = asked
    .filter(({ kind }) => by[kind].model > 0)
    .map(({ kind, written, noun }) =>
      noun ? `${written} ${by[kind].model} of ${count(total(by[kind]), noun)}` : written,
    );
  if (wrote.length === 0) {
    return `The language model wrote none of the findings: it was asked, but ${reasons.join(', and ')}. Every finding is the offline synthesiser's: contributors' own sentences in fixed frames, and counts.`;
  }
  return `A language model wrote ${listOf(wrote)}, citing the passages; ${reasons.join(', and ')}. Counts, votes, minority views and trends were computed. ${CHECKS}`;
}

function total(parts: ModelParts): number {
  return parts.model + parts.failedChecks + parts.malformed;
}

/** "3 themes and the key messages": the parts of each kind with `field` counted, or ''. */
function parts(by: ByModel, kinds: typeof KINDS, field: 'malformed' | 'failedChecks'): string {
  return listOf(
    kinds
      .filter(({ kind }) => by[kind][field] > 0)
      .map(({ kind, written, noun }) => (noun ? count(by[kind][field], noun) : written)),
  );
}
