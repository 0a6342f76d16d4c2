import type { BaseMessageLike, UsageMetadata } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { z } from 'zod';
import type { ChatMessage } from './prompts.js';

/** What the server answered: the reply's text and the usage it reported (null if none). */
export interface ChatReply {
  content: string;
  usage: { promptTokens: number; completionTokens: number } | null;
}

/** Sends one chat request asking for JSON that matches `schema`. */
export interface ChatTransport {
  send(request: {
    model: string;
    messages: readonly ChatMessage[];
    schemaName: string;
    schema: z.ZodType;
    signal: AbortSignal;
  }): Promise<ChatReply>;
}

/** Where the OpenAI-compatible server is and how to authenticate. */
export interface ServerSettings {
  apiKey: string;
  /** Undefined: OpenAI's own API. */
  baseUrl: string | undefined;
}

/**
 * The LangChain transport: `ChatOpenAI` with structured output from the zod schema (JSON schema
 * response format). LangChain's own retries are off: retries, timeouts and rate limits are the
 * `LlmService`'s, so that they are counted and honour `retry-after` the same way for every
 * provider. The raw reply is returned for the service to validate, so a schema error can be
 * fed back to the model.
 */
export function createLangChainTransport(server: ServerSettings): ChatTransport {
  const models = new Map<string, ChatOpenAI>();
  const modelFor = (name: string) => {
    let model = models.get(name);
    if (!model) {
      model = new ChatOpenAI({
        model: name,
        apiKey: server.apiKey,
        temperature: 0,
        maxRetries: 0,
        configuration: server.baseUrl ? { baseURL: server.baseUrl } : {},
      });
      models.set(name, model);
    }
    return model;
  };
  return {
    async send({ model, messages, schemaName, schema, signal }) {
      const structured = modelFor(model).withStructuredOutput(schema, {
        name: schemaName,
        method: 'jsonSchema',
        includeRaw: true,
      });
      const { raw } = await structured.invoke(messages as BaseMessageLike[], { signal });
      const content = typeof raw.content === 'string' ? raw.content : JSON.stringify(raw.content);
      const reported = (raw as { usage_metadata?: UsageMetadata }).usage_metadata;
      const usage = reported
        ? { promptTokens: reported.input_tokens, completionTokens: reported.output_tokens }
        : null;
      return { content, usage };
    },
  };
}
