import type {
  Finding,
  QuestionFindings,
  ThemeFindings,
  WeekDigest,
} from '../../../schemas/findings.js';
import { languageName, PointsAnswer, QuestionAnswer, WeekAnswer } from '../../llm/answers.js';
import type { LlmService } from '../../llm/llm-service.js';
import { PROMPT_TASKS, type PromptTask } from '../../llm/prompts.js';
import { passagesOfWeek, type SynthesisCorpus } from '../findings/corpus.js';
import { questionScopes } from '../findings/questions.js';
import type { FindingsDraft } from './grounding.js';
import { type ModelSettings, writeTheme } from './llm-theme.js';
import {
  dataBudget,
  findingsOf,
  fitPassages,
  itemTokens,
  NoteRefs,
  PassageRefs,
  statementsOf,
} from './model-writing.js';
import { type PartOrigin, partKey } from './part-origin.js';

/** The prompts synthesis uses; their hashes are part of the synthesise stage's cache key. */
export const SYNTHESIS_PROMPTS: readonly PromptTask[] = PROMPT_TASKS.filter(
  (task) => task !== 'theme-labels',
);

/** The model's draft, and where each part the model was asked to write came from. */
export interface ModelDraft {
  draft: FindingsDraft;
  /** Top-level themes for which a request fell back to offline text (not kept for reuse). */
  fellBack: ReadonlySet<string>;
  /** By `partKey`; parts with nothing to write (no passages) are absent. */
  origins: ReadonlyMap<string, PartOrigin>;
}

/**
 * LLM mode's synthesis: the offline synthesiser's draft, with the prose a model writes better
 * put in its place: each top-level theme's summary, key points, proposals, concerns and quotes
 * (map-reduced over sub-themes when large), the guiding questions' answers, the weekly digests'
 * key points and the executive summary. Counts, votes, minority views, trends and cross-cutting
 * issues stay computed. The model cites passages by reference; the stage's grounding checks
 * then drop whatever does not resolve or is not carried by its sources. A part whose replies
 * keep failing their schema keeps the offline text. Themes in `reused` (with their sub-themes)
 * keep the findings a previous run wrote.
 */
export async function rewriteWithModel(
  corpus: SynthesisCorpus,
  offline: FindingsDraft,
  llm: LlmService,
  settings: ModelSettings,
  reused: ReadonlySet<string> = new Set(),
): Promise<ModelDraft> {
  const written = await Promise.all(
    offline.themes.map((theme) =>
      theme.parentId === null && !reused.has(theme.themeId)
        ? writeTheme(corpus, theme, llm, settings)
        : null,
    ),
  );
  const origins = new Map<string, PartOrigin>();
  offline.themes.forEach((theme, i) => {
    const mine = written[i];
    if (reused.has(theme.themeId) && theme.parentId === null)
      origins.set(partKey.theme(theme.themeId), 'reused');
    else if (mine?.origin) origins.set(partKey.theme(theme.themeId), mine.origin);
  });
  const subthemePoints = new Map(written.flatMap((w) => [...(w?.subthemeKeyPoints ?? [])]));
  const themes = offline.themes.map((theme, i): ThemeFindings => {
    const mine = written[i]?.theme;
    if (mine) return mine;
    const points = subthemePoints.get(theme.themeId);
    return points ? { ...theme, keyPoints: points } : theme;
  });
  const [executiveSummary, questions, weeks] = await Promise.all([
    writeExecutiveSummary(themes, offline.executiveSummary, llm, settings),
    Promise.all(offline.questions.map((q) => writeQuestion(corpus, q, llm, settings))),
    Promise.all(offline.weeks.map((w, i) => writeWeek(corpus, w, i, llm, settings))),
  ]);
  const note = (key: string, origin: PartOrigin | null) => {
    if (origin) origins.set(key, origin);
  };
  note(partKey.keyMessages, executiveSummary.origin);
  for (const q of questions) note(partKey.question(q.part.questionId), q.origin);
  for (const [i, w] of weeks.entries()) note(partKey.week(i), w.origin);
  return {
    draft: {
      ...offline,
      synthesiser: { kind: 'llm', name: settings.model },
      executiveSummary: executiveSummary.part,
      themes,
      questions: questions.map((q) => q.part),
      weeks: weeks.map((w) => w.part),
    },
    fellBack: new Set(written.flatMap((w) => (w?.fellBack ? [w.theme.themeId] : []))),
    origins,
  };
}

/** A part as written, and where its text came from (null: nothing was asked). */
interface Written<T> {
  part: T;
  origin: PartOrigin | null;
}

/** The model's part, or the offline one when the replies fell back. */
function writtenOr<T>(from: string, offline: T, write: () => T): Written<T> {
  return from === 'fallback'
    ? { part: offline, origin: 'malformed' }
    : { part: write(), origin: 'written' };
}

/** 3-6 statements across the themes, each citing the passages behind the findings it rests on. */
async function writeExecutiveSummary(
  themes: readonly ThemeFindings[],
  offline: Finding[],
  llm: LlmService,
  settings: ModelSettings,
): Promise<Written<Finding[]>> {
  const labelled = themes
    .filter((t) => t.parentId === null)
    .flatMap((t, order) =>
      [...t.summary, ...t.keyPoints, ...t.proposals.slice(0, 2), ...t.concerns.slice(0, 2)].map(
        (finding, rank) => ({ finding, label: t.label, order, rank }),
      ),
    );
  // When not everything fits, every theme keeps its leading findings: take them by rank
  // across themes, then show them theme by theme.
  const budget = dataBudget(settings.maxPromptTokens);
  let used = 0;
  const chosen = [...labelled]
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .filter(({ finding, label }) => {
      used += itemTokens(llm, `${label}: ${finding.text}`);
      return used <= budget;
    })
    .sort((a, b) => a.order - b.order || a.rank - b.rank);
  if (chosen.length === 0) return { part: offline, origin: null };
  const labelOf = new Map(chosen.map(({ finding, label }) => [finding, label]));
  const refs = new NoteRefs(
    chosen.map(({ finding }) => finding),
    (note) => `${labelOf.get(note)}: `,
  );
  const { value, from } = await llm.ask({
    task: 'executive-summary',
    model: settings.model,
    slots: {
      language: languageName(settings.language),
      title: settings.title,
      objective: settings.objective ? `Objective: ${settings.objective}` : '',
      data: refs.block,
    },
    schema: PointsAnswer,
    fallback: { points: offline.map((f) => ({ text: f.text, refs: ['N1'] })) },
  });
  return writtenOr(from, offline, () => findingsOf(value.points, refs));
}

async function writeQuestion(
  corpus: SynthesisCorpus,
  offline: QuestionFindings,
  llm: LlmService,
  settings: ModelSettings,
): Promise<Written<QuestionFindings>> {
  const scope = questionScopes(corpus).get(offline.questionId) ?? new Set<string>();
  const passages = fitPassages(
    llm,
    corpus.passages.filter((p) => scope.has(p.id)),
    dataBudget(settings.maxPromptTokens),
  );
  if (passages.length === 0) return { part: offline, origin: null };
  const refs = new PassageRefs(passages);
  const { value, from } = await llm.ask({
    task: 'question-answer',
    model: settings.model,
    slots: {
      language: languageName(settings.language),
      title: settings.title,
      question: offline.text,
      data: refs.block,
    },
    schema: QuestionAnswer,
    fallback: {
      keyPoints: statementsOf(offline.keyPoints, refs),
      proposals: statementsOf(offline.proposals, refs),
    },
  });
  return writtenOr(from, offline, () => ({
    ...offline,
    keyPoints: findingsOf(value.keyPoints, refs),
    proposals: findingsOf(value.proposals, refs),
  }));
}

async function writeWeek(
  corpus: SynthesisCorpus,
  offline: WeekDigest,
  index: number,
  llm: LlmService,
  settings: ModelSettings,
): Promise<Written<WeekDigest>> {
  const passages = fitPassages(
    llm,
    passagesOfWeek(corpus, index),
    dataBudget(settings.maxPromptTokens),
  );
  if (passages.length === 0) return { part: offline, origin: null };
  const refs = new PassageRefs(passages);
  const { value, from } = await llm.ask({
    task: 'week-digest',
    model: settings.model,
    slots: {
      language: languageName(settings.language),
      title: settings.title,
      week: `${offline.label} (${offline.start} to ${offline.end})`,
      data: refs.block,
    },
    schema: WeekAnswer,
    fallback: { keyPoints: statementsOf(offline.keyPoints, refs) },
  });
  return writtenOr(from, offline, () => ({
    ...offline,
    keyPoints: findingsOf(value.keyPoints, refs),
  }));
}
