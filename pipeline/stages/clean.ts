/**
 * The clean stage: every contribution becomes exactly one clean record, in input order: kept
 * (with passages), a duplicate of a kept record, or excluded with a reason.
 */
import type { CleanRecord, ExclusionReason } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import { accountFor } from '../clean/accounting.js';
import { type CleanedText, cleanText } from '../clean/clean-text.js';
import { exclusionReason } from '../clean/exclusions.js';
import { detectLanguages } from '../nlp/language.js';
import { type DuplicateMatch, findDuplicates } from '../nlp/near-duplicates.js';
import { segmentPassages } from '../nlp/passages.js';
import { type StageContext, type StageResult, throwIfAborted } from '../stage.js';

/** Records between progress reports, abort checks and yields to the event loop. */
const BATCH = 2000;

interface Draft extends CleanedText {
  reason: ExclusionReason | null;
}

/**
 * Cleans, redacts, deduplicates and segments contributions. Returns one record per contribution
 * in input order, and the accounting counts for the manifest.
 */
export async function cleanContributions(
  contributions: Contribution[],
  ctx: StageContext,
): Promise<StageResult<CleanRecord[]>> {
  const drafts = await cleanAll(contributions, ctx);
  const languages = await detectLanguages(
    drafts.map((draft, i) => ({ text: draft.text, declared: contributions[i]?.language ?? null })),
    ctx.config.language,
    () => throwIfAborted(ctx.signal, 'Clean'),
  );
  throwIfAborted(ctx.signal, 'Clean');
  const duplicates = matchDuplicates(contributions, drafts, ctx);
  throwIfAborted(ctx.signal, 'Clean');
  const records = buildRecords(contributions, drafts, languages, duplicates, ctx);
  ctx.progress({
    stage: 'clean',
    unit: 'records',
    done: contributions.length,
    total: contributions.length,
  });
  const acc = accountFor(records);
  const counts = {
    read: acc.read,
    kept: acc.kept,
    duplicates: acc.duplicates.exact + acc.duplicates.near,
    excluded: Object.values(acc.excluded).reduce((a, b) => a + b, 0),
    passages: acc.passages,
  };
  return { output: records, counts };
}

/** Text cleaning and exclusion, the per-record work; yields now and then so aborts get through. */
async function cleanAll(
  contributions: readonly Contribution[],
  ctx: StageContext,
): Promise<Draft[]> {
  const options = {
    redact: ctx.config.privacy.redact,
    stripBoilerplate: ctx.config.clean.stripBoilerplate,
  };
  const total = contributions.length;
  const drafts: Draft[] = [];
  for (const [i, contribution] of contributions.entries()) {
    if (i % BATCH === 0 && i > 0) {
      ctx.progress({ stage: 'clean', unit: 'records', done: i, total });
      await new Promise((resolve) => setImmediate(resolve));
      throwIfAborted(ctx.signal, 'Clean');
    }
    const cleaned = cleanText(contribution.text, contribution.markup, options);
    const reason = exclusionReason(
      cleaned.text,
      contribution.rejected,
      ctx.config.clean.minLetters,
    );
    drafts.push({ ...cleaned, reason });
  }
  return drafts;
}

/** Duplicate detection among the records not otherwise excluded; indexed by contribution. */
function matchDuplicates(
  contributions: readonly Contribution[],
  drafts: readonly Draft[],
  ctx: StageContext,
): Map<number, DuplicateMatch> {
  const candidates = drafts.flatMap((draft, i) => (draft.reason === null ? [i] : []));
  const matches = findDuplicates(
    candidates.map((i) => ({
      text: drafts[i]?.text ?? '',
      time: timeOf(contributions[i]?.date ?? null),
    })),
    ctx.config.clean.nearDuplicateThreshold,
  );
  const byContribution = new Map<number, DuplicateMatch>();
  matches.forEach((match, k) => {
    if (match !== null) {
      byContribution.set(candidates[k] ?? -1, {
        of: candidates[match.of] ?? -1,
        match: match.match,
      });
    }
  });
  return byContribution;
}

function timeOf(date: string | null): number {
  const time = date === null ? Number.NaN : Date.parse(date);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

function buildRecords(
  contributions: readonly Contribution[],
  drafts: readonly Draft[],
  languages: readonly string[],
  duplicates: ReadonlyMap<number, DuplicateMatch>,
  ctx: StageContext,
): CleanRecord[] {
  const { maxPassageChars: maxChars, minPassageChars: minChars } = ctx.config.clean;
  const records: CleanRecord[] = contributions.map((contribution, i) => {
    const draft = drafts[i] as Draft;
    const language = languages[i] ?? ctx.config.language;
    const common = {
      id: contribution.id,
      text: draft.text,
      language,
      removed: draft.removed,
      redactions: draft.redactions,
    };
    const duplicate = duplicates.get(i);
    if (draft.reason !== null)
      return { status: 'excluded', reason: draft.reason, ...common, passages: [] };
    if (duplicate !== undefined) {
      const of = contributions[duplicate.of]?.id ?? '';
      return {
        status: 'duplicate',
        duplicateOf: of,
        match: duplicate.match,
        ...common,
        passages: [],
      };
    }
    const passages = segmentPassages(contribution.id, draft.text, { maxChars, minChars, language });
    return { status: 'kept', duplicates: [], ...common, passages };
  });
  for (const [i, { of }] of duplicates) {
    const original = records[of];
    if (original?.status === 'kept') original.duplicates.push(contributions[i]?.id ?? '');
  }
  return records;
}
