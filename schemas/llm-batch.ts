// The OpenAI Batch API's data as the tool keeps and reads it: the run folder's batch records and the lines of a batch's result files.
import { z } from 'zod';

/**
 * A batch sent to the Batch API and not yet fully taken in, as kept in the run folder's
 * `batches/<id>.json`: a run that stops while it is in flight resumes it instead of paying again.
 */
export const BatchRecord = z.strictObject({
  /** The batch's id on the server (`batch_...`). */
  id: z.string().min(1),
  model: z.string().min(1),
  inputFileId: z.string().min(1),
  /** The `custom_id` of every request in it: a hash of the request's body. */
  requests: z.array(z.string().min(1)).min(1),
  /** ISO time it was created. */
  createdAt: z.string(),
});
export type BatchRecord = z.infer<typeof BatchRecord>;

/**
 * One line of a batch's output or error file: the request's `custom_id`, and either the HTTP
 * response the request got (status and body) or an error that kept it from being sent (e.g.
 * `batch_expired`).
 */
export const BatchResultLine = z.object({
  custom_id: z.string(),
  response: z
    .object({
      status_code: z.number().int(),
      body: z.unknown(),
    })
    .nullish(),
  error: z
    .object({
      code: z.string().nullish(),
      message: z.string().nullish(),
    })
    .nullish(),
});
export type BatchResultLine = z.infer<typeof BatchResultLine>;
