// The OpenAI Batch API's calls, through the official client: upload a JSONL file, create, check and download a batch.
import OpenAI, { toFile } from 'openai';
import { CHAT_ENDPOINT } from './batch-lines.js';
import type { ServerSettings } from './transport.js';

/** A batch as the server reports it. */
export interface BatchStatus {
  id: string;
  status:
    | 'validating'
    | 'failed'
    | 'in_progress'
    | 'finalizing'
    | 'completed'
    | 'expired'
    | 'cancelling'
    | 'cancelled';
  /** Requests done (answered or failed) and in all. */
  done: number;
  total: number;
  outputFileId: string | null;
  errorFileId: string | null;
  /** Why the server refused the batch (status `failed`), one line. */
  errors: string | null;
}

/** The Batch API calls the batch transport makes; the stub server in tests speaks them too. */
export interface BatchClient {
  /** Uploads the lines as a JSONL file with purpose `batch`; returns the file's id. */
  upload(lines: readonly string[], signal: AbortSignal): Promise<string>;
  /** Creates a batch of chat completions, to be done within 24 hours. */
  create(inputFileId: string, signal: AbortSignal): Promise<BatchStatus>;
  retrieve(id: string, signal: AbortSignal): Promise<BatchStatus>;
  /** A file's content (an output or error file), as text. */
  download(fileId: string, signal: AbortSignal): Promise<string>;
}

/** The Batch API client of an OpenAI or OpenAI-compatible server (the openai SDK's, retries off). */
export function createBatchClient(server: ServerSettings): BatchClient {
  const client = new OpenAI({
    apiKey: server.apiKey,
    maxRetries: 0,
    ...(server.baseUrl ? { baseURL: server.baseUrl } : {}),
  });
  return {
    async upload(lines, signal) {
      const file = await toFile(Buffer.from(`${lines.join('\n')}\n`), 'requests.jsonl', {
        type: 'application/jsonl',
      });
      const uploaded = await client.files.create({ file, purpose: 'batch' }, { signal });
      return uploaded.id;
    },
    async create(inputFileId, signal) {
      const batch = await client.batches.create(
        { input_file_id: inputFileId, endpoint: CHAT_ENDPOINT, completion_window: '24h' },
        { signal },
      );
      return statusOf(batch);
    },
    async retrieve(id, signal) {
      return statusOf(await client.batches.retrieve(id, { signal }));
    },
    async download(fileId, signal) {
      const response = await client.files.content(fileId, { signal });
      return response.text();
    },
  };
}

function statusOf(batch: OpenAI.Batch): BatchStatus {
  const counts = batch.request_counts;
  const errors = (batch.errors?.data ?? [])
    .slice(0, 3)
    .map((e) => [e.line ? `line ${e.line}` : '', e.code, e.message].filter(Boolean).join(': '));
  return {
    id: batch.id,
    status: batch.status,
    done: (counts?.completed ?? 0) + (counts?.failed ?? 0),
    total: counts?.total ?? 0,
    outputFileId: batch.output_file_id ?? null,
    errorFileId: batch.error_file_id ?? null,
    errors: errors.length > 0 ? errors.join('; ') : null,
  };
}
