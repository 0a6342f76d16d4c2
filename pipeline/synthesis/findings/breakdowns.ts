// Who said what: per respondent attribute, each group's share raising each theme and on each split.
import { attributeLabels, type BriefConfig } from '../../../schemas/consultation.js';
import type { Contribution } from '../../../schemas/contribution.js';
import type {
  AttributeBreakdown,
  Breakdowns,
  ClosedQuestion,
  Findings,
  StanceSplit,
} from '../../../schemas/findings.js';
import { participantsByContribution } from '../../participants.js';
import { closedAnswers } from './breakdown-closed.js';
import {
  type AttributeRow,
  type GroupedAttribute,
  groupsOf,
  valuesOf,
} from './breakdown-groups.js';
import { breakdownRow, markDifferences, type RowSpec } from './breakdown-rows.js';
import type { SynthesisCorpus } from './corpus.js';

/** The family-wise error rate Holm's correction keeps: the chance of any false flag in a brief. */
export const BREAKDOWN_ALPHA = 0.05;

/** What breakdowns are computed from, the corpus and findings read into sets of participants. */
export interface BreakdownInput {
  /** The attribute columns, in the config's order. */
  attributes: readonly string[];
  /** Every contribution's attributes and participant, in input order. */
  rows: readonly AttributeRow[];
  /** The participants of the kept contributions: the people the shares are of. */
  participants: ReadonlySet<string>;
  /** Top-level themes, largest first, and the participants who raised each. */
  themes: readonly { id: string; label: string; participants: ReadonlySet<string> }[];
  /** Reliable splits (questions, leading proposals) and who is on each side. */
  splits: readonly {
    kind: 'question' | 'leading-proposal';
    id: string;
    label: string;
    favour: ReadonlySet<string>;
    against: ReadonlySet<string>;
  }[];
  options: Pick<BriefConfig, 'breakdownMinGroup' | 'breakdownMinDifference' | 'breakdownMaxGroups'>;
}

/**
 * The breakdowns by every attribute: closed yes/no questions counted as splits of their own;
 * every other attribute with two or more groups of at least `breakdownMinGroup` participants
 * broken down by theme, by split and by closed question; every cell tested against the rest of
 * its attribute's groups, all tests Holm-corrected together, and marked where the difference is
 * both significant and at least `breakdownMinDifference`.
 */
export function computeBreakdowns(input: BreakdownInput): Breakdowns {
  const { breakdownMinGroup: minGroup, breakdownMaxGroups: maxGroups } = input.options;
  const index = new Map([...input.participants].map((p, i) => [p, i]));
  const closed: { question: ClosedQuestion; states: Int8Array }[] = [];
  const grouped: GroupedAttribute[] = [];
  const skipped: Breakdowns['skipped'] = [];
  for (const attribute of input.attributes) {
    const values = valuesOf(input.rows, attribute, index);
    const answers = closedAnswers(values);
    if (answers) {
      closed.push({ question: { attribute, ...answers.counts }, states: answers.states });
      continue;
    }
    const groups = groupsOf(attribute, values, { minGroup, maxGroups });
    if ('reason' in groups) skipped.push(groups);
    else grouped.push(groups);
  }
  const specs = rowSpecs(input, index, closed);
  const attributes: AttributeBreakdown[] = grouped.map((g) => ({
    attribute: g.attribute,
    groups: g.groups,
    unanswered: g.unanswered,
    leftOut: g.leftOut,
    // A split no group has enough people on (both sides together) says nothing by group.
    rows: specs
      .map((spec) => breakdownRow(spec, g, minGroup))
      .filter((row) => row.kind === 'theme' || row.cells.some((cell) => cell.p !== null)),
  }));
  const { breakdownMinDifference: minDifference } = input.options;
  const tests = markDifferences(attributes, BREAKDOWN_ALPHA, minDifference);
  return {
    minGroup,
    minDifference,
    alpha: BREAKDOWN_ALPHA,
    tests,
    attributes,
    closed: closed.map((c) => c.question),
    skipped,
  };
}

/** The rows every breakdown has: themes, then splits, then closed questions. */
function rowSpecs(
  input: BreakdownInput,
  index: ReadonlyMap<string, number>,
  closed: readonly { question: ClosedQuestion; states: Int8Array }[],
): RowSpec[] {
  const flag = (who: ReadonlySet<string>, bit: number, into: Int8Array) => {
    for (const p of who) {
      const i = index.get(p);
      if (i !== undefined) into[i] = (into[i] as number) | bit;
    }
    return into;
  };
  const themes = input.themes.map(
    (t): RowSpec => ({
      kind: 'theme',
      id: t.id,
      label: t.label,
      states: flag(t.participants, 1, new Int8Array(index.size)),
    }),
  );
  const splits = input.splits.map((s): RowSpec => {
    const sides = flag(s.against, 2, flag(s.favour, 1, new Int8Array(index.size)));
    // In favour only: a hit; against only: a miss; on both sides (two contributions read
    // apart) or on neither: not counted.
    const states = sides.map((f) => (f === 1 ? 1 : f === 2 ? 0 : -1));
    return { kind: s.kind, id: s.id, label: s.label, states };
  });
  const questions = closed.map(
    ({ question, states }): RowSpec => ({
      kind: 'closed',
      id: question.attribute,
      label: question.attribute,
      states,
    }),
  );
  return [...themes, ...splits, ...questions];
}

/**
 * The breakdowns of a synthesis: its participants, its top-level themes (largest first) and its
 * reliable splits (guiding questions, then themes' leading proposals) read from the corpus and
 * findings, and each contribution's attributes; null when the config names no attributes.
 */
export function breakdownsOf(
  corpus: SynthesisCorpus,
  contributions: readonly Contribution[],
  findings: Pick<Findings, 'themes' | 'questions'>,
): Breakdowns | null {
  const { config } = corpus;
  if (config.input.attributes.length === 0) return null;
  const participantOf = participantsByContribution(contributions);
  const rows: AttributeRow[] = contributions.map((c) => ({
    participant: participantOf(c.id),
    attributes: c.attributes,
  }));
  const participantsOf = (passageIds: readonly string[]) =>
    new Set(passageIds.flatMap((id) => corpus.byId.get(id)?.participants ?? []));
  const themes = corpus.themes.themes
    .filter((t) => t.parentId === null)
    .map((t) => ({
      id: t.id,
      label: labelOf(findings, t.id, t.label),
      participants: participantsOf(t.passageIds),
    }))
    .filter((t) => t.participants.size > 0)
    .sort((a, b) => b.participants.size - a.participants.size || a.id.localeCompare(b.id));
  const split = (kind: 'question' | 'leading-proposal', id: string, stance: StanceSplit | null) =>
    stance?.reliable
      ? [
          {
            kind,
            id,
            label: stance.claim,
            favour: participantsOf(stance.favour.citations),
            against: participantsOf(stance.against.citations),
          },
        ]
      : [];
  return computeBreakdowns({
    attributes: attributeLabels(config.input),
    rows,
    participants: new Set(corpus.passages.flatMap((p) => p.participants)),
    themes,
    splits: [
      ...findings.questions.flatMap((q) => split('question', q.questionId, q.stance)),
      ...findings.themes
        .filter((t) => t.parentId === null)
        .flatMap((t) => split('leading-proposal', t.themeId, t.stance)),
    ],
    options: config.brief,
  });
}

/** A theme's label as the findings give it (a model may have renamed it). */
function labelOf(findings: Pick<Findings, 'themes'>, id: string, fallback: string): string {
  return findings.themes.find((t) => t.themeId === id)?.label ?? fallback;
}
