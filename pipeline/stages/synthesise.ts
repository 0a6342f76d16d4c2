import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { Findings } from '../../schemas/findings.js';
import type { Themes } from '../../schemas/themes.js';
import type { Ballots } from '../../schemas/votes.js';
import { StageError } from '../errors.js';
import { contentWords } from '../nlp/tokenise.js';
import type { WordVectors } from '../nlp/word-vectors.js';
import type { StageContext, StageResult } from '../stage.js';
import { buildCorpus } from '../synthesis/corpus.js';
import { enforceGrounding } from '../synthesis/grounding.js';
import { rewriteWithModel } from '../synthesis/llm-synthesiser.js';
import { createOfflineSynthesiser } from '../synthesis/offline-synthesiser.js';
import { translatePassages } from '../synthesis/translate.js';
import type { Vectors } from '../vectors-file.js';
import { passageRows } from './themes.js';

export interface SynthesiseInputs {
  records: readonly CleanRecord[];
  contributions: readonly Contribution[];
  themes: Themes;
  vectors: Vectors;
  words: WordVectors;
  ballots: Ballots;
}

/**
 * The synthesise stage: findings per theme, question and week and the executive summary, from
 * the offline synthesiser or (with a language model) the LLM synthesiser, after translating
 * passages when `llm.translate` asks for it, through the grounding checks into `findings.json`.
 */
export async function synthesiseFindings(
  inputs: SynthesiseInputs,
  ctx: StageContext,
): Promise<StageResult<Findings>> {
  const rowOf = new Map(inputs.vectors.header.ids.map((id, row) => [id, row]));
  const ids = inputs.records.flatMap((r) =>
    r.status === 'kept' ? r.passages.map((p) => p.id) : [],
  );
  const rows = ids.map((id) => rowOf.get(id) ?? -1);
  if (rows.includes(-1)) {
    throw new StageError(
      'synthesise: a passage has no vector; run the embed stage again',
      'synthesise',
    );
  }
  const built = buildCorpus({
    config: ctx.config,
    records: inputs.records,
    contributions: inputs.contributions,
    themes: inputs.themes,
    vectors: passageRows(inputs.vectors.matrix, rows),
    words: inputs.words,
    ballots: inputs.ballots,
  });
  const { count, example } = built.unmatchedQuestions;
  if (count > 0) {
    ctx.logger.warn(
      `synthesise: ${count} contributions name a question that is none of the config's ids or texts, e.g. ${JSON.stringify(example)}: they count under no question (when most contributions have no matching value, all are matched to questions by their words instead)`,
    );
  }
  const subject = new Set(
    [ctx.config.title, ...ctx.config.questions.map((q) => q.text)].flatMap((text) =>
      contentWords(text, ctx.config.language),
    ),
  );
  const llm = await ctx.llm();
  const { corpus, translated } =
    llm && ctx.config.llm.translate
      ? await translatePassages(built, llm, ctx.config.llm.models.translation)
      : { corpus: built, translated: 0 };
  const offline = await createOfflineSynthesiser().synthesise(corpus, {
    signal: ctx.signal,
    subject,
  });
  const draft = llm
    ? await rewriteWithModel(corpus, offline, llm, {
        model: ctx.config.llm.models.synthesis,
        maxPromptTokens: ctx.config.llm.maxPromptTokens,
        title: ctx.config.title,
        objective: ctx.config.objective,
        language: ctx.config.language,
      })
    : offline;
  // A section the model wrote but whose every statement failed the checks takes the offline one.
  const findings = enforceGrounding(draft, corpus, llm ? offline : undefined);
  const dropped = Object.values(findings.grounding.dropped).reduce((sum, n) => sum + n, 0);
  if (dropped > 0) {
    ctx.logger.warn(
      `synthesise: ${dropped} finding(s) failed the grounding checks and were left out (${Object.entries(
        findings.grounding.dropped,
      )
        .map(([reason, n]) => `${reason} ${n}`)
        .join(', ')})`,
    );
  }
  return {
    output: findings,
    counts: {
      themes: findings.themes.length,
      citedContributions: findings.grounding.citedContributions,
      keptContributions: findings.grounding.keptContributions,
      minorityViews: findings.grounding.minorityViews,
      dropped,
      translated,
      fromOffline: findings.grounding.fromOffline ?? 0,
    },
  };
}
