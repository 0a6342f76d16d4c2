import type { ChatMessage } from './prompts.js';

/** Counts the tokens of a text. */
export type TokenCounter = (text: string) => number;

let counter: Promise<TokenCounter> | undefined;

/**
 * The o200k tokenizer (GPT-4o and later), loaded on first use: estimates are made before a
 * request is sent; what is charged is the usage the server reports.
 */
export function tokenCounter(): Promise<TokenCounter> {
  counter ??= (async () => {
    const [{ Tiktoken }, { default: ranks }] = await Promise.all([
      import('js-tiktoken/lite'),
      import('js-tiktoken/ranks/o200k_base'),
    ]);
    const encoder = new Tiktoken(ranks);
    return (text: string) => encoder.encode(text).length;
  })();
  return counter;
}

/** Tokens a chat request's messages take, with the few tokens of framing each message adds. */
export function messageTokens(count: TokenCounter, messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, message) => sum + 4 + count(message.content), 3);
}
