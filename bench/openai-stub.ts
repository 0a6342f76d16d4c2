/**
 * A scripted local stand-in for the OpenAI HTTP API, for tests and the token benchmark.
 *
 * It listens on 127.0.0.1 (random port) and answers `POST /v1/chat/completions` and
 * `POST /v1/embeddings` without any network access, and the Batch API's files and batches
 * endpoints (`openai-stub-batches.ts`), whose lines are answered as chat completions are. Chat replies are *grounded*: the stub reads
 * the single data block of the prompt (`<data-NONCE>` … `</data-NONCE>`, one `[REF] text` item a
 * line) and writes every text as the verbatim first sentence (or first 25 words) of an item it
 * cites, so the caller's grounding checks pass. Faults can be queued to make the next replies fail
 * or misbehave, and text such as "ignore previous instructions" outside the data block is obeyed,
 * like a gullible model would; `obey` makes it write what an injected instruction asked for.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStubBatches, type StubBatchApi } from './openai-stub-batches.js';

/** How the next matching request misbehaves; see {@link OpenAiStub.fault}. */
export interface StubFault {
  /** HTTP status to answer with (e.g. 429 or 500), with an OpenAI-style JSON error body. */
  status?: number;
  /** Seconds for a `retry-after` header (with status 429). */
  retryAfter?: number;
  /**
   * Wait this many ms before answering normally (to exceed a client timeout); with `status`,
   * the error comes after the wait.
   */
  delayMs?: number;
  /**
   * Reply 200 but with this content kind instead of the normal grounded reply: `no-choices`
   * (an empty `choices` list), `no-content` (a choice whose content is null) and `not-json` (an
   * HTML page) break the reply itself rather than its content; `long` pads the JSON with
   * whitespace, as a verbose model would (still valid, but many more tokens); `bad-values`
   * answers every statement kind and position with a value no schema lists.
   */
  reply?:
    | 'bad-values'
    | 'malformed-json'
    | 'schema-break'
    | 'unknown-refs'
    | 'paraphrased-quote'
    | 'omit-items'
    | 'no-choices'
    | 'no-content'
    | 'not-json'
    | 'long';
  /** Only requests of this task (the json_schema name) consume the fault; default any. */
  task?: string;
}

/** One request the stub received, with what it answered. */
export interface StubRequest {
  /**
   * The task: `response_format.json_schema.name` for chat (`''` without one), `'embeddings'` for
   * embeddings, the path for anything else.
   */
  task: string;
  /** The parsed JSON body (`null` when it was not JSON). */
  // biome-ignore lint/suspicious/noExplicitAny: request bodies are free-form JSON that tests poke into
  body: any;
  /**
   * The HTTP status answered; 0 while a delayed reply is pending, 499 when the client went away
   * before the reply.
   */
  status: number;
  /** The usage reported in a 200 reply, else `null`. */
  usage: { prompt_tokens: number; completion_tokens: number } | null;
  /** Whether the stub obeyed an instruction found outside the data block. */
  injected: boolean;
  /** The queued fault this request consumed, if any (`failAll` is not a queued fault). */
  fault: StubFault | null;
  /** The batch whose line this chat request was, if it came in one. */
  batch?: string;
}

/**
 * What a model taken over by an injected instruction writes: `statement` leads every list of
 * statements, citing the item that gave the instruction (when the prompt has it) and up to eight
 * others whatever they say, and every theme gets `label` and `description`.
 */
export interface StubObedience {
  statement: string;
  label: string;
  description: string;
}

/** A running stub; see {@link startOpenAiStub}. */
export interface OpenAiStub {
  /** Base URL for clients, e.g. `http://127.0.0.1:PORT/v1`. */
  url: string;
  /** Every request received, in order (including failed ones). */
  requests: StubRequest[];
  /** Queue a fault for the next `times` matching requests (default 1). Faults are consumed FIFO. */
  fault(fault: StubFault, times?: number): void;
  /** When true, every request gets HTTP 500. */
  failAll: boolean;
  /** When set, replies obey an injected instruction (see {@link StubObedience}); null: they do not. */
  obey: StubObedience | null;
  /** The Batch API's batches, and how they progress and end. */
  batchApi: StubBatchApi;
  /** Sums of the usage the stub reported in 200 replies. */
  usage(): { prompt_tokens: number; completion_tokens: number; requests: number };
  /** Clears requests, faults, `obey` and batches. */
  reset(): void;
  /** Stops the server, dropping open connections and pending delayed replies. */
  close(): Promise<void>;
}

/** One `[REF] text` line of the data block. */
interface Item {
  ref: string;
  text: string;
}

/** A grounded statement: text taken from the items it cites. */
interface Finding {
  text: string;
  refs: string[];
}

/** A quote: the verbatim lead of one item. */
interface Quote {
  ref: string;
  text: string;
}

type Reply = Record<string, unknown>;

type Usage = { prompt_tokens: number; completion_tokens: number };

/** The `chat.completion` object the stub answers with. */
interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: unknown;
  choices: {
    index: number;
    finish_reason: 'stop' | 'length';
    logprobs: null;
    message: { role: 'assistant'; content: string; refusal: null };
  }[];
  usage: Usage & { total_tokens: number };
}

/** Dimensions of the stub's embeddings. */
export const STUB_EMBEDDING_DIMENSIONS = 64;

const MAX_LEAD_WORDS = 25;
const PROPOSAL = /\b(should|must|need to|propose|recommend)\b/i;
const CONCERN = /\b(worr|concern|afraid|risk|problem)/i;
const INJECTION = /ignore previous instructions/i;
/** The stub's reading of statements: praise first, so "great, but should ..." is praise. */
const PRAISE = /\b(helpful|friendly|great|excellent|wonderful|love|thank)/i;
/** What the stub reads as asking for something (wider than the findings' `PROPOSAL`). */
const ASKING = /\b(should|must|needs?|please|propose|recommend|would help|create|add|more)\b/i;
const IDENTITY = /^I am (a|an|in my)\b|^I identify as\b/i;
const FAVOUR = /^\W*(yes|absolutely|i agree|i support)\b/i;
const AGAINST = /^\W*(no|i oppose|i disagree|i am against)\b/i;
const DATA_OPEN = /^<data-([0-9a-f]+)>[ \t]*$/m;
const ITEM_LINE = /^\[([A-Za-z]+\d+)\][ \t]+(.*?)\s*$/;

/** Roughly four characters a token, like OpenAI's rule of thumb. */
const tokens = (chars: number): number => Math.ceil(chars / 4);

/** Text of a message `content`: a string or an array of `{type:'text', text}` parts. */
function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) =>
      part && typeof part === 'object' && typeof part.text === 'string' ? part.text : '',
    )
    .join('');
}

function messageTexts(body: unknown): string[] {
  const messages = (body as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return [];
  return messages.map((m) => contentText((m as { content?: unknown } | null)?.content));
}

/** Where the data block of `text` starts and ends (end of its closing line), or null. */
function dataBlock(text: string): { start: number; inner: string; end: number } | null {
  const open = DATA_OPEN.exec(text);
  if (!open) return null;
  const innerStart = open.index + open[0].length;
  const close = new RegExp(`^</data-${open[1]}>[ \\t]*$`, 'm');
  const rest = text.slice(innerStart);
  const closed = close.exec(rest);
  if (!closed) return { start: open.index, inner: rest, end: text.length };
  return {
    start: open.index,
    inner: rest.slice(0, closed.index),
    end: innerStart + closed.index + closed[0].length,
  };
}

/** The items of the first data block found in the user messages (or any message). */
function parseItems(body: unknown): Item[] {
  const messages = (body as { messages?: unknown } | null)?.messages;
  const list = Array.isArray(messages) ? (messages as { role?: unknown; content?: unknown }[]) : [];
  const ordered = [
    ...list.filter((m) => m?.role === 'user'),
    ...list.filter((m) => m?.role !== 'user'),
  ];
  for (const message of ordered) {
    const block = dataBlock(contentText(message?.content));
    if (!block) continue;
    const items: Item[] = [];
    for (const line of block.inner.split(/\r?\n/)) {
      const match = ITEM_LINE.exec(line);
      if (match?.[1] && match[2] !== undefined) items.push({ ref: match[1], text: match[2] });
    }
    return items;
  }
  return [];
}

/** Whether a message, with its data block cut out, tells the model to ignore its instructions. */
function isInjected(body: unknown): boolean {
  return messageTexts(body).some((text) => {
    const block = dataBlock(text);
    const outside = block ? text.slice(0, block.start) + text.slice(block.end) : text;
    return INJECTION.test(outside);
  });
}

/**
 * The verbatim lead of an item: its first sentence, or its first 25 words when that sentence is
 * longer, cut at a word boundary.
 */
export function leadOf(text: string): string {
  const trimmed = text.trim();
  const stop = /[.!?]+(?=\s|$)/.exec(trimmed);
  const sentence = stop ? trimmed.slice(0, stop.index + stop[0].length) : trimmed;
  const words = /\S+/g;
  let end = sentence.length;
  for (let count = 0, m = words.exec(sentence); m; m = words.exec(sentence)) {
    count += 1;
    if (count === MAX_LEAD_WORDS) {
      end = m.index + m[0].length;
      break;
    }
  }
  return sentence.slice(0, end);
}

/** Splits items into up to `n` contiguous groups of near-equal size. */
function groups(items: Item[], n: number): Item[][] {
  const count = Math.min(n, items.length);
  const out: Item[][] = [];
  for (let g = 0; g < count; g++) {
    const from = Math.floor((g * items.length) / count);
    const to = Math.floor(((g + 1) * items.length) / count);
    out.push(items.slice(from, to));
  }
  return out;
}

const cite = (item: Item): Finding => ({ text: leadOf(item.text), refs: [item.ref] });

function keyPoints(items: Item[]): Finding[] {
  return groups(items, 4).map((group) => ({
    text: leadOf(group[0]?.text ?? ''),
    refs: group.map((i) => i.ref),
  }));
}

const matching = (items: Item[], pattern: RegExp): Finding[] =>
  items
    .filter((i) => pattern.test(i.text))
    .slice(0, 3)
    .map(cite);

const quotes = (items: Item[]): Quote[] =>
  items.slice(0, 2).map((i) => ({ ref: i.ref, text: leadOf(i.text) }));

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** The keywords of a theme item: `keywords: a, b, c | examples: …`. */
function keywordsOf(text: string): string[] {
  const match = /keywords:\s*([^|]*)/i.exec(text);
  const list = match?.[1] ?? text.split('|')[0] ?? '';
  return list
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

/** The kinds the stub reads in a sentence. */
function kindsOf(text: string): string[] {
  if (IDENTITY.test(text)) return ['self_description'];
  if (PRAISE.test(text)) return ['praise'];
  if (ASKING.test(text)) return ['proposal'];
  if (CONCERN.test(text)) return ['concern'];
  return ['other'];
}

/** The position the stub reads in a contribution: from its opening words. */
function positionOf(text: string): string {
  return FAVOUR.test(text) ? 'favour' : AGAINST.test(text) ? 'against' : 'unclear';
}

/** The normal grounded reply of a task. */
function groundedReply(task: string, items: Item[]): Reply {
  switch (task) {
    case 'theme_labels':
      return {
        themes: items.map((item) => {
          const keywords = keywordsOf(item.text);
          return {
            ref: item.ref,
            label: keywords.slice(0, 2).map(capitalise).join(' and '),
            description: `Contributions about ${keywords.slice(0, 3).join(', ')}`,
          };
        }),
      };
    case 'theme_findings': {
      const [first] = items;
      return {
        summary: first
          ? [{ text: leadOf(first.text), refs: items.slice(0, 3).map((i) => i.ref) }]
          : [],
        keyPoints: keyPoints(items),
        proposals: matching(items, PROPOSAL),
        concerns: matching(items, CONCERN),
        quotes: quotes(items),
      };
    }
    case 'theme_notes':
      return { points: keyPoints(items), quotes: quotes(items) };
    case 'executive_summary':
      return { points: items.slice(0, 5).map(cite) };
    case 'question_answer':
      return { keyPoints: keyPoints(items), proposals: matching(items, PROPOSAL) };
    case 'week_digest':
      return { keyPoints: keyPoints(items) };
    case 'translations':
      return { translations: items.map((i) => ({ ref: i.ref, text: i.text })) };
    case 'statement_kinds':
      return { sentences: items.map((i) => ({ ref: i.ref, kinds: kindsOf(i.text) })) };
    case 'stances':
      return { positions: items.map((i) => ({ ref: i.ref, position: positionOf(i.text) })) };
    default:
      return {};
  }
}

const TEXT_KEYS = new Set(['text', 'label', 'description']);

/** Deep-copies `value`, rewriting fields through `edit(key, value)`. */
function rewrite(value: unknown, edit: (key: string, value: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, edit));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, edit(key, rewrite(v, edit))]),
  );
}

const reword = (text: string): string => `${text.split(/\s+/).reverse().join(' ')} indeed`;

/** The list of items a batched task's reply has, one entry per item. */
const ITEM_LISTS: Record<string, string> = {
  theme_labels: 'themes',
  translations: 'translations',
  statement_kinds: 'sentences',
  stances: 'positions',
};

/** Applies a `reply` fault to a grounded reply. */
function spoil(reply: Reply, kind: NonNullable<StubFault['reply']>, task: string): Reply {
  switch (kind) {
    case 'unknown-refs':
      return rewrite(reply, (key, v) => {
        if (key === 'refs' && Array.isArray(v)) return ['P999'];
        if (key === 'ref' && typeof v === 'string') return 'P999';
        return v;
      }) as Reply;
    case 'paraphrased-quote':
      return {
        ...reply,
        ...(Array.isArray(reply.quotes)
          ? { quotes: (reply.quotes as Quote[]).map((q) => ({ ...q, text: reword(q.text) })) }
          : {}),
      };
    case 'omit-items': {
      const key = ITEM_LISTS[task] ?? ('keyPoints' in reply ? 'keyPoints' : 'points');
      const list = reply[key];
      return Array.isArray(list) ? { ...reply, [key]: list.slice(0, -1) } : reply;
    }
    case 'bad-values':
      return rewrite(reply, (key, v) =>
        key === 'kinds' ? ['suggestion'] : key === 'position' ? 'maybe' : v,
      ) as Reply;
    default:
      return reply;
  }
}

/** What a taken-over model cites: the instruction's item first, then others whatever they say. */
function paddedRefs(items: Item[]): string[] {
  const givers = items.filter((i) => INJECTION.test(i.text));
  const others = items.filter((i) => !INJECTION.test(i.text)).slice(0, 8);
  return [...givers, ...others].map((i) => i.ref);
}

const STATEMENT_LISTS = new Set(['summary', 'keyPoints', 'proposals', 'points']);

/** A grounded reply as a model taken over by an injected instruction would write it instead. */
function obeyed(reply: Reply, task: string, items: Item[], obey: StubObedience): Reply {
  if (task === 'theme_labels' && Array.isArray(reply.themes)) {
    const { label, description } = obey;
    return { themes: (reply.themes as object[]).map((t) => ({ ...t, label, description })) };
  }
  const lead = { text: obey.statement, refs: paddedRefs(items) };
  return Object.fromEntries(
    Object.entries(reply).map(([key, v]) => [
      key,
      STATEMENT_LISTS.has(key) && Array.isArray(v) ? [lead, ...v] : v,
    ]),
  );
}

/**
 * The body of a 200 reply broken as `kind` says (content type and text), with the usage it
 * reports; null for the other kinds.
 */
function brokenReply(
  kind: StubFault['reply'],
  promptTokens: number,
): { type: string; body: string; usage: Usage | null } | null {
  const usage = { prompt_tokens: promptTokens, completion_tokens: 0 };
  const completion = (choices: object[]) =>
    JSON.stringify({
      id: 'chatcmpl-stub-broken',
      object: 'chat.completion',
      created: 0,
      model: 'stub',
      choices,
      usage: { ...usage, total_tokens: promptTokens },
    });
  switch (kind) {
    case 'no-choices':
      return { type: 'application/json', body: completion([]), usage };
    case 'no-content':
      return {
        type: 'application/json',
        body: completion([
          {
            index: 0,
            finish_reason: 'stop',
            logprobs: null,
            message: { role: 'assistant', content: null, refusal: null },
          },
        ]),
        usage,
      };
    case 'not-json':
      return {
        type: 'text/html',
        body: `<html><head><title>502 Bad Gateway</title></head><body>${'<p>upstream unavailable</p>'.repeat(40)}</body></html>`,
        usage: null,
      };
    default:
      return null;
  }
}

/** The reply token limit a chat request sets (`max_tokens` or `max_completion_tokens`), or null. */
function maxTokensOf(body: unknown): number | null {
  const { max_tokens: max, max_completion_tokens: completion } = (body ?? {}) as {
    max_tokens?: unknown;
    max_completion_tokens?: unknown;
  };
  const limit = typeof max === 'number' ? max : completion;
  return typeof limit === 'number' && limit > 0 ? limit : null;
}

/** FNV-1a hash of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A deterministic pseudo-random vector in [-1, 1)^64 for a word (mulberry32 seeded by hash). */
function wordVector(word: string): number[] {
  let state = hash(word);
  const out: number[] = [];
  for (let i = 0; i < STUB_EMBEDDING_DIMENSIONS; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out.push((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * 2 - 1);
  }
  return out;
}

/**
 * The stub's embedding of a text: the normalised sum of hashed random vectors of its lower-cased
 * words, so texts sharing words are close. A text without words gets the first unit vector.
 */
export function stubEmbedding(text: string): number[] {
  const sum = new Array<number>(STUB_EMBEDDING_DIMENSIONS).fill(0);
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    wordVector(word).forEach((v, i) => {
      sum[i] = (sum[i] ?? 0) + v;
    });
  }
  const norm = Math.sqrt(sum.reduce((total, v) => total + v * v, 0));
  if (norm === 0) return sum.map((_, i) => (i === 0 ? 1 : 0));
  return sum.map((v) => v / norm);
}

function embeddingInputs(input: unknown): string[] {
  const list = Array.isArray(input) && input.every((i) => typeof i === 'string') ? input : [input];
  return list.map((i) => (typeof i === 'string' ? i : Array.isArray(i) ? i.join(' ') : ''));
}

const base64Of = (vector: number[]): string =>
  Buffer.from(new Float32Array(vector).buffer).toString('base64');

const ERROR_TYPES: Record<number, [type: string, code: string]> = {
  400: ['invalid_request_error', 'invalid_request'],
  401: ['invalid_request_error', 'invalid_api_key'],
  404: ['invalid_request_error', 'not_found'],
  429: ['requests', 'rate_limit_exceeded'],
};

function errorBody(status: number, message: string): object {
  const [type, code] = ERROR_TYPES[status] ?? ['server_error', 'server_error'];
  return { error: { message, type, code } };
}

function send(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<{ raw: Buffer; body: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const text = raw.toString('utf8');
  try {
    return { raw, body: text ? JSON.parse(text) : null };
  } catch {
    return { raw, body: null };
  }
}

/** The task of a chat request: its `response_format.json_schema.name`, or `''`. */
function chatTask(body: unknown): string {
  const name = (body as { response_format?: { json_schema?: { name?: unknown } } } | null)
    ?.response_format?.json_schema?.name;
  return typeof name === 'string' ? name : '';
}

/** Starts a stub on 127.0.0.1 at a random port; `close()` it when done. */
export async function startOpenAiStub(): Promise<OpenAiStub> {
  const queue: { fault: StubFault; left: number }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const requests: StubRequest[] = [];
  let seq = 0;

  /** Takes one use of the first queued fault that matches `task`. */
  function takeFault(task: string): StubFault | null {
    const index = queue.findIndex((q) => q.fault.task === undefined || q.fault.task === task);
    const entry = queue[index];
    if (!entry) return null;
    entry.left -= 1;
    if (entry.left <= 0) queue.splice(index, 1);
    return entry.fault;
  }

  function chatReply(body: unknown, record: StubRequest, fault: StubFault | null): ChatCompletion {
    const items = parseItems(body);
    let reply = groundedReply(record.task, items);
    if (stub.obey) reply = obeyed(reply, record.task, items, stub.obey);
    if (record.injected)
      reply = rewrite(reply, (key, v) =>
        TEXT_KEYS.has(key) && typeof v === 'string' ? 'HACKED' : v,
      ) as Reply;
    if (fault?.reply && fault.reply !== 'malformed-json' && fault.reply !== 'schema-break')
      reply = spoil(reply, fault.reply, record.task);
    const written =
      fault?.reply === 'malformed-json'
        ? '{"summary": ['
        : fault?.reply === 'schema-break'
          ? JSON.stringify({ unexpected: true })
          : fault?.reply === 'long'
            ? JSON.stringify(reply, null, 10).replaceAll('\n', `\n${' '.repeat(60)}`)
            : JSON.stringify(reply);
    // A reply longer than the request's token limit is cut there, as a server does.
    const limit = maxTokensOf(body);
    const content =
      limit !== null && tokens(written.length) > limit ? written.slice(0, limit * 4) : written;
    const promptChars = messageTexts(body).reduce((n, t) => n + t.length, 0);
    const usage: Usage = {
      prompt_tokens: tokens(promptChars),
      completion_tokens: tokens(content.length),
    };
    record.usage = usage;
    seq += 1;
    return {
      id: `chatcmpl-stub-${seq}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: (body as { model?: unknown } | null)?.model ?? 'stub',
      choices: [
        {
          index: 0,
          finish_reason: content === written ? 'stop' : 'length',
          logprobs: null,
          message: { role: 'assistant', content, refusal: null },
        },
      ],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    };
  }

  function embeddingsReply(body: unknown, record: StubRequest): object {
    const { input, model, encoding_format } = (body ?? {}) as {
      input?: unknown;
      model?: unknown;
      encoding_format?: unknown;
    };
    const inputs = embeddingInputs(input);
    const prompt_tokens = inputs.reduce((n, t) => n + tokens(t.length), 0);
    record.usage = { prompt_tokens, completion_tokens: 0 };
    return {
      object: 'list',
      model: model ?? 'stub-embedding',
      data: inputs.map((text, index) => {
        const vector = stubEmbedding(text);
        return {
          object: 'embedding',
          index,
          embedding: encoding_format === 'base64' ? base64Of(vector) : vector,
        };
      }),
      usage: { prompt_tokens, total_tokens: prompt_tokens },
    };
  }

  /** Writes a chat completion, as server-sent events when the request asked to stream. */
  function answerChat(res: ServerResponse, body: unknown, reply: ChatCompletion): void {
    const { stream, stream_options } = (body ?? {}) as {
      stream?: unknown;
      stream_options?: { include_usage?: unknown };
    };
    if (stream !== true) {
      send(res, 200, reply);
      return;
    }
    if (res.destroyed || res.writableEnded) return;
    const { id, created, model } = reply;
    const event = (choices: object[], extra: object = {}) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, choices, ...extra })}\n\n`;
    const content = reply.choices[0]?.message.content ?? '';
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(event([{ index: 0, delta: { role: 'assistant', content }, finish_reason: null }]));
    res.write(event([{ index: 0, delta: {}, finish_reason: 'stop' }]));
    if (stream_options?.include_usage === true) res.write(event([], { usage: reply.usage }));
    res.end('data: [DONE]\n\n');
  }

  /** A batch line's answer, as the chat endpoint answers (faults and `failAll` included). */
  function answerLine(body: unknown, batchId: string): { status: number; body: unknown } {
    const task = chatTask(body);
    const record: StubRequest = {
      task,
      body,
      status: 0,
      usage: null,
      injected: isInjected(body),
      fault: null,
      batch: batchId,
    };
    requests.push(record);
    const failed = (status: number, message: string) => {
      record.status = status;
      return { status, body: errorBody(status, message) };
    };
    if (stub.failAll) return failed(500, 'The stub fails every request (failAll).');
    const fault = takeFault(task);
    record.fault = fault;
    if (fault?.status && fault.status !== 200)
      return failed(fault.status, `Scripted fault: HTTP ${fault.status}.`);
    record.status = 200;
    const promptTokens = tokens(messageTexts(body).reduce((n, t) => n + t.length, 0));
    const broken = brokenReply(fault?.reply, promptTokens);
    if (!broken) return { status: 200, body: chatReply(body, record, fault) };
    record.usage = broken.usage;
    try {
      return { status: 200, body: JSON.parse(broken.body) };
    } catch {
      return { status: 200, body: broken.body };
    }
  }
  const batches = createStubBatches(answerLine);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { raw, body } = await readBody(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const batchReply = batches.handle(
      req.method ?? '',
      path,
      raw,
      req.headers['content-type'] ?? '',
    );
    if (batchReply) {
      const reply = await batchReply;
      requests.push({
        task: path,
        body,
        status: reply.status,
        usage: null,
        injected: false,
        fault: null,
      });
      if (typeof reply.body !== 'string') return send(res, reply.status, reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/octet-stream' });
      res.end(reply.body);
      return;
    }
    const kind =
      req.method === 'POST' && path === '/v1/chat/completions'
        ? 'chat'
        : req.method === 'POST' && path === '/v1/embeddings'
          ? 'embeddings'
          : null;
    const task = kind === 'chat' ? chatTask(body) : (kind ?? path);
    const record: StubRequest = {
      task,
      body,
      status: 0,
      usage: null,
      injected: kind === 'chat' && isInjected(body),
      fault: null,
    };
    requests.push(record);

    const fail = (status: number, message: string, headers?: Record<string, string>) => {
      record.status = status;
      send(res, status, errorBody(status, message), headers);
    };
    if (!kind) return fail(404, `Unknown endpoint: ${req.method} ${path}`);
    if (stub.failAll) return fail(500, 'The stub fails every request (failAll).');
    const fault = takeFault(task);
    record.fault = fault;

    const respond = () => {
      if (res.destroyed || res.writableEnded) {
        record.status = 499;
        return;
      }
      if (fault?.status && fault.status !== 200) {
        const headers: Record<string, string> =
          fault.status === 429 && fault.retryAfter !== undefined
            ? { 'retry-after': String(fault.retryAfter) }
            : {};
        fail(fault.status, `Scripted fault: HTTP ${fault.status}.`, headers);
        return;
      }
      record.status = 200;
      const promptTokens = tokens(messageTexts(body).reduce((n, t) => n + t.length, 0));
      const broken = kind === 'chat' ? brokenReply(fault?.reply, promptTokens) : null;
      if (broken) {
        record.usage = broken.usage;
        res.writeHead(200, { 'content-type': broken.type });
        res.end(broken.body);
      } else if (kind === 'chat') answerChat(res, body, chatReply(body, record, fault));
      else send(res, 200, embeddingsReply(body, record));
    };
    if (!fault?.delayMs) return respond();
    const timer = setTimeout(() => {
      timers.delete(timer);
      respond();
    }, fault.delayMs);
    timers.add(timer);
  }

  const server = createServer((req, res) => {
    res.on('error', () => {});
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, errorBody(500, String(error)));
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  const stub: OpenAiStub = {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    failAll: false,
    obey: null,
    batchApi: batches.api,
    fault(fault, times = 1) {
      if (times > 0) queue.push({ fault: { ...fault }, left: times });
    },
    usage() {
      const ok = requests.filter((r) => r.status === 200 && r.usage);
      return {
        prompt_tokens: ok.reduce((n, r) => n + (r.usage?.prompt_tokens ?? 0), 0),
        completion_tokens: ok.reduce((n, r) => n + (r.usage?.completion_tokens ?? 0), 0),
        requests: ok.length,
      };
    },
    reset() {
      requests.length = 0;
      queue.length = 0;
      stub.obey = null;
      batches.api.reset();
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
  return stub;
}
