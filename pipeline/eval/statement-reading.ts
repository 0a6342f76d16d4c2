// What the tool and the baselines read in each labelled line: its kinds, its contribution's
// stance on the question, and whether it stands alone.
import type { LabelledStatement, StatementPrediction } from '../../schemas/statement-eval.js';
import type { LineReading } from '../synthesis/model/read-lines.js';
import { readerFor, type StatementKind } from '../synthesis/reading/reader.js';
import { standsAlone } from '../synthesis/reading/sentences.js';
import { contributionStance, type Position } from '../synthesis/reading/stance.js';
import { cueKinds } from './cue-baseline.js';
import { openingStance } from './opening-baseline.js';
import { contributionKey } from './statement-set.js';

/** A labelled line beside the tool's reading and the baselines'. */
export interface ReadStatement {
  item: LabelledStatement;
  /** The reader's kinds; null for a language without a reader. */
  kinds: StatementKind[] | null;
  /** The cue words' kinds (`cueKinds`). */
  baselineKinds: StatementKind[];
  /** The whole contribution's position; null when the line has no question. */
  stance: Position | null;
  /** The contribution's opening word's position (`openingStance`); null without a question. */
  baselineStance: Position | null;
  /** `standsAlone` with the line's reader; null for a language without a reader. */
  standsAlone: boolean | null;
}

/**
 * Reads every line as the tool does: kinds by `readerFor(language).kindsOf(text, {question})`,
 * stance by `contributionStance(context, question, language)` (once per contribution), standing
 * alone by `standsAlone(reader, text)`; and as the baselines do. With the model's readings (by
 * line id), its kinds and stance come first and the rules read what it left null, as a run
 * does. The baseline of standing alone ("every sentence does") needs no reading.
 */
export function readStatements(
  items: readonly LabelledStatement[],
  model: ReadonlyMap<string, LineReading> = new Map(),
): ReadStatement[] {
  const stances = new Map<string, Position>();
  const stanceOf = (item: LabelledStatement, question: string) => {
    const key = contributionKey(item);
    let stance = stances.get(key);
    if (stance === undefined) {
      stance =
        model.get(item.id)?.stance ?? contributionStance(item.context, question, item.language);
      stances.set(key, stance);
    }
    return stance;
  };
  return items.map((item) => {
    const reader = readerFor(item.language);
    const { question } = item;
    return {
      item,
      kinds: model.get(item.id)?.kinds ?? reader?.kindsOf(item.text, { question }) ?? null,
      baselineKinds: cueKinds(item.text),
      stance: question === null ? null : stanceOf(item, question),
      baselineStance: question === null ? null : openingStance(item.context),
      standsAlone: reader === null ? null : standsAlone(reader, item.text),
    };
  });
}

/** The tool's reading of a line as written by `--predictions`. */
export function predictionOf(read: ReadStatement): StatementPrediction {
  return {
    id: read.item.id,
    kinds: read.kinds ?? [],
    stance: read.stance,
    standsAlone: read.standsAlone,
  };
}
