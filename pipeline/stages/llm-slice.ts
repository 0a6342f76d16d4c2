import type { Consultation } from '../../schemas/consultation.js';
import { type PromptTask, promptHashes } from '../llm/prompts.js';

/**
 * The part of the LLM settings a stage's output depends on: nothing offline; else the
 * provider, server, the stage's models and settings and the hashes of its prompts.
 */
export function llmSlice(
  config: Consultation,
  prompts: readonly PromptTask[],
  settings: Record<string, unknown>,
): unknown {
  if (config.llm.provider === 'offline') return null;
  return {
    provider: config.llm.provider,
    baseUrl: config.llm.baseUrl ?? null,
    prompts: promptHashes(prompts),
    ...settings,
  };
}
