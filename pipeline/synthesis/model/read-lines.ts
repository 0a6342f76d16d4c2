/**
 * Labelled lines read with the model as a run reads a consultation (the same prompts, batches,
 * cache and checks), so that `brief eval synthesis` can score the model's reading beside the
 * rules'.
 */
import type { LlmService } from '../../llm/llm-service.js';
import { asksYesOrNo } from '../reading/answer-openings.js';
import type { StatementKind } from '../reading/reader.js';
import type { Position } from '../reading/stance.js';
import { type ReadingOptions, readKinds, readPositions } from './statement-reading.js';

/** A line to read: a sentence, the whole contribution it is from, and the question it answers. */
export interface LineToRead {
  id: string;
  question: string | null;
  /** The sentence. */
  text: string;
  /** The whole contribution. */
  context: string;
}

/** What the model read of a line; null where it read nothing, for the caller's rules to read. */
export interface LineReading {
  /** The sentence's kinds; null when the model's reply for it was missing or invalid. */
  kinds: StatementKind[] | null;
  /**
   * The contribution's position on the question; null when the question asks for no yes or no
   * (the rules then say unclear too) or the reply was missing or invalid.
   */
  stance: Position | null;
}

/**
 * Reads each line's sentence for its kinds (under its question) and, where the question asks
 * for a yes or a no, its contribution for its position: one request per batch of distinct
 * sentences or contributions per question. Returns a reading for every line id.
 */
export async function readLinesWithModel(
  lines: readonly LineToRead[],
  llm: LlmService,
  options: ReadingOptions,
): Promise<Map<string, LineReading>> {
  const byQuestion = new Map<string | null, LineToRead[]>();
  for (const line of lines) {
    const group = byQuestion.get(line.question);
    if (group) group.push(line);
    else byQuestion.set(line.question, [line]);
  }
  const read = await Promise.all(
    [...byQuestion].map(async ([question, group]) => {
      const yesNo = question !== null && asksYesOrNo(question);
      const [kinds, positions] = await Promise.all([
        readKinds(
          group.map((line) => line.text),
          question,
          llm,
          options,
        ),
        yesNo
          ? readPositions(
              group.map((line) => line.context),
              question,
              llm,
              options,
            )
          : new Map<string, Position>(),
      ]);
      return group.map((line): [string, LineReading] => [
        line.id,
        { kinds: kinds.get(line.text) ?? null, stance: positions.get(line.context) ?? null },
      ]);
    }),
  );
  return new Map(read.flat());
}
