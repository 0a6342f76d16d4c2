import type { Finding } from '../../../schemas/findings.js';
import type { Theme } from '../../../schemas/themes.js';
import { maxOf } from '../../arrays.js';
import { dot, rowOf } from '../../matrix.js';
import { clusterVectors, selectRows } from '../../themes/emergent.js';
import { labelThemes } from '../../themes/labels.js';
import { centreOf } from '../../themes/partition.js';
import { textOnlyDescribesSpeaker } from '../reading/speaker.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { bestSentence, findingOf, foldedWords, statementText, wordCounts } from './support.js';
import { TEMPLATES } from './templates.js';
import { themePassages } from './theme-findings.js';

/** A group of a theme's passages making one point, with the group's centre and label. */
export interface PointGroup {
  passages: SynthesisPassage[];
  centre: Float32Array;
  /** What sets the group apart: its sub-theme's label, or one made from its phrases. */
  label: string;
}

/** Most key points per theme. */
const MAX_KEY_POINTS = 5;
/** The example of a key point is taken from one of this many of its most central passages. */
const EXAMPLE_CANDIDATES = 10;
/** Themes smaller than this are one point. */
const MIN_PASSAGES_TO_SPLIT = 8;
/**
 * A larger theme's points are found on a hash-chosen sample of this many passages (the others
 * join the nearest): five groups need fewer rows than a consultation's themes, and the pairwise
 * similarities grow with the square of the sample.
 */
const POINT_SAMPLE = 600;

/**
 * Splits a theme's passages into the distinct points made in it: its sub-themes when it has
 * them, else clusters of its passages (at most five, each at least 5% of the theme) labelled
 * by their distinctive phrases. Groups come largest first, members closest to their centre
 * first.
 */
export function pointGroups(
  corpus: SynthesisCorpus,
  theme: Theme,
  passages: readonly SynthesisPassage[],
  subject: ReadonlySet<string>,
): PointGroup[] {
  const subthemes = corpus.themes.themes.filter((t) => t.parentId === theme.id);
  let groups: SynthesisPassage[][];
  let labels: string[];
  if (subthemes.length > 1) {
    groups = subthemes.map((sub) => themePassages(corpus, sub));
    labels = subthemes.map((sub) => sub.label);
  } else if (passages.length < MIN_PASSAGES_TO_SPLIT) {
    groups = [[...passages]];
    labels = [theme.label];
  } else {
    const clustering = clusterVectors(
      selectRows(
        corpus.vectors,
        passages.map((p) => p.index),
      ),
      {
        maxClusters: MAX_KEY_POINTS,
        minClusterSize: Math.max(2, Math.ceil(passages.length * 0.05)),
        sampleSize: POINT_SAMPLE,
      },
    );
    groups = Array.from({ length: Math.max(1, clustering.k) }, () => []);
    clustering.labels.forEach((label, i) => {
      groups[Math.max(0, label)]?.push(passages[i] as SynthesisPassage);
    });
    labels =
      groups.length > 1
        ? labelThemes(
            groups.map((members) => members.map((p) => p.text)),
            { context: subject },
          ).map((made) => made.label)
        : [theme.label];
  }
  return groups
    .map((members, g) => ({ members, label: labels[g] ?? theme.label }))
    .filter(({ members }) => members.length > 0)
    .map(({ members, label }) => {
      const centre = centreOf(
        corpus.vectors,
        members.map((p) => p.index),
      );
      const closeness = (p: SynthesisPassage) => dot(rowOf(corpus.vectors, p.index), centre);
      members.sort((a, b) => closeness(b) - closeness(a) || a.index - b.index);
      return { passages: members, centre, label };
    })
    .sort((a, b) => b.passages.length - a.passages.length);
}

/**
 * One key point per group: its label, with the sentence of its most central passage that best
 * carries the group's common words as an example, citing every passage of the group (its
 * support). A group whose passages only say who their authors are ("I am male", "I live in a
 * town") makes no point.
 */
export function keyPointsOf(groups: readonly PointGroup[]): Finding[] {
  return groups.slice(0, MAX_KEY_POINTS).flatMap((group) => {
    const speaking = group.passages.filter((p) => !textOnlyDescribesSpeaker(p.text, p.language));
    if (speaking.length === 0) return [];
    const counts = wordCounts(group.passages);
    // The label's words count as often as the group's commonest word: the example should
    // show what the label names.
    const top = maxOf([0, ...counts.values()]);
    for (const w of foldedWords(group.label, group.passages[0]?.language ?? 'en'))
      counts.set(w, top);
    const { sentence } = bestSentence(speaking.slice(0, EXAMPLE_CANDIDATES), counts);
    return [
      findingOf(TEMPLATES.keyPoint(group.label, statementText(sentence.text)), group.passages),
    ];
  });
}
