import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BriefError } from '../errors.js';
import { sha256 } from '../hash.js';
import { PACKAGE_ROOT } from '../package-info.js';

/** The tasks a language model does, one prompt file each in `prompts/<task>.md`. */
export const PROMPT_TASKS = [
  'theme-labels',
  'theme-findings',
  'theme-notes',
  'executive-summary',
  'question-answer',
  'week-digest',
  'translations',
  'statement-kinds',
  'stances',
] as const;
export type PromptTask = (typeof PROMPT_TASKS)[number];

/** A chat message as sent to the model. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A prompt template: a system and a user message with `{{slot}}` placeholders. */
export interface Prompt {
  task: PromptTask;
  system: string;
  user: string;
  /** The slots the template uses. */
  slots: ReadonlySet<string>;
  /** SHA-256 of the file, recorded in the manifest. */
  hash: string;
}

/** A prompt file is broken, or a prompt was filled with unknown or missing slots. */
export class PromptError extends BriefError {
  override name = 'PromptError';
}

const SLOT = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;
const cache = new Map<PromptTask, Prompt>();

/**
 * Reads `prompts/<task>.md`: a `# system` section and a `# user` section. Read once per
 * process.
 */
export function loadPrompt(task: PromptTask): Prompt {
  const known = cache.get(task);
  if (known) return known;
  const file = join(PACKAGE_ROOT, 'prompts', `${task}.md`);
  const text = readFileSync(file, 'utf8');
  const prompt = parsePrompt(task, text);
  cache.set(task, prompt);
  return prompt;
}

/** Parses a prompt file's text (see `loadPrompt`). */
export function parsePrompt(task: PromptTask, text: string): Prompt {
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    const heading = /^# (system|user)\s*$/.exec(line);
    if (heading?.[1]) {
      current = [];
      sections.set(heading[1], current);
    } else current?.push(line);
  }
  const system = sections.get('system')?.join('\n').trim();
  const user = sections.get('user')?.join('\n').trim();
  if (!system || !user) {
    throw new PromptError(`prompts/${task}.md needs a "# system" and a "# user" section`);
  }
  const slots = new Set([...`${system}\n${user}`.matchAll(SLOT)].map((m) => m[1] as string));
  return { task, system, user, slots, hash: sha256(text) };
}

/**
 * Fills a prompt's slots. A slot the template has but `values` lacks, or a value for a slot
 * the template does not have, is an error: a renamed slot must not silently send an empty
 * prompt.
 */
export function renderPrompt(prompt: Prompt, values: Record<string, string>): ChatMessage[] {
  const given = Object.keys(values);
  const unknown = given.filter((name) => !prompt.slots.has(name));
  const missing = [...prompt.slots].filter((name) => !Object.hasOwn(values, name));
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      unknown.length > 0 ? `unknown slot(s) ${unknown.join(', ')}` : '',
      missing.length > 0 ? `missing slot(s) ${missing.join(', ')}` : '',
    ].filter(Boolean);
    throw new PromptError(`prompts/${prompt.task}.md: ${parts.join('; ')}`);
  }
  const fill = (template: string) =>
    template.replace(
      SLOT,
      (_match, name: string) => (Object.hasOwn(values, name) ? values[name] : '') ?? '',
    );
  return [
    { role: 'system', content: fill(prompt.system) },
    { role: 'user', content: fill(prompt.user) },
  ];
}

/** The hash of every prompt, for the manifest and the cache keys of the stages using them. */
export function promptHashes(tasks: readonly PromptTask[]): Record<string, string> {
  return Object.fromEntries(tasks.map((task) => [task, loadPrompt(task).hash]));
}
