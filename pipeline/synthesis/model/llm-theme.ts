import type { z } from 'zod';
import type { Finding, Quote, ThemeFindings } from '../../../schemas/findings.js';
import { appendAll } from '../../arrays.js';
import { languageName, ThemeFindingsAnswer, ThemeNotesAnswer } from '../../llm/answers.js';
import { packBatches } from '../../llm/ask-for-each.js';
import type { LlmService } from '../../llm/llm-service.js';
import type { SynthesisCorpus, SynthesisPassage } from '../findings/corpus.js';
import {
  dataBudget,
  findingsOf,
  itemTokens,
  NoteRefs,
  PassageRefs,
  statementsOf,
} from './model-writing.js';

export interface ModelSettings {
  model: string;
  maxPromptTokens: number;
  title: string;
  objective: string;
  language: string;
}

/** What the model wrote for a theme: its findings, and key points of sub-themes it summarised. */
export interface WrittenTheme {
  theme: ThemeFindings;
  subthemeKeyPoints: Map<string, Finding[]>;
  /** Whether a request fell back to the offline text (the findings are then not kept for reuse). */
  fellBack: boolean;
  /**
   * `written` when the findings are the model's, `malformed` when the final request's replies
   * were and the offline findings stand; null when there was nothing to ask.
   */
  origin: 'written' | 'malformed' | null;
}

/** A part of a large theme summarised on its own: a sub-theme (or part of one) or the rest. */
interface Part {
  subthemeId: string | null;
  passages: SynthesisPassage[];
}

/**
 * A top-level theme's summary, key points, proposals, concerns and quotes from the model.
 * A theme whose passages fit one prompt is written in one request; a larger one is map-reduced:
 * notes on each sub-theme (and on the rest) in parts that fit, notes of notes while they do
 * not fit, then the findings from the notes, each citing the passages behind its notes. Notes
 * on a whole sub-theme become its key points. Votes, minority views, trend and the offline
 * quotes stay as the offline synthesiser found them.
 */
export async function writeTheme(
  corpus: SynthesisCorpus,
  offline: ThemeFindings,
  llm: LlmService,
  settings: ModelSettings,
): Promise<WrittenTheme> {
  const theme = corpus.themeById.get(offline.themeId);
  const passages = (theme?.passageIds ?? []).flatMap((id) => corpus.byId.get(id) ?? []);
  const budget = dataBudget(settings.maxPromptTokens);
  const size = passages.reduce((sum, p) => sum + itemTokens(llm, p.translation ?? p.text), 0);
  const heading = theme?.description ? `${offline.label}: ${theme.description}` : offline.label;
  const asking = { llm, settings, heading };
  const subthemeKeyPoints = new Map<string, Finding[]>();
  if (passages.length === 0)
    return { theme: offline, subthemeKeyPoints, fellBack: false, origin: null };
  const fallenBack = {
    theme: offline,
    subthemeKeyPoints,
    fellBack: true,
    origin: 'malformed',
  } as const;
  if (size <= budget) {
    const refs = new PassageRefs(passages);
    const { value, from } = await askTheme(
      'theme-findings',
      ThemeFindingsAnswer,
      asking,
      refs.block,
      {
        summary: statementsOf(offline.summary, refs),
        keyPoints: statementsOf(offline.keyPoints, refs),
        proposals: statementsOf(offline.proposals, refs),
        concerns: statementsOf(offline.concerns, refs),
        quotes: [],
      },
    );
    if (from === 'fallback') return fallenBack;
    const quotes = value.quotes.flatMap((q) => refs.quote(corpus, q) ?? []);
    const findings = merged(offline, value, refs, quotes);
    return { theme: findings, subthemeKeyPoints, fellBack: false, origin: 'written' };
  }
  const parts = partsOf(corpus, offline.themeId, passages, budget, llm);
  const mapped = await Promise.all(
    parts.map(async (part) => {
      const refs = new PassageRefs(part.passages);
      const answer = await askTheme('theme-notes', ThemeNotesAnswer, asking, refs.block, {
        points: part.passages.slice(0, 3).map((p, i) => ({
          text: (p.translation ?? p.text).slice(0, 160),
          refs: [`P${i + 1}`],
        })),
        quotes: [],
      });
      return { part, refs, ...answer };
    }),
  );
  const notes: Finding[] = [];
  const quotes: Quote[] = [];
  let fellBack = false;
  for (const { part, refs, value, from } of mapped) {
    const points = findingsOf(value.points, refs);
    appendAll(notes, [...points]);
    fellBack ||= from === 'fallback';
    if (from === 'fallback') continue;
    appendAll(quotes, [...value.quotes.flatMap((q) => refs.quote(corpus, q) ?? [])]);
    if (part.subthemeId) subthemeKeyPoints.set(part.subthemeId, points);
  }
  const reduced = await condense(asking, notes, budget);
  fellBack ||= reduced.fellBack;
  const refs = new NoteRefs(reduced.notes);
  const { value, from } = await askTheme(
    'theme-findings',
    ThemeFindingsAnswer,
    asking,
    refs.block,
    {
      summary: offline.summary.map((f) => ({ text: f.text, refs: ['N1'] })),
      keyPoints: offline.keyPoints.map((f) => ({ text: f.text, refs: ['N1'] })),
      proposals: offline.proposals.map((f) => ({ text: f.text, refs: ['N1'] })),
      concerns: offline.concerns.map((f) => ({ text: f.text, refs: ['N1'] })),
      quotes: [],
    },
  );
  if (from === 'fallback') return fallenBack;
  // The final request sees notes, not passages: its quotes could not be checked, so the parts' are used.
  const findings = merged(offline, value, refs, quotes.slice(0, 3));
  return { theme: findings, subthemeKeyPoints, fellBack, origin: 'written' };
}

function merged(
  offline: ThemeFindings,
  value: ThemeFindingsAnswer,
  refs: { citations(ref: string): string[] },
  quotes: readonly Quote[],
): ThemeFindings {
  const seen = new Set(quotes.map((q) => q.passageId));
  const extra = offline.quotes.filter((q) => !seen.has(q.passageId));
  return {
    ...offline,
    summary: findingsOf(value.summary, refs),
    keyPoints: findingsOf(value.keyPoints, refs),
    proposals: findingsOf(value.proposals, refs),
    concerns: findingsOf(value.concerns, refs),
    quotes: [...quotes, ...extra].slice(0, Math.max(offline.quotes.length, quotes.length)),
  };
}

/** Notes of notes, in parts that fit, until all of them fit one prompt; and whether any fell back. */
async function condense(
  asking: { llm: LlmService; settings: ModelSettings; heading: string },
  notes: Finding[],
  budget: number,
): Promise<{ notes: Finding[]; fellBack: boolean }> {
  const { llm } = asking;
  let current = notes;
  let fellBack = false;
  for (;;) {
    const size = current.reduce((sum, n) => sum + itemTokens(llm, n.text), 0);
    if (size <= budget || current.length <= 2) return { notes: current, fellBack };
    const batches = packBatches(current, budget, Number.POSITIVE_INFINITY, (n) =>
      itemTokens(llm, n.text),
    );
    // Stop if packing cannot shrink the notes further (each batch a single note).
    if (batches.length === current.length) return { notes: current, fellBack };
    const condensed = await Promise.all(
      batches.map(async (batch) => {
        const refs = new NoteRefs(batch);
        const { value, from } = await askTheme(
          'theme-notes',
          ThemeNotesAnswer,
          asking,
          refs.block,
          {
            points: batch.slice(0, 4).map((n, i) => ({ text: n.text, refs: [`N${i + 1}`] })),
            quotes: [],
          },
        );
        fellBack ||= from === 'fallback';
        return findingsOf(value.points, refs);
      }),
    );
    current = condensed.flat();
  }
}

/** The theme's passages in parts that fit a prompt: its sub-themes first, then the rest. */
function partsOf(
  corpus: SynthesisCorpus,
  themeId: string,
  passages: readonly SynthesisPassage[],
  budget: number,
  llm: LlmService,
): Part[] {
  const placed = new Set<string>();
  const groups: { subthemeId: string | null; passages: SynthesisPassage[] }[] = [];
  for (const sub of corpus.themes.themes.filter((t) => t.parentId === themeId)) {
    const members = sub.passageIds
      .filter((id) => !placed.has(id))
      .flatMap((id) => corpus.byId.get(id) ?? []);
    for (const p of members) placed.add(p.id);
    if (members.length > 0) groups.push({ subthemeId: sub.id, passages: members });
  }
  const rest = passages.filter((p) => !placed.has(p.id));
  if (rest.length > 0) groups.push({ subthemeId: null, passages: rest });
  return groups.flatMap((group) => {
    const batches = packBatches(group.passages, budget, Number.POSITIVE_INFINITY, (p) =>
      itemTokens(llm, p.translation ?? p.text),
    );
    // Only notes on a whole sub-theme stand for its key points.
    const whole = batches.length === 1 ? group.subthemeId : null;
    return batches.map((batch) => ({ subthemeId: whole, passages: batch }));
  });
}

/** Asks for a theme's findings (`theme-findings`) or notes on part of it (`theme-notes`). */
function askTheme<T>(
  task: 'theme-findings' | 'theme-notes',
  schema: z.ZodType<T>,
  context: { llm: LlmService; settings: ModelSettings; heading: string },
  data: string,
  fallback: T,
) {
  const { llm, settings, heading } = context;
  return llm.ask({
    task,
    model: settings.model,
    slots: {
      language: languageName(settings.language),
      title: settings.title,
      theme: heading,
      data,
    },
    schema,
    fallback,
  });
}
