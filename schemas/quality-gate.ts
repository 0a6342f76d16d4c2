// eval/quality-gate.json: the least value each figure of `brief eval themes --quick` and of
// `brief eval synthesis` may have.
import { z } from 'zod';

/**
 * Minimums by full figure name: `<set>.<row>.<figure>` (`argkp.tool.guidedAccuracy`) or
 * `statements.<source>.<task>.<figure>` (`statements.argkp.proposal.precision`).
 */
export const QualityGate = z.strictObject({
  /** What the file is and how to change it; not read by the gate. */
  about: z.string(),
  minimums: z.record(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9_-]+)+\.[A-Za-z]+$/), z.number()),
});
export type QualityGate = z.infer<typeof QualityGate>;
