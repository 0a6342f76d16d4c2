import { UsageError } from '../errors.js';
import type { ReviewSession } from './session.js';

/** Writes one row per passage to a .csv or .xlsx file; returns the number of rows. */
export async function exportReviewSheet(_session: ReviewSession, _file: string): Promise<number> {
  throw new UsageError('--export is not built yet');
}

/** Turns an edited sheet into decisions; returns a report of what it did. */
export async function importReviewSheet(
  _session: ReviewSession,
  _file: string,
  _reviewer: string | null,
): Promise<string> {
  throw new UsageError('--import is not built yet');
}
