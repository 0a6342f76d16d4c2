import type { Finding } from '../../../schemas/findings.js';
import type { Theme } from '../../../schemas/themes.js';
import { maxOf } from '../../arrays.js';
import { dot, rowOf } from '../../matrix.js';
import { clusterVectors, selectRows } from '../../themes/emergent.js';
import { labelGroups } from '../../themes/labels.js';
import { centreOf } from '../../themes/partition.js';
import { textOnlyDescribesSpeaker } from '../reading/speaker.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { passagePhrases } from './passage-phrases.js';
import {
  type Example,
  likestFirst,
  mentionsOf,
  nameInSentence,
  passagesAlike,
} from './point-evidence.js';
import {
  bestSentence,
  findingOf,
  foldedWords,
  statementText,
  supportOf,
  wordCounts,
} from './support.js';
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
 * A key point is a point its group shares when the passages making its example's point are at
 * least this many contributions...
 */
const MIN_SHARED = 2;
/** ...and at least this share of those mentioning the group's label; else it names a topic. */
const SHARED_SHARE = 1 / 3;

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
        ? labelGroups(
            passagePhrases(corpus),
            groups.map((members) => members.map((p) => p.index)),
            { context: subject },
          ).map((made) => made.label)
        : [theme.label];
  }
  return groups
    .map((members, g) => ({ members, label: labels[g] ?? theme.label }))
    .filter(({ members }) => members.length > 0)
    .map(({ members, label }) => pointGroupOf(corpus, members, label))
    .sort((a, b) => b.passages.length - a.passages.length);
}

/** A group of passages with its centre, members closest to the centre first. */
export function pointGroupOf(
  corpus: SynthesisCorpus,
  passages: readonly SynthesisPassage[],
  label: string,
): PointGroup {
  const centre = centreOf(
    corpus.vectors,
    passages.map((p) => p.index),
  );
  const closeness = (p: SynthesisPassage) => dot(rowOf(corpus.vectors, p.index), centre);
  const members = [...passages].sort((a, b) => closeness(b) - closeness(a) || a.index - b.index);
  return { passages: members, centre, label };
}

/**
 * One key point per group (see `keyPointOf`), for the five largest groups.
 */
export function keyPointsOf(corpus: SynthesisCorpus, groups: readonly PointGroup[]): Finding[] {
  return groups.slice(0, MAX_KEY_POINTS).flatMap((group) => keyPointOf(corpus, group) ?? []);
}

/**
 * A group's key point, citing its evidence with the example's passage first. The example is
 * the sentence of the group's most central passages that best carries its common words
 * (preferring passages that mention the group's label). When the passages making the
 * example's point (`passagesAlike`) are at least two contributions and a third of those
 * mentioning the label, the point is shared: "<label>: “<example>”", citing them; so too when
 * fewer than two contributions mention the label, or the example's passage does not. Else the
 * group shares a topic rather than a point, and says so: "31 contributions mention parking
 * downtown, for example: “…”", citing those that mention it, the likest to the example first.
 * A group whose passages only say who their authors are ("I am male", "I live in a town") makes
 * no point: null.
 */
export function keyPointOf(corpus: SynthesisCorpus, group: PointGroup): Finding | null {
  const speaking = group.passages.filter((p) => !textOnlyDescribesSpeaker(p.text, p.language));
  if (speaking.length === 0) return null;
  const mentions = mentionsOf(group.label, group.passages);
  const example = exampleOf(group, speaking, mentions);
  const text = statementText(example.text);
  const point = passagesAlike(corpus, example, group.passages);
  const mentioning = supportOf(mentions).contributions;
  const shared = supportOf(point).contributions;
  const isShared = shared >= MIN_SHARED && shared >= mentioning * SHARED_SHARE;
  if (isShared || mentioning < MIN_SHARED || !mentions.includes(example.passage))
    return findingOf(TEMPLATES.keyPoint(group.label, text), point);
  const topic = nameInSentence(group.label, mentions);
  return findingOf(
    TEMPLATES.topicPoint(mentioning, topic, text),
    likestFirst(corpus, example, mentions),
  );
}

/**
 * The example of a group's point: the sentence of its most central speaking passages (those
 * that mention its label, when some do) that best carries the group's common words, the
 * label's words counting as often as its commonest word.
 */
function exampleOf(
  group: PointGroup,
  speaking: readonly SynthesisPassage[],
  mentions: readonly SynthesisPassage[],
): Example {
  const mentioning = new Set(mentions);
  const onTopic = speaking.filter((p) => mentioning.has(p));
  const counts = wordCounts(group.passages);
  const top = maxOf([0, ...counts.values()]);
  for (const w of foldedWords(group.label, group.passages[0]?.language ?? 'en')) counts.set(w, top);
  const from = (onTopic.length > 0 ? onTopic : speaking).slice(0, EXAMPLE_CANDIDATES);
  const { sentence, passage } = bestSentence(from, counts);
  return { text: sentence.text, passage };
}
