/**
 * The `stance <question>` columns of `assignments.csv`: each contribution's position on each
 * guiding question with a split, so an analyst can audit the counts the brief gives.
 */
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { QuestionFindings, StanceSplit } from '../../schemas/findings.js';

/** One column: its header and the position of each contribution on the question. */
export interface StanceColumn {
  header: string;
  positions: ReadonlyMap<string, Place>;
}

/** Where a contribution stands on a split. */
type Place = 'favour' | 'against' | 'conditional' | 'compromise' | 'unclear';

/**
 * A column per question with a split (shown or not), in the questions' order. A contribution's
 * position is the side its passages are cited on; a duplicate takes the position of the
 * contribution it was merged into, as it counts as one more voice there.
 */
export function stanceColumns(
  questions: readonly QuestionFindings[],
  records: readonly CleanRecord[],
): StanceColumn[] {
  const contributionOf = new Map<string, string>();
  for (const record of records) {
    if (record.status !== 'kept') continue;
    for (const passage of record.passages) contributionOf.set(passage.id, record.id);
  }
  return questions.flatMap((question) => {
    if (!question.stance) return [];
    const positions = new Map<string, Place>();
    for (const [side, citations] of sides(question.stance)) {
      for (const id of citations) {
        const contribution = contributionOf.get(id);
        if (contribution !== undefined) positions.set(contribution, side);
      }
    }
    for (const record of records) {
      const kept = record.status === 'duplicate' ? positions.get(record.duplicateOf) : undefined;
      if (kept) positions.set(record.id, kept);
    }
    return [{ header: `stance ${question.questionId}`, positions }];
  });
}

function sides(split: StanceSplit): [Place, readonly string[]][] {
  return [
    ['favour', split.favour.citations],
    ['against', split.against.citations],
    ['conditional', split.conditional.citations],
    ['compromise', split.compromise.citations],
    ['unclear', split.unclear.citations],
  ];
}
