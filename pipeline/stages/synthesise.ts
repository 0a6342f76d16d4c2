import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Consultation } from '../../schemas/consultation.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { Findings, ThemeFindings } from '../../schemas/findings.js';
import type { ReviewedThemes } from '../../schemas/review.js';
import type { Ballots } from '../../schemas/votes.js';
import { StageError } from '../errors.js';
import { contentWords } from '../nlp/tokenise.js';
import type { WordVectors } from '../nlp/word-vectors.js';
import { countPhase, stageProgress } from '../progress-counter.js';
import { listInputs, quoteInput } from '../quote-input.js';
import { excludedPassages, withoutExcluded } from '../review/exclusions.js';
import type { StageContext, StageResult } from '../stage.js';
import { breakdownsOf } from '../synthesis/findings/breakdowns.js';
import { buildCorpus, type SynthesisCorpus } from '../synthesis/findings/corpus.js';
import { createOfflineSynthesiser } from '../synthesis/findings/offline-synthesiser.js';
import { withPinnedQuotes } from '../synthesis/findings/pinned-quotes.js';
import { prioritiesOf } from '../synthesis/findings/priorities.js';
import { reusableFindings, themeFamilyKeys } from '../synthesis/findings/theme-reuse.js';
import { votedSelfDescriptions } from '../synthesis/findings/votes.js';
import { enforceGrounding } from '../synthesis/model/grounding.js';
import { rewriteWithModel, SYNTHESIS_PROMPTS } from '../synthesis/model/llm-synthesiser.js';
import { readStatements } from '../synthesis/model/read-statements.js';
import { translatePassages } from '../synthesis/model/translate.js';
import { tagOnThreads } from '../synthesis/reading/en/tag-preload.js';
import { unreadLanguages, unreadWarning } from '../synthesis/reading/unread.js';
import type { Vectors } from '../vectors-file.js';
import { llmSlice } from './llm-slice.js';
import { passageRows } from './themes.js';

/** The synthesise stage's version: bump when findings change for the same input. */
export const SYNTHESISE_VERSION = 8;

/** The part of the config the findings depend on (the stage's cache key, and each theme's). */
export function synthesiseSlice(config: Consultation): unknown {
  return {
    title: config.title,
    language: config.language,
    questions: config.questions,
    weeks: config.weeks,
    credit: config.privacy.credit,
    llm: llmSlice(config, SYNTHESIS_PROMPTS, {
      objective: config.objective,
      model: config.llm.models.synthesis,
      maxPromptTokens: config.llm.maxPromptTokens,
      translation: config.llm.translate ? config.llm.models.translation : null,
      reading: config.llm.readStatements
        ? { model: config.llm.models.reading, batchSize: config.llm.readingBatchSize }
        : null,
    }),
  };
}

/**
 * The stage's cache key slice: the findings' slice, and with respondent attributes what their
 * breakdowns depend on (kept out of `synthesiseSlice`, so that it leaves themes' keys alone).
 */
export function synthesiseStageSlice(config: Consultation): unknown {
  const { attributes } = config.input;
  if (attributes.length === 0) return synthesiseSlice(config);
  const { breakdownMinGroup, breakdownMinDifference, breakdownMaxGroups } = config.brief;
  return {
    ...(synthesiseSlice(config) as object),
    breakdowns: { attributes, breakdownMinGroup, breakdownMinDifference, breakdownMaxGroups },
  };
}

export interface SynthesiseInputs {
  records: readonly CleanRecord[];
  contributions: readonly Contribution[];
  themes: ReviewedThemes;
  vectors: Vectors;
  words: WordVectors;
  ballots: Ballots;
  /** The findings of the stage's previous run, whose unchanged themes are reused; or null. */
  previous: Findings | null;
}

/**
 * The synthesise stage: findings per theme, question and week and the executive summary, from
 * the offline synthesiser or (with a language model) the LLM synthesiser, after translating
 * passages when `llm.translate` asks for it, through the grounding checks into `findings.json`.
 * Passages a reviewer excluded are left out of everything; pinned quotes come first. A theme
 * whose key (see `themeFamilyKeys`) matches the previous findings' keeps them; the rest, and
 * every part across themes, are written again.
 */
export async function synthesiseFindings(
  inputs: SynthesiseInputs,
  ctx: StageContext,
): Promise<StageResult<Findings>> {
  const progress = stageProgress(ctx, 'synthesise');
  const prepared = countPhase(progress, 'corpus', 'steps', 1);
  const built = reviewedCorpus(inputs, ctx);
  prepared.add();
  const { count, example } = built.unmatchedQuestions;
  if (count > 0) {
    ctx.logger.warn(
      `synthesise: ${count} contributions name a question that is none of the config's ids or texts, e.g. ${quoteInput(example ?? '')}: they count under no question (when most contributions have no matching value, all are matched to questions by their words instead)`,
    );
  }
  const subject = new Set(
    [ctx.config.title, ...ctx.config.questions.map((q) => q.text)].flatMap((text) =>
      contentWords(text, ctx.config.language),
    ),
  );
  const llm = await ctx.llm();
  const { corpus: translatedCorpus, translated } =
    llm && ctx.config.llm.translate
      ? await translatePassages(built, llm, ctx.config.llm.models.translation)
      : { corpus: built, translated: 0 };
  // The model reads statements before any finding is built; the rules read what it leaves.
  const reading =
    llm && ctx.config.llm.readStatements
      ? await readStatements(translatedCorpus, llm, {
          model: ctx.config.llm.models.reading,
          batchSize: ctx.config.llm.readingBatchSize,
          maxPromptTokens: ctx.config.llm.maxPromptTokens,
        })
      : null;
  const corpus = reading ? { ...translatedCorpus, readings: reading.readings } : translatedCorpus;
  const pins = inputs.themes.review.themes;
  const keyed = countPhase(progress, 'earlier findings', 'steps', 1);
  const keys = themeFamilyKeys(corpus, pins, {
    version: SYNTHESISE_VERSION,
    config: synthesiseSlice(ctx.config),
  });
  const reused = reusableFindings(inputs.previous, keys, corpus);
  keyed.add();
  const tagging = performance.now();
  const tagged = await tagOnThreads(
    corpus.passages.flatMap((p) => (p.language === 'en' ? [p.text] : [])),
    {
      threads: ctx.threads,
      signal: ctx.signal,
      onProgress: (done, total) =>
        ctx.progress({ stage: 'synthesise', phase: 'tagging', unit: 'sentences', done, total }),
    },
  );
  if (tagged > 0) {
    const seconds = ((performance.now() - tagging) / 1000).toFixed(1);
    ctx.logger.debug(
      `synthesise: ${tagged} sentences tagged on ${ctx.threads} threads in ${seconds} s`,
    );
  }
  const offline = await createOfflineSynthesiser().synthesise(corpus, {
    signal: ctx.signal,
    subject,
    reused,
    progress,
  });
  const written = llm
    ? await rewriteWithModel(
        corpus,
        offline,
        llm,
        {
          model: ctx.config.llm.models.synthesis,
          maxPromptTokens: ctx.config.llm.maxPromptTokens,
          title: ctx.config.title,
          objective: ctx.config.objective,
          language: ctx.config.language,
        },
        new Set(reused.keys()),
      )
    : null;
  const checks = countPhase(progress, 'checks', 'steps', 3);
  const draft = withPinnedQuotes(written?.draft ?? offline, corpus, pins);
  // A section the model wrote but whose every statement failed the checks takes the offline one.
  const checked = written
    ? enforceGrounding(draft, corpus, offline, written.origins)
    : enforceGrounding(draft, corpus);
  checks.add();
  const findings: Findings = {
    ...checked,
    // From the checked themes, so that a priority's counts are its theme's.
    priorities: prioritiesOf(corpus, checked.themes),
    whoTookPart: votedSelfDescriptions(corpus.passages),
    themes: withKeys(checked.themes, keys, written?.fellBack ?? new Set()),
    ...(reading ? { reading: reading.counts } : {}),
  };
  checks.add();
  const breakdowns = breakdownsOf(corpus, inputs.contributions, checked);
  checks.add();
  if (breakdowns) {
    findings.breakdowns = breakdowns;
    warnSkipped(breakdowns, ctx);
  }
  warnDropped(findings, ctx);
  if (translated === 0) warnUnread(inputs.records, ctx);
  return {
    output: findings,
    counts: {
      themes: findings.themes.length,
      themesSynthesised: findings.themes.length - reused.size,
      themesReused: reused.size,
      citedContributions: findings.grounding.citedContributions,
      keptContributions: findings.grounding.keptContributions,
      minorityViews: findings.grounding.minorityViews,
      dropped: droppedCount(findings),
      translated,
      fromOffline: findings.grounding.fromOffline ?? 0,
      ...(reading
        ? {
            readByModel: reading.counts.sentences.model + reading.counts.positions.model,
            readByRules: reading.counts.sentences.rules + reading.counts.positions.rules,
          }
        : {}),
    },
  };
}

/** The corpus without the passages a reviewer excluded, with the reviewed themes. */
function reviewedCorpus(inputs: SynthesiseInputs, ctx: StageContext): SynthesisCorpus {
  const records = withoutExcluded(inputs.records, excludedPassages(inputs.themes.review));
  const rowOf = new Map(inputs.vectors.header.ids.map((id, row) => [id, row]));
  const ids = records.flatMap((r) => (r.status === 'kept' ? r.passages.map((p) => p.id) : []));
  const rows = ids.map((id) => rowOf.get(id) ?? -1);
  if (rows.includes(-1)) {
    throw new StageError(
      'synthesise: a passage has no vector; run the embed stage again',
      'synthesise',
    );
  }
  return buildCorpus({
    config: ctx.config,
    records,
    contributions: inputs.contributions,
    themes: inputs.themes,
    vectors: passageRows(inputs.vectors.matrix, rows),
    words: inputs.words,
    ballots: inputs.ballots,
  });
}

/**
 * Each theme's findings with its key, except the families for which a model request fell back:
 * those a later run writes again.
 */
function withKeys(
  themes: readonly ThemeFindings[],
  keys: ReadonlyMap<string, string>,
  fellBack: ReadonlySet<string>,
): ThemeFindings[] {
  return themes.map((theme) => {
    const key = keys.get(theme.themeId);
    const family = theme.parentId ?? theme.themeId;
    return key === undefined || fellBack.has(family) ? theme : { ...theme, key };
  });
}

/** One warning for the kept contributions in languages the statement readers cannot read. */
function warnUnread(records: readonly CleanRecord[], ctx: StageContext): void {
  const counts: Record<string, number> = {};
  for (const r of records)
    if (r.status === 'kept') counts[r.language] = (counts[r.language] ?? 0) + 1;
  const warning = unreadWarning(unreadLanguages(counts));
  if (warning !== null) ctx.logger.warn(warning);
}

/** One warning line for each reason attributes are not broken down, naming them. */
function warnSkipped(breakdowns: NonNullable<Findings['breakdowns']>, ctx: StageContext): void {
  const names = (reason: string) =>
    breakdowns.skipped.filter((s) => s.reason === reason).map((s) => s.attribute);
  const many = names('too-many-values');
  const small = names('too-few-groups');
  if (many.length > 0) {
    ctx.logger.warn(
      `synthesise: ${many.length} attribute${many.length === 1 ? '' : 's'} not broken down, with more distinct values than brief.breakdownMaxGroups (${ctx.config.brief.breakdownMaxGroups}; a free-text column?): ${listInputs(many)}`,
    );
  }
  if (small.length > 0) {
    ctx.logger.warn(
      `synthesise: ${small.length} attribute${small.length === 1 ? '' : 's'} not broken down, with fewer than two groups of brief.breakdownMinGroup (${breakdowns.minGroup}) participants: ${listInputs(small)}`,
    );
  }
}

function droppedCount(findings: Findings): number {
  return Object.values(findings.grounding.dropped).reduce((sum, n) => sum + n, 0);
}

function warnDropped(findings: Findings, ctx: StageContext): void {
  const dropped = droppedCount(findings);
  if (dropped === 0) return;
  ctx.logger.warn(
    `synthesise: ${dropped} finding(s) failed the grounding checks and were left out (${Object.entries(
      findings.grounding.dropped,
    )
      .map(([reason, n]) => `${reason} ${n}`)
      .join(', ')})`,
  );
}
