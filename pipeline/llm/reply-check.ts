// Names a chat reply the client libraries cannot read (no choices, no content, not JSON).

/** Characters of a reply quoted in a message. */
const QUOTED_CHARS = 200;

/**
 * A 200 reply that carries no usable answer. The service treats it as a malformed reply: asked
 * again, then the offline text. `usage` is what the reply reported, when it did.
 */
export class MalformedReplyError extends Error {
  override name = 'MalformedReplyError';
  constructor(
    message: string,
    readonly usage: { promptTokens: number; completionTokens: number } | null,
  ) {
    super(message);
  }
}

/**
 * What is wrong with the body of a 200 chat completion, completing "the model server returned
 * ...", or null when it has a choice with text content (whether that text is the JSON asked for
 * is the service's check).
 */
function replyProblem(body: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return `a reply that is not JSON: ${quoted(body)}`;
  }
  if (!json || typeof json !== 'object')
    return `a reply that is not a JSON object: ${quoted(body)}`;
  const { choices } = json as { choices?: unknown };
  if (!Array.isArray(choices) || choices.length === 0) return 'no choices';
  const choice = choices[0] as {
    finish_reason?: unknown;
    message?: { content?: unknown; refusal?: unknown };
  } | null;
  // The client libraries throw on it when JSON was asked for; it is a reply cut short.
  if (choice?.finish_reason === 'length') {
    return 'a reply cut off at its token limit (llm.maxOutputTokens)';
  }
  const message = choice?.message;
  if (typeof message?.refusal === 'string' && message.refusal.trim()) {
    return `a refusal instead of an answer: ${quoted(message.refusal)}`;
  }
  if (typeof message?.content !== 'string' || !message.content.trim()) {
    return 'a choice with no message content';
  }
  return null;
}

/** The usage a reply body reports, or null. */
function usageOf(body: string): MalformedReplyError['usage'] {
  try {
    const { usage } = JSON.parse(body) as {
      usage?: { prompt_tokens?: unknown; completion_tokens?: unknown };
    };
    const { prompt_tokens: prompt, completion_tokens: completion } = usage ?? {};
    return typeof prompt === 'number' && typeof completion === 'number'
      ? { promptTokens: prompt, completionTokens: completion }
      : null;
  } catch {
    return null;
  }
}

/** The `MalformedReplyError` a 200 chat completion's body makes, or null when it is usable. */
export function malformedReplyOf(body: string): MalformedReplyError | null {
  const problem = replyProblem(body);
  return problem
    ? new MalformedReplyError(`the model server returned ${problem}`, usageOf(body))
    : null;
}

/** A fetch that reads a 200 reply whole and throws `MalformedReplyError` when it is unusable. */
export function checkedChatFetch(base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.status !== 200) return response;
    const body = await response.text();
    const malformed = malformedReplyOf(body);
    if (malformed) throw malformed;
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

/** The `MalformedReplyError` an error was caused by (the client libraries wrap it), if any. */
export function malformedReplyIn(error: unknown): MalformedReplyError | undefined {
  for (let e = error, depth = 0; e && depth < 8; depth++) {
    if (e instanceof MalformedReplyError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** At most 200 characters of a text, on one line, marked when cut. */
function quoted(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > QUOTED_CHARS ? `${line.slice(0, QUOTED_CHARS)}…` : line || '(empty)';
}
