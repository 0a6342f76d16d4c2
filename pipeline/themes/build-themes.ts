import type { TaxonomyTheme, ThemingConfig } from '../../schemas/consultation.js';
import type { Theme, ThemeOrigin, Themes } from '../../schemas/themes.js';
import { dot, type Matrix, rowOf } from '../matrix.js';
import { contentWords } from '../nlp/tokenise.js';
import type { WordVectors } from '../nlp/word-vectors.js';
import { countPhase, type PhaseCounter, type PhaseProgress } from '../progress-counter.js';
import { assignGuided, guidedScores, taxonomyText } from './guided.js';
import { type ThemeEvidence, themeAlignment, themeCentres } from './guided-evidence.js';
import { labelGroups } from './labels.js';
import { centreOf, type Group, leastSize, partitionRows } from './partition.js';
import { PhraseIndex } from './phrase-counts.js';
import {
  emergentIds,
  partitionByQuestion,
  type QuestionPartition,
  type QuestionRows,
  tellApart,
} from './question-themes.js';
import { chooseRepresentatives } from './representatives.js';
import { participantCount, type RowVoices, rowVoices } from './row-voices.js';

/** What theme building needs to know about each passage row of the vectors. */
export interface PassageInfo {
  ids: readonly string[];
  texts: readonly string[];
  languages: readonly string[];
  /** The contribution behind each passage, with the duplicates merged into it (extra voices). */
  contributionsOf: readonly (readonly string[])[];
  /** The participants behind each passage: its author and the authors of its duplicates. */
  participantsOf: readonly (readonly string[])[];
}

export interface BuildThemesInput {
  /** Passage vectors (rows as `passages.ids`). */
  vectors: Matrix;
  passages: PassageInfo;
  /** The taxonomy and its vectors (one row per taxonomy theme), for guided themes. */
  taxonomy: readonly TaxonomyTheme[];
  taxonomyVectors: Matrix;
  /** One row per configured example of the taxonomy themes, theme by theme in taxonomy order. */
  exampleVectors: Matrix;
  /** The bundled word vectors, to align passages' words with the taxonomy's. */
  words: WordVectors;
  /** The consultation's main language. */
  language: string;
  settings: ThemingConfig;
  /** Words of the consultation's own subject, too common to name a theme (see `labelThemes`). */
  context?: ReadonlySet<string>;
  /**
   * The question each passage answers, to find emergent themes within each question (see
   * `partitionByQuestion`); absent: across all passages.
   */
  questions?: QuestionRows;
  provider: string;
  /** Hears the parts of the work: guided themes, emergent themes, sub-themes, phrases, labels. */
  progress?: PhaseProgress;
}

/** A theme before labelling: its origin, rows and place in the hierarchy. */
export interface Draft {
  id: string;
  parentId: string | null;
  origin: ThemeOrigin;
  rows: number[];
  centre: Float32Array;
  taxonomy?: TaxonomyTheme;
  /** The question whose answers an emergent theme was found in. */
  questionId?: string;
}

const OTHER_LABEL = 'Other ideas';
/** A theme is split only when it has this many times the minimum theme size, in participants. */
const SUBTHEME_PARENT_FACTOR = 6;
/** Least share of its parent's participants a sub-theme must hold. */
const MIN_SUBTHEME_SHARE = 0.08;

/**
 * Builds the two-level theme set: passages close to a taxonomy theme join it (and a second one
 * when close to both); the rest are clustered into emergent themes; large themes are split into
 * sub-themes; every theme gets a label, keywords, a description and representative passages.
 * Every passage ends in at least one theme or in "Other ideas". Sizes are counted in distinct
 * participants, and a long contribution weighs as a few passages (see `rowVoices`).
 */
export function buildThemes(input: BuildThemesInput): Themes {
  const { passages } = input;
  const { drafts, emergent, voices } = draftTopLevelThemes(input);
  // A taxonomy theme no passage joined is left out; the brief's methodology names it instead.
  const top = drafts.filter((draft) => draft.rows.length > 0);
  const split = countPhase(input.progress, 'sub-themes', 'themes', top.length);
  const subthemes = top.flatMap((parent) => {
    const found = subthemeDrafts(parent, input, voices);
    split.add();
    return found;
  });
  // Top-level themes and sub-themes are labelled from one index: each passage is tagged once.
  const phrases = new PhraseIndex(
    passages.texts,
    passages.texts.map((_, row) => passages.languages[row] ?? input.language),
  );
  const rows = top.flatMap((draft) => draft.rows);
  const tagged = countPhase(input.progress, 'phrases', 'passages', rows.length);
  phrases.tag(rows, () => tagged.add());
  // Two steps a theme: its phrases tallied, then its label, description and representatives.
  const labelled = countPhase(
    input.progress,
    'labels',
    'steps',
    2 * (top.length + subthemes.length),
  );
  const labelling = { input, phrases, voices, labelled };
  const named = labelTopLevel(top, labelling);
  const themes = [...named, ...labelSiblings(subthemes, named, labelling)];
  const questionIds = input.questions?.ids;
  return {
    themes: questionIds ? tellApart(orderThemes(themes), questionIds) : orderThemes(themes),
    other: {
      label: OTHER_LABEL,
      passageIds: emergent.other.map((row) => passages.ids[row] as string),
    },
    nonEnglishPassageIds: passages.ids.filter((_, row) => passages.languages[row] !== 'en'),
    method: {
      provider: input.provider,
      chosenK: emergent.k,
      criterion: questionIds
        ? 'modularity of the nearest-neighbour graph, within each guiding question'
        : 'modularity of the nearest-neighbour graph',
      labelledBy: null,
      scores: emergent.scores,
    },
  };
}

/** The top-level themes before sub-themes and labels, and where each passage went. */
export interface TopLevelThemes {
  /** Guided themes in taxonomy order, then emergent ones largest first. */
  drafts: Draft[];
  /** Each passage row's first taxonomy theme (its index), or -1 when it went to discovery. */
  guided: Int32Array;
  /**
   * The emergent themes of the rows no taxonomy theme took (within each question, when the
   * input has them), and the rows that fit none.
   */
  emergent: QuestionPartition;
  /** Who stands behind each passage row, and its weight (see `rowVoices`). */
  voices: RowVoices;
}

/**
 * The first half of `buildThemes`: passages join taxonomy themes, the rest are clustered into
 * emergent themes or left to "Other ideas". `brief eval themes` scores this as what users get.
 */
export function draftTopLevelThemes(input: BuildThemesInput): TopLevelThemes {
  const { vectors, passages, settings } = input;
  const voices = rowVoices(passages.contributionsOf, passages.participantsOf);
  const guided = guidedDrafts(input, voices);
  const parts = input.questions ? input.questions.ids.length + 1 : 1;
  const clustered = countPhase(input.progress, 'emergent themes', 'questions', parts);
  // A top-level theme must also be a real share of the consultation (or of its question).
  const emergent = partitionByQuestion(
    vectors,
    guided.unassigned,
    voices,
    settings,
    input.questions,
    () => clustered.add(),
  );
  clustered.finish();
  const ids = emergentIds(emergent.groups, input.questions);
  const drafts: Draft[] = [
    ...guided.drafts,
    ...emergent.groups.map((group, i) => {
      const draft = draftOf(ids[i] as string, null, { kind: 'emergent' }, group);
      const questionId = input.questions?.ids[group.question];
      return questionId === undefined ? draft : { ...draft, questionId };
    }),
  ];
  return { drafts, guided: guided.primary, emergent, voices };
}

interface GuidedDrafts {
  drafts: Draft[];
  unassigned: number[];
  primary: Int32Array;
}

function guidedDrafts(input: BuildThemesInput, voices: RowVoices): GuidedDrafts {
  const rows = Array.from({ length: input.vectors.rows }, (_, i) => i);
  if (input.taxonomy.length === 0) {
    return { drafts: [], unassigned: rows, primary: new Int32Array(rows.length).fill(-1) };
  }
  const { passages, language } = input;
  // Steps: each passage's words, each passage aligned, then the scores.
  const steps = countPhase(input.progress, 'guided themes', 'steps', 2 * passages.texts.length + 1);
  const passageWords = passages.texts.map((text, row) => {
    steps.add();
    return contentWords(text, passages.languages[row] ?? language);
  });
  const evidence = configuredEvidence(input);
  const alignment = themeAlignment(passageWords, evidence, input.words, language, () =>
    steps.add(),
  );
  const scores = guidedScores(input.vectors, themeCentres(evidence), alignment);
  steps.add();
  const assignment = assignGuided(scores, {
    threshold: input.settings.guidedThreshold,
    outlierDeviations: input.settings.guidedOutlierDeviations,
    secondMargin: input.settings.guidedSecondMargin,
    weightOf: voices.weightOf,
  });
  const members = input.taxonomy.map(() => [] as number[]);
  const unassigned: number[] = [];
  for (const row of rows) {
    const first = assignment.primary[row] as number;
    if (first < 0) unassigned.push(row);
    else members[first]?.push(row);
    const second = assignment.secondary[row] as number;
    if (second >= 0) members[second]?.push(row);
  }
  const drafts = input.taxonomy.map((theme, t) => {
    const memberRows = (members[t] as number[]).sort((a, b) => a - b);
    const centre =
      memberRows.length > 0
        ? centreOf(input.vectors, memberRows, voices.weightOf)
        : rowOf(input.taxonomyVectors, t);
    return {
      ...draftOf(
        theme.id,
        null,
        { kind: 'guided', themeId: theme.id },
        { rows: memberRows, centre },
      ),
      taxonomy: theme,
    };
  });
  return { drafts, unassigned, primary: assignment.primary };
}

/** The taxonomy's label texts and configured examples, with their vectors. */
function configuredEvidence(input: BuildThemesInput): ThemeEvidence {
  const count = input.taxonomy.reduce((sum, theme) => sum + theme.examples.length, 0);
  if (input.exampleVectors.rows !== count) {
    throw new Error(`Expected ${count} theme example vectors, got ${input.exampleVectors.rows}`);
  }
  let row = 0;
  return {
    labelVectors: input.taxonomyVectors,
    labelWords: input.taxonomy.map((theme) => contentWords(taxonomyText(theme), input.language)),
    examples: input.taxonomy.flatMap((theme, t) =>
      theme.examples.map((example) => ({
        theme: t,
        vector: rowOf(input.exampleVectors, row++),
        words: contentWords(example, input.language),
      })),
    ),
  };
}

function subthemeDrafts(parent: Draft, input: BuildThemesInput, voices: RowVoices): Draft[] {
  const participants = participantCount(parent.rows, voices);
  if (participants < SUBTHEME_PARENT_FACTOR * input.settings.minThemeSize) return [];
  // A sub-theme must be a real share of its parent, not a pair of stray voices.
  const least = leastSize(
    parent.rows,
    voices,
    MIN_SUBTHEME_SHARE,
    input.settings.minThemeSize,
    participants,
  );
  const split = partitionRows(
    input.vectors,
    parent.rows,
    voices,
    input.settings,
    input.settings.maxSubthemes,
    least,
  );
  if (split.groups.length < 2) return [];
  // Passages a split leaves out stay in the parent theme; sub-themes need not cover it all.
  return split.groups.map((group, i) => {
    const draft = draftOf(`${parent.id}.${i + 1}`, parent.id, parent.origin, group);
    return parent.questionId === undefined ? draft : { ...draft, questionId: parent.questionId };
  });
}

function draftOf(id: string, parentId: string | null, origin: ThemeOrigin, group: Group): Draft {
  return { id, parentId, origin, rows: group.rows, centre: group.centre };
}

/**
 * What labelling and describing themes reads: the input, the tagged passages, their voices; and
 * the count of labelling steps done, for progress.
 */
interface Labelling {
  input: BuildThemesInput;
  phrases: PhraseIndex;
  voices: RowVoices;
  labelled: PhaseCounter;
}

/**
 * Labels top-level themes against the others of their question (guided themes and those of no
 * question together), so a label names what sets a theme apart among a question's answers.
 */
function labelTopLevel(drafts: readonly Draft[], labelling: Labelling): Theme[] {
  const keys = [...new Set(drafts.map((d) => d.questionId))];
  const labelled = new Map<Draft, Theme>();
  for (const key of keys) {
    const group = drafts.filter((d) => d.questionId === key);
    const themes = labelDrafts(group, labelling);
    group.forEach((draft, i) => {
      labelled.set(draft, themes[i] as Theme);
    });
  }
  return drafts.map((d) => labelled.get(d) as Theme);
}

/**
 * Labels themes against each other, none taking a label in `taken`; guided ones keep their
 * configured wording.
 */
function labelDrafts(
  drafts: readonly Draft[],
  labelling: Labelling,
  taken: readonly string[] = [],
): Theme[] {
  const { input, phrases, voices } = labelling;
  const labels = labelGroups(
    phrases,
    drafts.map((d) => d.rows),
    {
      voiceOf: contributionOf(voices),
      taken,
      ...(input.context ? { context: input.context } : {}),
      onTallied: () => labelling.labelled.add(),
    },
  );
  return drafts.map((draft, i) => {
    const made = labels[i] ?? { label: draft.id, keywords: [], description: '' };
    const configured = draft.taxonomy;
    const theme = themeOf(draft, labelling, {
      label: configured?.label ?? made.label,
      description: configured?.description || made.description,
      keywords: configured && configured.keywords.length > 0 ? configured.keywords : made.keywords,
    });
    labelling.labelled.add();
    return theme;
  });
}

/** Each row's own contribution (not its duplicates). */
function contributionOf(voices: RowVoices): (row: number) => string {
  return (row) => voices.contributionsOf(row)[0] ?? '';
}

/**
 * Labels sub-themes against their siblings, so each names what sets it apart, and never by
 * their parent's label ("Drug > Drug").
 */
function labelSiblings(
  drafts: readonly Draft[],
  parents: readonly Theme[],
  labelling: Labelling,
): Theme[] {
  const ids = [...new Set(drafts.map((d) => d.parentId))];
  return ids.flatMap((id) =>
    labelDrafts(
      drafts.filter((d) => d.parentId === id),
      labelling,
      parents.filter((p) => p.id === id).map((p) => p.label),
    ),
  );
}

function themeOf(
  draft: Draft,
  { input, voices }: Labelling,
  text: { label: string; description: string; keywords: string[] },
): Theme {
  const { passages, vectors } = input;
  const scored = draft.rows
    .map((row) => ({ row, score: Math.max(0, dot(rowOf(vectors, row), draft.centre)) }))
    .sort((a, b) => b.score - a.score || a.row - b.row);
  const representatives = chooseRepresentatives(vectors, draft.rows, draft.centre, 4, {
    contributionOf: contributionOf(voices),
  });
  return {
    id: draft.id,
    ...text,
    parentId: draft.parentId,
    origin: draft.origin,
    ...(draft.questionId === undefined ? {} : { questionId: draft.questionId }),
    passageIds: scored.map((s) => passages.ids[s.row] as string),
    scores: scored.map((s) => Math.round(s.score * 1e4) / 1e4),
    contributionCount: new Set(draft.rows.flatMap((row) => passages.contributionsOf[row] ?? []))
      .size,
    participantCount: participantCount(draft.rows, voices),
    representativeIds: representatives.map((row) => passages.ids[row] as string),
  };
}

/** Top-level themes by size (guided first in taxonomy order), each followed by its sub-themes. */
function orderThemes(themes: Theme[]): Theme[] {
  const top = themes.filter((t) => t.parentId === null);
  return top.flatMap((parent) => [parent, ...themes.filter((t) => t.parentId === parent.id)]);
}
