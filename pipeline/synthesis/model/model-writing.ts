import type { Finding, Quote } from '../../../schemas/findings.js';
import type { Excerpt, Statement } from '../../llm/answers.js';
import { type DataItem, dataBlock, referenced } from '../../llm/data-block.js';
import type { LlmService } from '../../llm/llm-service.js';
import type { SynthesisCorpus, SynthesisPassage } from '../findings/corpus.js';
import { quoteOf } from '../findings/quotes.js';
import { isVerbatim } from './grounding.js';

/** Tokens of a prompt's fixed text (instructions, title, theme), kept out of the data budget. */
const PROMPT_OVERHEAD = 700;

/**
 * Numbered passages for a prompt: `P1`, `P2`, ... with the text the model reads (the
 * translation when there is one), and the way back from a reference to the passage.
 */
export class PassageRefs {
  private readonly items: DataItem[];
  private readonly byRef: Map<string, SynthesisPassage>;
  private readonly refById: Map<string, string>;

  constructor(passages: readonly SynthesisPassage[]) {
    ({ items: this.items, byRef: this.byRef } = referenced(
      'P',
      passages,
      (p) => p.translation ?? p.text,
    ));
    this.refById = new Map([...this.byRef].map(([ref, p]) => [p.id, ref]));
  }

  get block(): string {
    return dataBlock(this.items);
  }

  /** The passage ids a reference stands for; an unknown reference is kept, marked, to fail grounding. */
  citations(ref: string): string[] {
    const passage = this.byRef.get(ref);
    return passage ? [passage.id] : [`unknown-reference:${ref}`];
  }

  /** The reference of a passage id, if the passage is in the prompt. */
  refOf(passageId: string): string | undefined {
    return this.refById.get(passageId);
  }

  /**
   * A model's quote as a `Quote` of its passage. A quote of a translated passage that is not in
   * the original becomes the original passage: originals are what the brief quotes.
   */
  quote(corpus: SynthesisCorpus, excerpt: Excerpt): Quote | undefined {
    const passage = this.byRef.get(excerpt.ref);
    const text = excerpt.text.trim();
    if (!text) return undefined;
    if (!passage) {
      return {
        text,
        passageId: `unknown-reference:${excerpt.ref}`,
        contributionId: '',
        credit: '',
        date: null,
      };
    }
    if (passage.translation !== null && !isVerbatim(text, passage.text)) {
      return quoteOf(corpus, passage);
    }
    return { ...quoteOf(corpus, passage), text };
  }
}

/** Notes (statements already resolved to passage ids) numbered `N1`, `N2`, ... for a prompt. */
export class NoteRefs {
  private readonly items: DataItem[];
  private readonly byRef: Map<string, Finding>;

  constructor(notes: readonly Finding[], prefix: (note: Finding) => string = () => '') {
    ({ items: this.items, byRef: this.byRef } = referenced(
      'N',
      notes,
      (note) => `${prefix(note)}${note.text}`,
    ));
  }

  get block(): string {
    return dataBlock(this.items);
  }

  /** The passages behind a note; an unknown reference is kept, marked, to fail grounding. */
  citations(ref: string): string[] {
    return this.byRef.get(ref)?.citations ?? [`unknown-reference:${ref}`];
  }
}

/**
 * A model's statements as findings, with the passages their references stand for. Empty
 * statements are skipped; the support is recounted from the citations by the grounding checks.
 */
export function findingsOf(
  statements: readonly Statement[],
  refs: { citations(ref: string): string[] },
): Finding[] {
  return statements.flatMap((statement) => {
    const text = statement.text.trim();
    if (!text) return [];
    const citations = [...new Set(statement.refs.flatMap((ref) => refs.citations(ref)))];
    return [{ text, citations, support: { contributions: 0, participants: 0 } }];
  });
}

/** Findings as statements citing the references of a prompt: a fallback's shape and size. */
export function statementsOf(findings: readonly Finding[], refs: PassageRefs): Statement[] {
  return findings.map((f) => ({
    text: f.text,
    refs: f.citations.flatMap((id) => refs.refOf(id) ?? []),
  }));
}

/** The tokens a prompt may give its data. */
export function dataBudget(maxPromptTokens: number): number {
  return Math.max(200, maxPromptTokens - PROMPT_OVERHEAD);
}

/** Tokens of one data line. */
export function itemTokens(llm: LlmService, text: string): number {
  return llm.countTokens(text) + 4;
}

/**
 * The passages that fit the budget, spread evenly over the list (a long week or question is
 * sampled rather than cut at its end), in their original order.
 */
export function fitPassages(
  llm: LlmService,
  passages: readonly SynthesisPassage[],
  budget: number,
): SynthesisPassage[] {
  const sizes = passages.map((p) => itemTokens(llm, p.translation ?? p.text));
  const total = sizes.reduce((sum, n) => sum + n, 0);
  if (total <= budget) return [...passages];
  const keep = Math.max(1, Math.floor((passages.length * budget) / total));
  const step = passages.length / keep;
  const chosen: SynthesisPassage[] = [];
  let used = 0;
  for (let k = 0; k < keep; k++) {
    const i = Math.floor(k * step);
    const size = sizes[i] ?? 0;
    if (used + size > budget && chosen.length > 0) break;
    chosen.push(passages[i] as SynthesisPassage);
    used += size;
  }
  return chosen;
}
