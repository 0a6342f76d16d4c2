// `brief eval synthesis`, stance: where each ArgKP argument stands on its motion, read by the
// stance rules (pipeline/synthesis/reading/en/stance.ts) with the motion as the claim, against ArgKP's own
// pro/con labels, beside always answering the majority side.
import { ArgKpArgumentRow } from '../../schemas/argkp.js';
import type { StanceEvalRow } from '../../schemas/statement-eval.js';
import { claimOf, stanceOf } from '../synthesis/reading/en/stance.js';
import { ARGKP_DIR } from './datasets/argkp.js';
import { readCsvRows } from './datasets/csv-rows.js';

/**
 * Scores the stance rules on ArgKP's dev motions (4) and train motions (24): the share of
 * arguments they place on a side, their accuracy on those, their accuracy over all arguments
 * (an undecided one counts as wrong), and the majority-class baseline's accuracy.
 */
export async function evaluateStance(dir: string = ARGKP_DIR): Promise<StanceEvalRow[]> {
  const rows = await readCsvRows(dir, 'args_with_keypoint_labels.csv', ArgKpArgumentRow);
  const claims = new Map<string, ReturnType<typeof claimOf>>();
  return (['dev', 'train'] as const).map((split) => {
    let decided = 0;
    let right = 0;
    let pro = 0;
    const part = rows.filter(({ row }) => row.split === split);
    for (const { row } of part) {
      if (!claims.has(row.topic)) claims.set(row.topic, claimOf(row.topic));
      const claim = claims.get(row.topic);
      if (row.stance === 'pro') pro++;
      if (!claim) continue;
      const stance = stanceOf(row.argument, claim);
      if (stance === 'unclear') continue;
      decided++;
      if ((stance === 'support') === (row.stance === 'pro')) right++;
    }
    const n = part.length;
    return {
      set: `argkp-${split}`,
      motions: new Set(part.map(({ row }) => row.topic)).size,
      arguments: n,
      decided: n > 0 ? decided / n : 0,
      accuracyDecided: decided > 0 ? right / decided : 0,
      accuracy: n > 0 ? right / n : 0,
      majority: n > 0 ? Math.max(pro, n - pro) / n : 0,
    };
  });
}
