/**
 * One contribution's text through the cleaning steps: markup to text, normalisation, redaction,
 * boilerplate. Redaction runs before boilerplate so that removed signatures are stored redacted,
 * and so that boilerplate sees the same text when clean text is cleaned again (idempotence).
 */
import type { Redaction, Removal } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import { stripBoilerplate } from '../nlp/boilerplate.js';
import { markupToText } from '../nlp/markup.js';
import { normaliseText } from '../nlp/normalise.js';
import { mapPositions } from '../nlp/offsets.js';
import { type FindNames, type RedactOptions, redactText } from '../nlp/redact.js';
import { RemovalLog } from '../nlp/removal-log.js';

/** What cleaning needs from the config. */
export interface CleanTextOptions {
  redact: RedactOptions;
  /** Remove greetings, sign-offs, signatures and quoted replies (default in config: true). */
  stripBoilerplate: boolean;
  /** The names in a text of this contribution's language, when names are redacted; default none. */
  findNames?: FindNames | null | undefined;
}

/** A cleaned text with what was removed from it and where placeholders stand. */
export interface CleanedText {
  text: string;
  removed: Removal[];
  redactions: Redaction[];
}

/**
 * Cleans one text; `removed` offsets and `redactions` spans refer to the returned text.
 * `progress` hears the share of the steps done (a quarter each), for very long texts.
 */
export function cleanText(
  raw: string,
  markup: Contribution['markup'],
  options: CleanTextOptions,
  progress: (share: number) => void = () => {},
): CleanedText {
  const converted = markupToText(raw, markup);
  progress(0.25);
  const normalised = normaliseText(
    converted.text,
    converted.dropped.map((d) => d.at),
  );
  progress(0.5);
  const findNames = options.findNames ?? null;
  const redacted = redactText(normalised.text, options.redact, findNames);
  progress(0.75);
  const dropAt = mapPositions(normalised.positions, redacted.edits);
  const markupRemovals = converted.dropped.map(
    (dropped, i): Removal => ({
      kind: 'markup',
      // Script bodies can hold addresses too; nothing personal is stored unredacted.
      text: redactText(dropped.text, options.redact, findNames).text,
      at: dropAt[i] ?? 0,
    }),
  );
  const log = new RemovalLog(markupRemovals, redacted.redactions);
  const text = options.stripBoilerplate ? stripBoilerplate(redacted.text, log) : redacted.text;
  return { text, removed: log.removals, redactions: log.redactions };
}
