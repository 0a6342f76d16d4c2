import type { BaseMessageLike, UsageMetadata } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import OpenAI from 'openai';
import { z } from 'zod';
import type { ChatMessage } from './prompts.js';
import { checkedChatFetch, malformedReplyIn } from './reply-check.js';

/** What the server answered: the reply's text and the usage it reported (null if none). */
export interface ChatReply {
  content: string;
  usage: { promptTokens: number; completionTokens: number } | null;
  /**
   * Called once the caller has stored the reply or asked again: a batch's record in the run
   * folder is removed when all its replies are taken (absent live).
   */
  taken?: (() => Promise<void>) | undefined;
}

/** What the server answered to an embeddings request: one vector per text, and the usage. */
export interface EmbeddingReply {
  vectors: number[][];
  /** Null when the server reported none. */
  promptTokens: number | null;
}

/** Sends single requests to a model server; retries, limits and caching are the caller's. */
export interface ModelTransport {
  /**
   * One chat request asking for JSON that matches `schema`, in at most `maxOutputTokens` tokens
   * of reply. A 200 reply with no usable text throws `MalformedReplyError`.
   */
  send(request: {
    model: string;
    messages: readonly ChatMessage[];
    schemaName: string;
    schema: z.ZodType;
    maxOutputTokens: number;
    signal: AbortSignal;
  }): Promise<ChatReply>;
  /** One embeddings request for a batch of texts. */
  embed(request: {
    model: string;
    texts: readonly string[];
    signal: AbortSignal;
  }): Promise<EmbeddingReply>;
}

const jsonSchemas = new WeakMap<z.ZodType, Record<string, unknown>>();

/** The JSON schema of a zod schema, without the `$schema` tag some servers reject. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  let json = jsonSchemas.get(schema);
  if (!json) {
    const { $schema: _tag, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
    json = rest;
    jsonSchemas.set(schema, json);
  }
  return json;
}

/**
 * A JSON schema response format that the openai SDK leaves unparsed: its `$parseRaw` hook
 * (not sent to the server) replaces the SDK's `JSON.parse`, which would throw on a malformed
 * reply and lose the reply and its usage. The service parses and validates the text itself.
 */
function unparsedJsonSchema(name: string, schema: z.ZodType) {
  const format = {
    type: 'json_schema' as const,
    json_schema: { name, strict: true, schema: jsonSchemaOf(schema) },
  };
  Object.defineProperty(format, '$parseRaw', { value: () => null, enumerable: false });
  return format;
}

/** OpenAI's reasoning models (o1, o3, o4-mini, gpt-5 but not gpt-5-chat) refuse `temperature`. */
export function isReasoningModel(model: string): boolean {
  return /^o\d/.test(model) || (model.startsWith('gpt-5') && !model.startsWith('gpt-5-chat'));
}

/** Where the OpenAI-compatible server is and how to authenticate. */
export interface ServerSettings {
  apiKey: string;
  /** Undefined: OpenAI's own API. */
  baseUrl: string | undefined;
}

/**
 * The transport to OpenAI and OpenAI-compatible servers. Chat goes through LangChain: `ChatOpenAI` asked for structured output with the zod schema's JSON
 * schema as the response format. LangChain's own retries are off: retries, timeouts and rate
 * limits are the `LlmService`'s, so that they are counted and honour `retry-after` the same way
 * for every provider. The reply is returned unparsed (LangChain's `withStructuredOutput` would
 * throw away a reply that fails to parse, and its usage with it): the service validates it and
 * feeds a schema error back to the model. Embeddings go through the openai SDK, because
 * LangChain's `OpenAIEmbeddings` does not return the usage the server reports.
 */
export function createOpenAiTransport(server: ServerSettings): ModelTransport {
  const client = new OpenAI({
    apiKey: server.apiKey,
    maxRetries: 0,
    ...(server.baseUrl ? { baseURL: server.baseUrl } : {}),
  });
  const models = new Map<string, ChatOpenAI>();
  const modelFor = (name: string, maxTokens: number) => {
    const id = `${name}\n${maxTokens}`;
    let model = models.get(id);
    if (!model) {
      model = new ChatOpenAI({
        model: name,
        apiKey: server.apiKey,
        // Deterministic where the model allows it; reasoning models accept only the default.
        ...(isReasoningModel(name) ? {} : { temperature: 0 }),
        // Sent as max_tokens, or max_completion_tokens to reasoning models: bounds the cost.
        maxTokens,
        maxRetries: 0,
        configuration: {
          ...(server.baseUrl ? { baseURL: server.baseUrl } : {}),
          fetch: checkedChatFetch(),
        },
      });
      models.set(id, model);
    }
    return model;
  };
  return {
    async send({ model, messages, schemaName, schema, maxOutputTokens, signal }) {
      const raw = await modelFor(model, maxOutputTokens)
        .invoke(messages as BaseMessageLike[], {
          signal,
          response_format: unparsedJsonSchema(schemaName, schema),
        })
        .catch((error: unknown) => {
          // The client libraries wrap it in a connection error; it is a reply, not a lost line.
          throw malformedReplyIn(error) ?? error;
        });
      const content = typeof raw.content === 'string' ? raw.content : JSON.stringify(raw.content);
      const reported = (raw as unknown as { usage_metadata?: UsageMetadata }).usage_metadata;
      // Servers that report no usage still get a usage object from LangChain, with no numbers.
      const usage =
        typeof reported?.input_tokens === 'number' && typeof reported.output_tokens === 'number'
          ? { promptTokens: reported.input_tokens, completionTokens: reported.output_tokens }
          : null;
      return { content, usage };
    },
    async embed({ model, texts, signal }) {
      const response = await client.embeddings.create(
        { model, input: [...texts], encoding_format: 'float' },
        { signal },
      );
      const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
      return { vectors, promptTokens: response.usage?.prompt_tokens ?? null };
    },
  };
}
