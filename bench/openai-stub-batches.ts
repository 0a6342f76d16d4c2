/**
 * The stub server's files and batches endpoints (OpenAI's Batch API): upload a JSONL file,
 * create a batch of chat completions, retrieve it (validating, then in progress for `polls`
 * checks, then completed), cancel it, and download its output and error files. Each line is
 * answered as the live endpoint answers it, queued faults included, when the batch ends.
 */

/** How the next batch created ends instead of completing; see {@link StubBatchApi.fault}. */
export type StubBatchFault = 'expired' | 'failed';

/** A batch the stub holds. */
export interface StubBatch {
  id: string;
  status:
    | 'validating'
    | 'in_progress'
    | 'completed'
    | 'expired'
    | 'failed'
    | 'cancelling'
    | 'cancelled';
  inputFileId: string;
  /** The `custom_id` of each line, in order. */
  customIds: string[];
  /** Checks (`GET /v1/batches/{id}`) answered so far. */
  checks: number;
  fault: StubBatchFault | null;
  outputFileId: string | null;
  errorFileId: string | null;
}

/** The Batch API side of the stub, for tests to steer and inspect. */
export interface StubBatchApi {
  /** Every batch created, in order. */
  batches: StubBatch[];
  /** Checks a batch stays `in_progress` before it completes (default 2). */
  polls: number;
  /** While true, batches stay `in_progress` however often they are checked. */
  hold: boolean;
  /** Makes the next batch created end `expired` (half its lines answered) or `failed`. */
  fault(fault: StubBatchFault): void;
  /** Forgets batches, files and queued batch faults. */
  reset(): void;
}

/** A line's answer as the live endpoint would give it: HTTP status and body. */
export type AnswerLine = (body: unknown, batchId: string) => { status: number; body: unknown };

/** A reply of the files and batches endpoints: status and JSON body, or text. */
export interface BatchApiReply {
  status: number;
  body: object | string;
}

interface Line {
  custom_id: string;
  body: unknown;
}

const FILE_PATH = /^\/v1\/files(?:\/([^/]+)\/content)?$/;
const BATCH_PATH = /^\/v1\/batches(?:\/([^/]+)(\/cancel)?)?$/;

/** The files and batches endpoints, answering lines with `answer`. */
export function createStubBatches(answer: AnswerLine): {
  api: StubBatchApi;
  /** Answers a files or batches request, or returns null for other paths. */
  handle(
    method: string,
    path: string,
    raw: Buffer,
    contentType: string,
  ): Promise<BatchApiReply> | null;
} {
  const files = new Map<string, { name: string; purpose: string; text: string }>();
  const faults: StubBatchFault[] = [];
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}-stub-${++seq}`;
  const api: StubBatchApi = {
    batches: [],
    polls: 2,
    hold: false,
    fault: (fault) => faults.push(fault),
    reset() {
      api.batches.length = 0;
      files.clear();
      faults.length = 0;
    },
  };
  const addFile = (name: string, purpose: string, text: string): string => {
    const id = nextId('file');
    files.set(id, { name, purpose, text });
    return id;
  };

  async function upload(raw: Buffer, contentType: string): Promise<BatchApiReply> {
    const form = await new Request('http://stub/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    const file = form.get('file');
    const purpose = form.get('purpose');
    if (!(file instanceof File) || typeof purpose !== 'string')
      return notValid('a multipart form with `file` and `purpose` is required');
    const text = await file.text();
    const id = addFile(file.name, purpose, text);
    return { status: 200, body: fileObject(id, file.name, purpose, text) };
  }

  function create(body: unknown): BatchApiReply {
    const { input_file_id, endpoint, completion_window } = (body ?? {}) as Record<string, unknown>;
    const file = typeof input_file_id === 'string' ? files.get(input_file_id) : undefined;
    if (file?.purpose !== 'batch') return notValid(`no batch file ${String(input_file_id)}`);
    if (endpoint !== '/v1/chat/completions' || completion_window !== '24h')
      return notValid('the stub runs chat completions within 24h only');
    const batch: StubBatch = {
      id: nextId('batch'),
      status: 'validating',
      inputFileId: input_file_id as string,
      customIds: linesOf(file.text).map((l) => l.custom_id),
      checks: 0,
      fault: faults.shift() ?? null,
      outputFileId: null,
      errorFileId: null,
    };
    api.batches.push(batch);
    return { status: 200, body: batchObject(batch) };
  }

  /** Moves a batch on one step per check, and answers its lines when it ends. */
  function check(batch: StubBatch): void {
    batch.checks += 1;
    if (batch.status === 'validating') {
      batch.status = batch.fault === 'failed' ? 'failed' : 'in_progress';
    } else if (batch.status === 'cancelling') {
      batch.status = 'cancelled';
    } else if (batch.status === 'in_progress' && !api.hold && batch.checks > api.polls) {
      finish(batch);
    }
  }

  function finish(batch: StubBatch): void {
    const lines = linesOf(files.get(batch.inputFileId)?.text ?? '');
    const answered =
      batch.fault === 'expired' ? lines.slice(0, Math.ceil(lines.length / 2)) : lines;
    const output: string[] = [];
    const errors: string[] = [];
    for (const line of answered) {
      const reply = answer(line.body, batch.id);
      const result = {
        id: nextId('batch_req'),
        custom_id: line.custom_id,
        response: { status_code: reply.status, request_id: nextId('req'), body: reply.body },
        error: null,
      };
      (reply.status === 200 ? output : errors).push(JSON.stringify(result));
    }
    for (const line of lines.slice(answered.length)) {
      errors.push(
        JSON.stringify({
          id: nextId('batch_req'),
          custom_id: line.custom_id,
          response: null,
          error: {
            code: 'batch_expired',
            message: 'This request could not be executed before the completion window expired.',
          },
        }),
      );
    }
    batch.status = batch.fault === 'expired' ? 'expired' : 'completed';
    if (output.length > 0)
      batch.outputFileId = addFile(
        `${batch.id}_output.jsonl`,
        'batch_output',
        `${output.join('\n')}\n`,
      );
    if (errors.length > 0)
      batch.errorFileId = addFile(
        `${batch.id}_error.jsonl`,
        'batch_output',
        `${errors.join('\n')}\n`,
      );
  }

  function batchObject(batch: StubBatch): object {
    const total = batch.customIds.length;
    const done =
      batch.status === 'in_progress'
        ? Math.floor((total * Math.max(0, batch.checks - 1)) / (api.polls + 1))
        : ['completed', 'expired'].includes(batch.status)
          ? total
          : 0;
    return {
      id: batch.id,
      object: 'batch',
      endpoint: '/v1/chat/completions',
      errors:
        batch.status === 'failed'
          ? {
              object: 'list',
              data: [
                { code: 'invalid_request', message: 'Scripted batch fault: failed.', line: 1 },
              ],
            }
          : null,
      input_file_id: batch.inputFileId,
      completion_window: '24h',
      status: batch.status,
      output_file_id: batch.outputFileId,
      error_file_id: batch.errorFileId,
      created_at: 0,
      request_counts: { total, completed: done, failed: 0 },
      metadata: null,
    };
  }

  function handle(
    method: string,
    path: string,
    raw: Buffer,
    contentType: string,
  ): Promise<BatchApiReply> | null {
    const file = FILE_PATH.exec(path);
    if (file) {
      if (method === 'POST' && !file[1]) return upload(raw, contentType);
      const found = file[1] ? files.get(file[1]) : undefined;
      if (method === 'GET' && found) return Promise.resolve({ status: 200, body: found.text });
      return Promise.resolve(notFound(`No file ${file[1] ?? ''}`));
    }
    const route = BATCH_PATH.exec(path);
    if (!route) return null;
    if (method === 'POST' && !route[1]) return Promise.resolve(create(parseJson(raw)));
    const batch = api.batches.find((b) => b.id === route[1]);
    if (!batch) return Promise.resolve(notFound(`No batch found with id '${route[1] ?? ''}'.`));
    if (method === 'POST' && route[2]) {
      if (batch.status === 'validating' || batch.status === 'in_progress')
        batch.status = 'cancelling';
      return Promise.resolve({ status: 200, body: batchObject(batch) });
    }
    if (method !== 'GET' || route[2])
      return Promise.resolve(notFound(`Unknown endpoint: ${method} ${path}`));
    check(batch);
    return Promise.resolve({ status: 200, body: batchObject(batch) });
  }

  return { api, handle };
}

function fileObject(id: string, filename: string, purpose: string, text: string): object {
  const bytes = Buffer.byteLength(text);
  return { id, object: 'file', bytes, created_at: 0, filename, purpose, status: 'processed' };
}

function linesOf(text: string): Line[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return null;
  }
}

const notFound = (message: string): BatchApiReply => ({
  status: 404,
  body: { error: { message, type: 'invalid_request_error', code: 'not_found' } },
});

const notValid = (message: string): BatchApiReply => ({
  status: 400,
  body: { error: { message, type: 'invalid_request_error', code: 'invalid_request' } },
});
