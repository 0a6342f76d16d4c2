import type { ThemeFindings } from '../../schemas/findings.js';
import type { PhaseProgress } from '../progress-counter.js';
import type { SynthesisCorpus } from './findings/corpus.js';
import type { FindingsDraft } from './model/grounding.js';

export interface SynthesisOptions {
  signal: AbortSignal;
  /** Words of the consultation's own subject (title, questions): too general to report. */
  subject: ReadonlySet<string>;
  /** Findings of themes a previous run wrote from the same inputs, taken as they are. Default none. */
  reused?: ReadonlyMap<string, ThemeFindings> | undefined;
  /** Hears the parts of the work: the themes' findings by passages, then those across themes. */
  progress?: PhaseProgress | undefined;
}

/**
 * Writes the findings of a consultation from its corpus: the offline synthesiser (extractive,
 * template-based). LLM mode rewrites the prose of its draft (`rewriteWithModel`). Whatever
 * either produces goes through the same grounding checks (`enforceGrounding`) before it is
 * written.
 */
export interface Synthesiser {
  kind: 'offline' | 'llm';
  /** The implementation and, for an LLM, the model: recorded in `findings.json`. */
  name: string;
  synthesise(corpus: SynthesisCorpus, options: SynthesisOptions): Promise<FindingsDraft>;
}
