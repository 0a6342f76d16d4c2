import type { CleanRecord } from '../../schemas/clean-record.js';
import type { GuidingQuestion } from '../../schemas/consultation.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { Themes } from '../../schemas/themes.js';
import { StageError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import type { WordVectors } from '../nlp/word-vectors.js';
import { participantsByContribution } from '../participants.js';
import { stageProgress } from '../progress-counter.js';
import type { StageContext, StageResult } from '../stage.js';
import { createQuestionMatcher, mappedByField } from '../synthesis/findings/question-match.js';
import { buildThemes } from '../themes/build-themes.js';
import { selectRows } from '../themes/emergent.js';
import { exampleRowId, taxonomyRowId } from '../themes/guided.js';
import { subjectWords } from '../themes/labels.js';
import { labelThemesWithModel } from '../themes/llm-labels.js';
import { type QuestionRows, tellApart } from '../themes/question-themes.js';
import type { Vectors } from '../vectors-file.js';

/**
 * The themes stage: guided themes from the config's taxonomy, emergent themes from the rest
 * (within each guiding question when contributions carry theirs: see `questionRows`),
 * sub-themes, labels and representatives, from the embed stage's vectors. With a language
 * model, emergent themes are named by the model instead.
 */
export async function findThemes(
  records: readonly CleanRecord[],
  contributions: readonly Contribution[],
  vectors: Vectors,
  words: WordVectors,
  ctx: StageContext,
): Promise<StageResult<Themes>> {
  const participantOf = participantsByContribution(contributions);
  const rowOf = new Map(vectors.header.ids.map((id, row) => [id, row]));
  const passages = records.flatMap((r) =>
    r.status === 'kept'
      ? r.passages.map((p) => ({ ...p, voices: [r.id, ...r.duplicates], language: r.language }))
      : [],
  );
  const questions = questionRows(
    passages.map((p) => p.voices[0] as string),
    contributions,
    ctx.config.questions,
  );
  const missing = passages.find((p) => !rowOf.has(p.id));
  if (missing)
    throw new StageError(
      `themes: passage ${missing.id} has no vector; run the embed stage again`,
      'themes',
    );
  if (passages.length === 0) {
    ctx.logger.warn(
      'themes: no passages to theme (every contribution was excluded or merged; see the accounting)',
    );
  }
  const taxonomyRows = ctx.config.themes.map((t) => rowOf.get(taxonomyRowId(t.id)) ?? -1);
  const exampleRows = ctx.config.themes.flatMap((t) =>
    t.examples.map((_, k) => rowOf.get(exampleRowId(t.id, k)) ?? -1),
  );
  if (taxonomyRows.includes(-1) || exampleRows.includes(-1))
    throw new StageError(
      'themes: the taxonomy changed since embedding; run the embed stage again',
      'themes',
    );
  const found = buildThemes({
    vectors: passageRows(
      vectors.matrix,
      passages.map((p) => rowOf.get(p.id) as number),
    ),
    passages: {
      ids: passages.map((p) => p.id),
      texts: passages.map((p) => p.text),
      languages: passages.map((p) => p.language),
      contributionsOf: passages.map((p) => p.voices),
      participantsOf: passages.map((p) => p.voices.map(participantOf)),
    },
    taxonomy: ctx.config.themes,
    taxonomyVectors: selectRows(vectors.matrix, taxonomyRows),
    exampleVectors: selectRows(vectors.matrix, exampleRows),
    words,
    language: ctx.config.language,
    settings: ctx.config.theming,
    context: subjectWords(ctx.config),
    ...(questions ? { questions } : {}),
    provider: vectors.header.provider,
    progress: stageProgress(ctx, 'themes'),
  });
  const llm = await ctx.llm();
  const named = llm
    ? await labelThemesWithModel(found, new Map(passages.map((p) => [p.id, p.text])), llm, {
        title: ctx.config.title,
        language: ctx.config.language,
        model: ctx.config.llm.models.labels,
        logger: ctx.logger,
      })
    : found;
  // The model names a question's themes afresh: same names under two questions are told apart.
  const themes =
    llm && questions ? { ...named, themes: tellApart(named.themes, questions.ids) } : named;
  const top = themes.themes.filter((t) => t.parentId === null);
  return {
    output: themes,
    counts: {
      themes: top.length,
      subthemes: themes.themes.length - top.length,
      passages: passages.length,
      other: themes.other.passageIds.length,
    },
  };
}

/**
 * The question each passage answers (by its contribution's `question` value, matched to the
 * guiding questions by id or text), when themes are to be found within each question: there is
 * more than one question, the answers are mapped to them by that field as the synthesis maps
 * them (at least half name one), and they answer at least two. Else undefined.
 */
export function questionRows(
  contributionOfPassage: readonly string[],
  contributions: readonly Contribution[],
  questions: readonly GuidingQuestion[],
): QuestionRows | undefined {
  if (questions.length < 2) return undefined;
  const matcher = createQuestionMatcher(questions);
  const ids = questions.map((q) => q.id);
  const questionOf = new Map(
    contributions.map((c) => [c.id, ids.indexOf(matcher.match(c.question) ?? '')]),
  );
  const of = contributionOfPassage.map((id) => questionOf.get(id) ?? -1);
  const named = of.filter((q) => q >= 0);
  if (!mappedByField(named.length, of.length) || new Set(named).size < 2) return undefined;
  return { ids, of };
}

/**
 * The passages' rows of the vectors: a view when they are the leading rows in order (as the
 * embed stage writes them), so 100,000 vectors are not copied; else a copy in passage order.
 */
export function passageRows(matrix: Matrix, rows: readonly number[]): Matrix {
  const leading = rows.every((row, i) => row === i);
  if (!leading) return selectRows(matrix, rows);
  return {
    rows: rows.length,
    dims: matrix.dims,
    data: matrix.data.subarray(0, rows.length * matrix.dims),
  };
}
