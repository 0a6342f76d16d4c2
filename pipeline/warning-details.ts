// The details of long warnings: collected while a stage runs, written by the runner beside its artifact.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileRecord } from '../schemas/manifest.js';
import { WarningDetail } from '../schemas/warning-details.js';
import { writeFileAtomic } from './atomic-write.js';
import { ArtifactError } from './errors.js';
import type { Logger, WarningDetails } from './stage.js';
import { formatIssues } from './zod-issues.js';

/** The file in the run folder that holds the details of a stage's warnings. */
export function warningsFile(stage: string): string {
  return `${stage}-warnings.jsonl`;
}

/** A logger for one stage that keeps the details of its warnings (see {@link Logger.warn}). */
export interface DetailsLogger extends Logger {
  /** The file the details go to, relative to the run folder. */
  readonly file: string;
  /** Details collected so far, one JSON line each. */
  readonly lines: readonly string[];
}

/**
 * Wraps `logger` for one stage: a warning with details is printed as its one line followed by
 * where the whole list is (`; all 850 in ingest-warnings.jsonl`), and its entries are kept.
 */
export function collectWarningDetails(logger: Logger, stage: string): DetailsLogger {
  const file = warningsFile(stage);
  const lines: string[] = [];
  return {
    file,
    lines,
    debug: (message) => logger.debug(message),
    info: (message) => logger.info(message),
    warn(message, details) {
      if (!details || details.entries.length === 0) return logger.warn(message);
      for (const entry of details.entries) lines.push(detailLine(file, details, entry));
      logger.warn(`${message}; all ${details.entries.length.toLocaleString('en')} in ${file}`);
    },
  };
}

/** One entry as a JSON line, checked against the schema. */
function detailLine(
  file: string,
  details: WarningDetails,
  entry: WarningDetails['entries'][number],
): string {
  const parsed = WarningDetail.safeParse({ warning: details.warning, ...entry });
  if (!parsed.success) {
    const issues = formatIssues(parsed.error);
    throw new ArtifactError(`${file}: invalid detail of "${details.warning}": ${issues}`, file);
  }
  return `${JSON.stringify(parsed.data)}\n`;
}

/**
 * Writes the details a stage collected to its file in `outDir` and returns the file's record
 * (an attachment of the stage, so a cached stage keeps it); with none, removes a file left by an
 * earlier run and returns null.
 */
export async function writeWarningDetails(
  outDir: string,
  logger: DetailsLogger,
): Promise<FileRecord | null> {
  const path = join(outDir, logger.file);
  if (logger.lines.length === 0) {
    await rm(path, { force: true });
    return null;
  }
  return { file: logger.file, ...(await writeFileAtomic(path, logger.lines)) };
}
