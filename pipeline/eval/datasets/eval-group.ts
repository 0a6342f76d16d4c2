// The labelled corpus every dev set is turned into: texts, their classes and the taxonomy.
import type { MotionStanceGroup } from './argkp.js';

/** The label of a text that fits none of the classes (outside the taxonomy). */
export const NO_CLASS = -1;
/** The label of a text that fits several classes: themed with the rest, but not scored. */
export const MANY_CLASSES = -2;

/** One labelled corpus: an ArgKP motion-stance group, or a whole dev set. */
export interface EvalGroup {
  /** Shown in reports. */
  name: string;
  /** The texts' language (ISO 639-1): the consultation's `language`. */
  language: string;
  /** The taxonomy for guided themes: one theme label per class. */
  classes: readonly string[];
  texts: readonly string[];
  /** Each text's class index, or NO_CLASS, or MANY_CLASSES. */
  labels: Int32Array;
}

/**
 * An ArgKP group as an eval group: the key points are the taxonomy (label = key point text),
 * and the arguments matching none or several follow the singly-labelled ones.
 */
export function evalGroupOfArgKp(group: MotionStanceGroup): EvalGroup {
  return {
    name: `${group.topic} (${group.stance})`,
    language: 'en',
    classes: group.keyPoints.map((keyPoint) => keyPoint.text),
    texts: [...group.texts, ...group.unmatched, ...group.multiple],
    labels: Int32Array.from([
      ...group.labels,
      ...group.unmatched.map(() => NO_CLASS),
      ...group.multiple.map(() => MANY_CLASSES),
    ]),
  };
}

/** The texts with a single class, and their labels: what clusterings are scored on. */
export function singlyLabelled(group: EvalGroup): { texts: string[]; labels: Int32Array } {
  const rows = [...group.labels.keys()].filter((i) => (group.labels[i] as number) >= 0);
  return {
    texts: rows.map((i) => group.texts[i] as string),
    labels: Int32Array.from(rows, (i) => group.labels[i] as number),
  };
}

/** The number of distinct classes among the singly-labelled texts (the true k). */
export function trueCount(group: EvalGroup): number {
  return new Set(group.labels.filter((label) => label >= 0)).size;
}

/**
 * The group with up to `perClass` singly-labelled texts of each class taken out as that class's
 * examples (the first ones, so runs compare): the texts left are scored, never the examples.
 */
export function holdOutExamples(
  group: EvalGroup,
  perClass: number,
): { group: EvalGroup; examples: string[][] } {
  const examples = group.classes.map((): string[] => []);
  const kept: number[] = [];
  group.labels.forEach((label, i) => {
    const own = examples[label];
    if (own !== undefined && own.length < perClass) own.push(group.texts[i] as string);
    else kept.push(i);
  });
  const rest = {
    ...group,
    texts: kept.map((i) => group.texts[i] as string),
    labels: Int32Array.from(kept, (i) => group.labels[i] as number),
  };
  return { group: rest, examples };
}
