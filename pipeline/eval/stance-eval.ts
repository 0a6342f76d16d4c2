// `brief eval synthesis`, stance: where each whole ArgKP argument stands on its motion, read by
// `claimStance` (pipeline/synthesis/reading/stance.ts) with the motion as the claim, against
// ArgKP's own pro/con labels, beside always answering the majority side. The motions are cut in
// two halves: the rules were tuned on the errors of the tune half only, the other is held out.
import { ArgKpArgumentRow } from '../../schemas/argkp.js';
import type { StanceEvalRow } from '../../schemas/statement-eval.js';
import { claimStance } from '../synthesis/reading/stance.js';
import { ARGKP_DIR } from './datasets/argkp.js';
import { readCsvRows } from './datasets/csv-rows.js';

/** The two halves of ArgKP's 28 motions: in alphabetical order, even places tune, odd held out. */
export type MotionHalf = 'tune' | 'held-out';

/** The half a motion belongs to, given all motions. */
function motionHalf(motion: string, motions: readonly string[]): MotionHalf {
  const sorted = [...new Set(motions)].sort();
  return sorted.indexOf(motion) % 2 === 0 ? 'tune' : 'held-out';
}

/**
 * Scores the stance rules on the two halves of ArgKP's motions: the share of arguments they
 * place on a side, their accuracy on those, their accuracy over all arguments (an undecided one
 * counts as wrong), and the majority-class baseline's accuracy.
 */
export async function evaluateStance(dir: string = ARGKP_DIR): Promise<StanceEvalRow[]> {
  const rows = await readCsvRows(dir, 'args_with_keypoint_labels.csv', ArgKpArgumentRow);
  const motions = rows.map(({ row }) => row.topic);
  return (['tune', 'held-out'] as const).map((half) => {
    let decided = 0;
    let right = 0;
    let pro = 0;
    const part = rows.filter(({ row }) => motionHalf(row.topic, motions) === half);
    for (const { row } of part) {
      if (row.stance === 'pro') pro++;
      const position = claimStance(row.argument, row.topic, 'en');
      if (position === 'unclear') continue;
      decided++;
      if ((position === 'favour') === (row.stance === 'pro')) right++;
    }
    const n = part.length;
    return {
      set: `argkp-${half}`,
      motions: new Set(part.map(({ row }) => row.topic)).size,
      arguments: n,
      decided: n > 0 ? decided / n : 0,
      accuracyDecided: decided > 0 ? right / decided : 0,
      accuracy: n > 0 ? right / n : 0,
      majority: n > 0 ? Math.max(pro, n - pro) / n : 0,
    };
  });
}
