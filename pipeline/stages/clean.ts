/**
 * The clean stage: every contribution becomes exactly one clean record, in input order: kept
 * (with passages), a duplicate of a kept record, an answer saying only that nothing needs to
 * change (to a question asking what could be better), or excluded with a reason.
 */
import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import { accountFor } from '../clean/accounting.js';
import type { CleanShared, Draft } from '../clean/clean-texts-task.js';
import { CharacterProgress } from '../clean/progress.js';
import { detectLanguages, primaryLanguage } from '../nlp/language.js';
import { placesSeen } from '../nlp/name-places.js';
import { type DuplicateMatch, findDuplicates } from '../nlp/near-duplicates.js';
import { segmentPassages } from '../nlp/passages.js';
import { redactOptionsOf } from '../nlp/redact.js';
import { countPhase, stageProgress } from '../progress-counter.js';
import { type StageContext, type StageResult, throwIfAborted } from '../stage.js';
import { createQuestionTexts } from '../synthesis/findings/question-match.js';
import { onlySaysNothingToChange } from '../synthesis/reading/nothing-to-change.js';
import { mapInWorkers } from '../workers/pool.js';

/**
 * Below this many characters in all, texts are cleaned in this thread. Starting a worker costs
 * about 0.6 s of CPU (the cleaning code, wink's lexicon, faker's name lists) for each of the two
 * passes, and cleaning takes about 0.3 s per million characters (100,000 contributions: 12.9
 * million characters, 3.6 s in one thread, 8 to 9 s of CPU on two workers), so two threads
 * pay off from about 16 million characters. `setParallelCleanChars` moves it for tests.
 */
let parallelMinChars = 16_000_000;

/** Sets the characters of text from which clean uses worker threads; returns the previous value. */
export function setParallelCleanChars(chars: number): number {
  const previous = parallelMinChars;
  parallelMinChars = chars;
  return previous;
}

/**
 * Cleans, redacts, deduplicates and segments contributions. Returns one record per contribution
 * in input order, and the accounting counts for the manifest.
 */
export async function cleanContributions(
  contributions: Contribution[],
  ctx: StageContext,
): Promise<StageResult<CleanRecord[]>> {
  const progress = new CharacterProgress(
    contributions.reduce((sum, c) => sum + c.text.length, 0),
    (done, total) => ctx.progress({ stage: 'clean', unit: 'characters', done, total }),
  );
  const drafts = await cleanAll(contributions, ctx, progress);
  const languages = await detectLanguages(
    drafts.map((draft, i) => ({ text: draft.text, declared: contributions[i]?.language ?? null })),
    ctx.config.language,
    (done, total) => {
      throwIfAborted(ctx.signal, 'Clean');
      ctx.progress({ stage: 'clean', phase: 'languages', unit: 'texts', done, total });
    },
  );
  throwIfAborted(ctx.signal, 'Clean');
  const nothing = nothingToChangeAnswers(contributions, drafts, languages, ctx);
  const duplicates = matchDuplicates(contributions, drafts, nothing, ctx);
  throwIfAborted(ctx.signal, 'Clean');
  const known = { contributions, drafts, languages, nothing, duplicates };
  const records = buildRecords(known, ctx, progress);
  progress.finish();
  const acc = accountFor(records);
  const counts = {
    read: acc.read,
    kept: acc.kept,
    duplicates: acc.duplicates.exact + acc.duplicates.near,
    nothingToChange: acc.nothingToChange,
    excluded: Object.values(acc.excluded).reduce((a, b) => a + b, 0),
    passages: acc.passages,
  };
  return { output: records, counts };
}

/**
 * Text cleaning and exclusion, the per-record work, on `ctx.threads` worker threads when the
 * texts are long enough to repay starting them (see `parallelMinChars`); the same drafts
 * either way. Reports progress as texts (or chunks of them) finish; stops when cancelled.
 */
async function cleanAll(
  contributions: readonly Contribution[],
  ctx: StageContext,
  progress: CharacterProgress,
): Promise<Draft[]> {
  const lengths = contributions.map((c) => c.text.length);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  const threads = total < parallelMinChars ? 1 : ctx.threads;
  if (threads > 1) ctx.logger.debug(`clean: cleaning texts on ${threads} worker threads`);
  const items = contributions.map(({ text, markup, rejected, language }) => ({
    text,
    markup,
    rejected,
    language,
  }));
  return mapInWorkers('clean-texts', items, {
    threads,
    signal: ctx.signal,
    shared: await cleanSharedOf(contributions, ctx, threads),
    onProgress: (_done, _total, { start, end }) => {
      if (threads > 1) progress.pass(sumOf(lengths, start, end));
    },
    onItemShare: (i, share) => {
      const length = lengths[i] ?? 0;
      if (share < 1) progress.within(length, share);
      else progress.pass(length);
    },
  });
}

/**
 * What every thread cleaning texts needs: the config's options and, when names are redacted, the
 * name finder's languages (those the contributions declare and the configured one) and the
 * places the contributions name (each text's sightings found on `threads` threads).
 */
async function cleanSharedOf(
  contributions: readonly Contribution[],
  ctx: StageContext,
  threads: number,
): Promise<CleanShared> {
  const redact = redactOptionsOf(ctx.config.privacy);
  const { language } = ctx.config;
  const common = {
    redact,
    stripBoilerplate: ctx.config.clean.stripBoilerplate,
    minLetters: ctx.config.clean.minLetters,
    language,
  };
  if (!redact.names) return { ...common, names: null };
  const declared = contributions.flatMap((c) => primaryLanguage(c.language) ?? []);
  const languages = [...new Set([language, ...declared])];
  const texts = contributions.map((c) => c.text);
  const pool = { threads, signal: ctx.signal, shared: { languages } };
  const sightings = await mapInWorkers('place-sightings', texts, pool);
  return { ...common, names: { languages, places: [...placesSeen(sightings)] } };
}

function sumOf(values: readonly number[], start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum += values[i] ?? 0;
  return sum;
}

/**
 * The contributions (by index) that say only that nothing needs to change, to a question asking
 * what could be better (see `onlySaysNothingToChange`): never excluded as too short, and never
 * themed. The question is the one the contribution's `question` value names (see
 * `createQuestionTexts`).
 */
function nothingToChangeAnswers(
  contributions: readonly Contribution[],
  drafts: readonly Draft[],
  languages: readonly string[],
  ctx: StageContext,
): Set<number> {
  const questionOf = createQuestionTexts(ctx.config.questions);
  const nothing = new Set<number>();
  drafts.forEach((draft, i) => {
    if (draft.reason !== null && draft.reason !== 'too-short') return;
    const question = questionOf(contributions[i]?.question ?? null);
    const language = languages[i] ?? ctx.config.language;
    if (onlySaysNothingToChange(draft.text, question, language)) nothing.add(i);
  });
  return nothing;
}

/** Duplicate detection among the records kept so far; indexed by contribution. */
function matchDuplicates(
  contributions: readonly Contribution[],
  drafts: readonly Draft[],
  nothing: ReadonlySet<number>,
  ctx: StageContext,
): Map<number, DuplicateMatch> {
  const candidates = drafts.flatMap((draft, i) =>
    draft.reason === null && !nothing.has(i) ? [i] : [],
  );
  const counter = countPhase(stageProgress(ctx, 'clean'), 'duplicates', 'texts', candidates.length);
  const matches = findDuplicates(
    candidates.map((i) => ({
      text: drafts[i]?.text ?? '',
      time: timeOf(contributions[i]?.date ?? null),
    })),
    ctx.config.clean.nearDuplicateThreshold,
    () => counter.add(),
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

/** What the stage knows of each contribution once cleaned, its language and duplicates found. */
interface Known {
  contributions: readonly Contribution[];
  drafts: readonly Draft[];
  languages: readonly string[];
  /** Answers saying only that nothing needs to change (see `nothingToChangeAnswers`). */
  nothing: ReadonlySet<number>;
  duplicates: ReadonlyMap<number, DuplicateMatch>;
}

function buildRecords(known: Known, ctx: StageContext, progress: CharacterProgress): CleanRecord[] {
  const { contributions, duplicates } = known;
  const records = contributions.map((contribution, i) => {
    const record = buildRecord(known, i, ctx, progress);
    progress.pass(contribution.text.length);
    return record;
  });
  for (const [i, { of }] of duplicates) {
    const original = records[of];
    if (original?.status === 'kept') original.duplicates.push(contributions[i]?.id ?? '');
  }
  return records;
}

/**
 * The record of contribution `i`: nothing to change, excluded, a duplicate, or kept and
 * segmented into passages.
 */
function buildRecord(
  known: Known,
  i: number,
  ctx: StageContext,
  progress: CharacterProgress,
): CleanRecord {
  const contribution = known.contributions[i] as Contribution;
  const draft = known.drafts[i] as Draft;
  const language = known.languages[i] ?? ctx.config.language;
  const common = {
    id: contribution.id,
    text: draft.text,
    language,
    removed: draft.removed,
    redactions: draft.redactions,
    ...(contribution.blankAnswers === undefined ? {} : { blankAnswers: contribution.blankAnswers }),
  };
  const duplicate = known.duplicates.get(i);
  if (known.nothing.has(i)) return { status: 'nothing-to-change', ...common, passages: [] };
  if (draft.reason !== null)
    return { status: 'excluded', reason: draft.reason, ...common, passages: [] };
  if (duplicate !== undefined) {
    const of = known.contributions[duplicate.of]?.id ?? '';
    return {
      status: 'duplicate',
      duplicateOf: of,
      match: duplicate.match,
      ...common,
      passages: [],
    };
  }
  const { maxPassageChars: maxChars, minPassageChars: minChars } = ctx.config.clean;
  const options = { maxChars, minChars, language };
  const passages = segmentPassages(contribution.id, draft.text, options, (offset) =>
    progress.within(contribution.text.length, offset / draft.text.length),
  );
  return { status: 'kept', duplicates: [], ...common, passages };
}
