/**
 * Reading statements with a language model in batches: the kinds of sentences under a question,
 * and the positions of contributions on a yes/no question. Replies are checked item by item: an
 * item whose reference was not sent or whose value is not a known kind or position is dropped,
 * and the caller reads it by the rules.
 */
import { StancesAnswer, StatementKindsAnswer } from '../../llm/answers.js';
import { askForEach } from '../../llm/ask-for-each.js';
import { type DataItem, dataBlock, referenced } from '../../llm/data-block.js';
import type { LlmService } from '../../llm/llm-service.js';
import { STATEMENT_KINDS, type StatementKind } from '../reading/reader.js';
import type { Position } from '../reading/stance.js';
import { itemTokens } from './model-writing.js';

/** How statements are read with the model. */
export interface ReadingOptions {
  /** The model (`llm.models.reading`). */
  model: string;
  /** Most sentences or contributions in one request (`llm.readingBatchSize`, default 40). */
  batchSize: number;
  /** Most tokens of items in one request (`llm.maxPromptTokens`, default 6,000). */
  maxPromptTokens: number;
}

/** A contribution is read from at most this many characters (its opening carries its stance). */
const MAX_CONTRIBUTION_CHARS = 3000;
const POSITIONS: readonly Position[] = ['favour', 'against', 'unclear'];
const KNOWN_KINDS: ReadonlySet<string> = new Set(STATEMENT_KINDS);

/**
 * The kinds the model gives each sentence (distinct texts), read under `question` (null: the
 * contributions answer no known question). A sentence the model left out is asked about
 * alone; one it still does not read validly, or whose batch fell back, is absent.
 */
export async function readKinds(
  sentences: readonly string[],
  question: string | null,
  llm: LlmService,
  options: ReadingOptions,
): Promise<Map<string, StatementKind[]>> {
  return readEach(sentences, 'S', llm, options, async (items) => {
    const { value, from } = await llm.ask({
      task: 'statement-kinds',
      model: options.model,
      slots: { question: question ?? 'none given', data: dataBlock(items) },
      schema: StatementKindsAnswer,
      // The answer's shape, for the dry run's estimate of the reply; never used as a reading.
      fallback: { sentences: items.map(({ ref }) => ({ ref, kinds: ['other'] })) },
    });
    if (from === 'fallback') return null;
    return value.sentences.map(({ ref, kinds }) => [ref, kindsOf(kinds)]);
  });
}

/**
 * The position the model reads for each contribution (distinct texts) on a yes/no question,
 * from its whole text (the first 3,000 characters of a longer one). Absent as in `readKinds`.
 */
export async function readPositions(
  contributions: readonly string[],
  question: string,
  llm: LlmService,
  options: ReadingOptions,
): Promise<Map<string, Position>> {
  return readEach(contributions, 'C', llm, options, async (items) => {
    const { value, from } = await llm.ask({
      task: 'stances',
      model: options.model,
      slots: { question, data: dataBlock(items.map(clipped)) },
      schema: StancesAnswer,
      fallback: { positions: items.map(({ ref }) => ({ ref, position: 'unclear' })) },
    });
    if (from === 'fallback') return null;
    return value.positions.map(({ ref, position }) => [ref, positionOf(position)]);
  });
}

/** A reply's entries as (reference, value), null for an invalid value. */
type Entries<V> = readonly (readonly [string, V | null])[];

/**
 * Asks about distinct texts in batches of at most `batchSize` items and `maxPromptTokens`
 * tokens; `ask` returns null when the batch fell back. Only valid values for sent references
 * are kept; a text the reply left out is asked about alone once more (`askForEach`).
 */
async function readEach<V>(
  texts: readonly string[],
  prefix: string,
  llm: LlmService,
  options: ReadingOptions,
  ask: (items: DataItem[]) => Promise<Entries<V> | null>,
): Promise<Map<string, V>> {
  const answers = await askForEach([...new Set(texts)], {
    budget: options.maxPromptTokens,
    maxItems: options.batchSize,
    tokens: (text) => itemTokens(llm, text.slice(0, MAX_CONTRIBUTION_CHARS)),
    ask: async (batch) => {
      const { items, byRef } = referenced(prefix, batch, (text) => text);
      const entries = await ask(items);
      // No answer at all: the batch is read by the rules, not asked again item by item.
      if (entries === null) return new Map(batch.map((text) => [text, null]));
      const read = new Map<string, V | null>();
      for (const [ref, value] of entries) {
        const text = byRef.get(ref);
        if (text !== undefined && !read.has(text)) read.set(text, value);
      }
      return read;
    },
  });
  const valid = new Map<string, V>();
  for (const [text, value] of answers) if (value !== null) valid.set(text, value);
  return valid;
}

/** Known kinds, distinct, `other` only alone; null when one is unknown or none is given. */
function kindsOf(given: readonly string[]): StatementKind[] | null {
  if (given.length === 0 || given.some((kind) => !KNOWN_KINDS.has(kind))) return null;
  const kinds = [...new Set(given)] as StatementKind[];
  const real = kinds.filter((kind) => kind !== 'other');
  return real.length > 0 ? real : ['other'];
}

function positionOf(given: string): Position | null {
  return POSITIONS.find((position) => position === given) ?? null;
}

/** A contribution cut at a word boundary before `MAX_CONTRIBUTION_CHARS`. */
function clipped(item: DataItem): DataItem {
  if (item.text.length <= MAX_CONTRIBUTION_CHARS) return item;
  const cut = item.text.slice(0, MAX_CONTRIBUTION_CHARS);
  const space = cut.lastIndexOf(' ');
  return { ref: item.ref, text: `${cut.slice(0, space > 0 ? space : cut.length).trimEnd()} …` };
}
