import { z } from 'zod';

/** A span of the clean text, meant to be themed on its own. */
export const Passage = z.strictObject({
  /** `<contribution id>#<n>`, n from 1. */
  id: z.string(),
  text: z.string(),
  /** Offsets into the record's clean text: `text === record.text.slice(start, end)`. */
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Passage = z.infer<typeof Passage>;

/** Kinds of text removed as boilerplate; each removal is kept so the original is recoverable. */
export const RemovalKind = z.enum(['markup', 'greeting', 'sign-off', 'signature', 'quoted-reply']);
export type RemovalKind = z.infer<typeof RemovalKind>;

export const Removal = z.strictObject({
  kind: RemovalKind,
  text: z.string(),
  /** Offset in the clean text where the removed text stood. */
  at: z.number().int().min(0),
});
export type Removal = z.infer<typeof Removal>;

/** `name`: a personal name, or a mask in the source standing for one; `mask`: another mask. */
export const RedactionKind = z.enum(['email', 'phone', 'url', 'name', 'mask']);
export type RedactionKind = z.infer<typeof RedactionKind>;

/** A redacted span: the placeholder's place in the clean text. The original value is not kept. */
export const Redaction = z.strictObject({
  kind: RedactionKind,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Redaction = z.infer<typeof Redaction>;

/** Why a record was excluded. */
export const ExclusionReason = z.enum([
  'rejected-by-moderator',
  'empty',
  'no-words',
  'link-only',
  'no-answer',
  'too-short',
]);
export type ExclusionReason = z.infer<typeof ExclusionReason>;

const common = {
  /** The contribution id, as in `contributions.jsonl`. */
  id: z.string(),
  /** The clean text (normalised, markup and boilerplate removed, personal data redacted). */
  text: z.string(),
  language: z.string(),
  removed: z.array(Removal),
  redactions: z.array(Redaction),
  /** Survey layout: the respondent's answers left blank, on their first contribution's record. */
  blankAnswers: z.number().int().min(1).optional(),
};

/** Every input record ends in exactly one of these states. */
export const CleanRecord = z.discriminatedUnion('status', [
  z.strictObject({
    ...common,
    status: z.literal('kept'),
    /** Ids of records merged into this one as duplicates: each is an extra voice. */
    duplicates: z.array(z.string()),
    passages: z.array(Passage).min(1),
  }),
  z.strictObject({
    ...common,
    status: z.literal('duplicate'),
    duplicateOf: z.string(),
    /** `exact` after normalisation, or `near` (word-shingle similarity at or over the threshold). */
    match: z.enum(['exact', 'near']),
    passages: z.array(Passage).length(0),
  }),
  z.strictObject({
    ...common,
    status: z.literal('excluded'),
    reason: ExclusionReason,
    passages: z.array(Passage).length(0),
  }),
  /**
   * An answer to a question asking what could be better that says only that nothing needs to
   * change ("Nothing.", "No, all good"): counted under its question, held out of the themes.
   */
  z.strictObject({
    ...common,
    status: z.literal('nothing-to-change'),
    passages: z.array(Passage).length(0),
  }),
]);
export type CleanRecord = z.infer<typeof CleanRecord>;
