// The lines of a Batch API batch: a chat request as a line of the input file, and a line of its output or error file as a reply.
import type { z } from 'zod';
import { BatchResultLine } from '../../schemas/llm-batch.js';
import { canonicalJson, sha256 } from '../hash.js';
import type { ChatMessage } from './prompts.js';
import { type MalformedReplyError, malformedReplyOf } from './reply-check.js';
import { type ChatReply, isReasoningModel, jsonSchemaOf } from './transport.js';

/** The endpoint every batch line goes to. */
export const CHAT_ENDPOINT = '/v1/chat/completions';

/**
 * What went wrong with one request of a batch: `status` is its HTTP status when it got one (and
 * decides a retry as live), else `retry` says whether another batch may do it (an expired one's).
 */
export class BatchItemError extends Error {
  override name = 'BatchItemError';
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

/** A chat request as the transport's `send` takes it. */
export interface ChatRequest {
  model: string;
  messages: readonly ChatMessage[];
  schemaName: string;
  schema: z.ZodType;
  maxOutputTokens: number;
}

/**
 * The body of a chat request, as the live transport (LangChain's `ChatOpenAI`) sends it:
 * temperature 0 where the model allows it, the reply's token limit, the schema as a strict
 * `json_schema` response format (tested against what it sends). The same body live or in a batch, so the same answer.
 */
export function chatBody(request: ChatRequest): Record<string, unknown> {
  const reasoning = isReasoningModel(request.model);
  return {
    model: request.model,
    ...(reasoning ? {} : { temperature: 0 }),
    stream: false,
    response_format: {
      type: 'json_schema',
      json_schema: { name: request.schemaName, strict: true, schema: jsonSchemaOf(request.schema) },
    },
    [reasoning ? 'max_completion_tokens' : 'max_tokens']: request.maxOutputTokens,
    // LangChain sends reasoning models their system message as a developer message.
    messages: request.messages.map(({ role, content }) => ({
      role: reasoning && role === 'system' ? 'developer' : role,
      content,
    })),
  };
}

/** A request's line in a batch input file; its `custom_id` is the hash of its body. */
export function requestLine(body: Record<string, unknown>): { customId: string; line: string } {
  const customId = sha256(canonicalJson(body));
  const line = JSON.stringify({ custom_id: customId, method: 'POST', url: CHAT_ENDPOINT, body });
  return { customId, line };
}

/** The lines of an output or error file, by `custom_id`; lines that are not results are skipped. */
export function parseResultFile(text: string): Map<string, BatchResultLine> {
  const results = new Map<string, BatchResultLine>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = BatchResultLine.safeParse(json);
    if (parsed.success) results.set(parsed.data.custom_id, parsed.data);
  }
  return results;
}

/**
 * What a result line means for its request, read as a live reply would be: a 200 completion's
 * text and usage (or the `MalformedReplyError` a live reply with the same body makes), else the
 * HTTP error or the Batch API's error as a `BatchItemError`.
 */
export function replyOf(result: BatchResultLine): ChatReply | MalformedReplyError | BatchItemError {
  const { response, error } = result;
  if (!response) {
    const code = error?.code ?? 'no code';
    return new BatchItemError(
      `left the request unanswered (${code}: ${error?.message ?? 'no message'})`,
      undefined,
      code === 'batch_expired',
    );
  }
  if (response.status_code !== 200) {
    const said = (response.body as { error?: { message?: unknown } } | null)?.error?.message;
    return new BatchItemError(
      typeof said === 'string' ? said : `HTTP ${response.status_code}`,
      response.status_code,
      false,
    );
  }
  const body = JSON.stringify(response.body);
  const malformed = malformedReplyOf(body);
  if (malformed) return malformed;
  const completion = response.body as {
    choices: { message: { content: string } }[];
    usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
  };
  const { prompt_tokens: prompt, completion_tokens: reply } = completion.usage ?? {};
  return {
    content: completion.choices[0]?.message.content ?? '',
    usage:
      typeof prompt === 'number' && typeof reply === 'number'
        ? { promptTokens: prompt, completionTokens: reply }
        : null,
  };
}
