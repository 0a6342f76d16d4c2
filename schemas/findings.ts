import { z } from 'zod';

/** Distinct contributions (with merged duplicates) and participants behind a finding. */
export const Support = z.strictObject({
  contributions: z.number().int().min(0),
  participants: z.number().int().min(0),
});
export type Support = z.infer<typeof Support>;

/**
 * One statement of the findings and the passages it rests on (ids as in `clean.jsonl`). Every
 * finding that reaches `findings.json` has passed the grounding checks.
 */
export const Finding = z.strictObject({
  text: z.string().min(1),
  citations: z.array(z.string()).min(1),
  support: Support,
});
export type Finding = z.infer<typeof Finding>;

/** How many parts of one kind (themes, questions, ...) the model wrote, and how many fell back. */
export const ModelParts = z.strictObject({
  /** Parts showing text the model wrote (the checks kept at least one of its statements). */
  model: z.number().int().min(0),
  /** Parts the model wrote whose every statement failed the checks: the offline text shows. */
  failedChecks: z.number().int().min(0),
  /** Parts whose replies were malformed (not JSON, empty, off-schema): the offline text shows. */
  malformed: z.number().int().min(0),
});
export type ModelParts = z.infer<typeof ModelParts>;

/** A verbatim excerpt of one passage's clean text, credited as the privacy setting allows. */
export const Quote = z.strictObject({
  text: z.string().min(1),
  passageId: z.string(),
  contributionId: z.string(),
  /** "Participant 12", initials or a name, per `privacy.credit`. */
  credit: z.string(),
  /** ISO date of the contribution, when known. */
  date: z.string().nullable(),
});
export type Quote = z.infer<typeof Quote>;

/** Votes on a set of comments (Polis-style agree / disagree / pass). */
export const Agreement = z.strictObject({
  agrees: z.number().int().min(0),
  disagrees: z.number().int().min(0),
  passes: z.number().int().min(0),
  /** agrees / (agrees + disagrees); null without such votes. */
  rate: z.number().min(0).max(1).nullable(),
});
export type Agreement = z.infer<typeof Agreement>;

/** A point with few supporters but clearly unlike the rest of its theme. */
export const MinorityView = Finding.extend({
  /**
   * `outvoted`: most of those who voted on it disagreed; `distinct`: its wording is far from
   * every main point of the theme.
   */
  basis: z.enum(['outvoted', 'distinct']),
  /** Its distance from the theme's main points (1 - cosine to the nearest). */
  distinctness: z.number(),
});
export type MinorityView = z.infer<typeof MinorityView>;

/** How one opinion group voted on a comment. */
export const GroupVotes = z.strictObject({
  agrees: z.number().int().min(0),
  disagrees: z.number().int().min(0),
  passes: z.number().int().min(0),
  /** (agrees + 1) / (seen + 2). */
  agreement: z.number().min(0).max(1),
});

/** A voted comment that most groups agree on, or that splits them. */
export const VotedFinding = Finding.extend({
  agreement: Agreement,
  /** By opinion group, when the consultation has per-participant votes. */
  opinion: z
    .strictObject({
      /** Group-informed consensus: the product of the groups' agreement. */
      consensus: z.number().min(0).max(1),
      /** The largest gap in agreement between two groups. */
      division: z.number().min(0).max(1),
      groups: z.array(GroupVotes),
    })
    .nullable(),
});
export type VotedFinding = z.infer<typeof VotedFinding>;

/**
 * What stands against a priority: `votes`, a fifth or more of those who voted on it disagreed
 * (the priority's `agreement` has the counts); `against`, the against side of its theme's split
 * on it (`finding`, its clearest statement, with the side's support); `concern`, its theme's
 * main concern (`finding`).
 */
export const Objection = z.strictObject({
  basis: z.enum(['votes', 'against', 'concern']),
  finding: Finding.nullable(),
});
export type Objection = z.infer<typeof Objection>;

/**
 * A proposal contributors made, as the brief's "What this means for programming" lists it: its
 * support (the same counts as in its theme), the votes on it, the main objection, and the theme
 * and guiding question it comes from.
 */
export const Priority = Finding.extend({
  themeId: z.string(),
  /** The guiding question most of its passages answer, or null. */
  questionId: z.string().nullable(),
  /** Votes on the contributions behind it, or null without votes. */
  agreement: Agreement.nullable(),
  objection: Objection.nullable(),
});
export type Priority = z.infer<typeof Priority>;

export const Trend = z.strictObject({
  /** Passages of the theme in each week of `weeks`, in order. */
  weekly: z.array(z.number().int().min(0)),
  /** From the theme's share of each week's passages, first half against second half. */
  direction: z.enum(['rising', 'fading', 'steady', 'unknown']),
});
export type Trend = z.infer<typeof Trend>;

/**
 * One side of a stance split (or the conditional or compromise positions): who took it, every
 * passage on it, and the main reasons it gives.
 */
export const StanceSide = z.strictObject({
  support: Support,
  /** Every passage of the contributions on this side, most typical first. */
  citations: z.array(z.string()),
  /**
   * Its main reasons, best supported first: sentences of the side's contributions that say the
   * same thing grouped as one (see `findings/stance-reasons.ts`), each citing the passages that
   * give it, with how many contributions and participants do. For conditional and compromise
   * positions, the conditions and compromises put.
   */
  points: z.array(Finding),
});
export type StanceSide = z.infer<typeof StanceSide>;

const NO_SIDE: StanceSide = {
  support: { contributions: 0, participants: 0 },
  citations: [],
  points: [],
};

/** Contributions that take neither side clearly, and their passages. */
export const StanceUnclear = Support.extend({
  /** Their passages (absent in older files). */
  citations: z.array(z.string()).default([]),
});
export type StanceUnclear = z.infer<typeof StanceUnclear>;

/**
 * How contributions divide on a claim: a yes/no guiding question, or a theme's leading proposal
 * (see `synthesis/reading/stance.ts`). Each contribution (with its merged duplicates, as voices)
 * is in one place, read from all its passages on the claim: for, against, conditional, a
 * compromise, or `unclear`, those on the claim that take none of these clearly (for a question,
 * every other answer).
 */
export const StanceSplit = z.strictObject({
  claim: z.string(),
  basis: z.enum(['question', 'leading-proposal']),
  favour: StanceSide,
  against: StanceSide,
  /**
   * Contributions that take a position only on a condition ("only if it is proven safe",
   * "quarantine yes, forced vaccination no"), counted on neither side (absent in older files).
   */
  conditional: StanceSide.default(NO_SIDE),
  /**
   * Contributions that propose a compromise ("a middle ground", "regulate rather than ban"),
   * counted on neither side (absent in older files).
   */
  compromise: StanceSide.default(NO_SIDE),
  unclear: StanceUnclear,
  /**
   * Whether most contributions on the claim (see `MIN_DECIDED`) take a side or a conditional or
   * compromise position: else the brief
   * says that opinion on it could not be read reliably, and shows no counts.
   */
  reliable: z.boolean().default(true),
  /** Votes on the claim itself, when it is a voted comment. */
  votes: Agreement.nullable(),
});
export type StanceSplit = z.infer<typeof StanceSplit>;

export const ThemeFindings = z.strictObject({
  themeId: z.string(),
  label: z.string(),
  parentId: z.string().nullable(),
  prevalence: z.strictObject({
    passages: z.number().int().min(0),
    contributions: z.number().int().min(0),
    participants: z.number().int().min(0),
    /** participants / all participants of the consultation. */
    participantShare: z.number().min(0).max(1),
    agreement: Agreement.nullable(),
  }),
  summary: z.array(Finding),
  keyPoints: z.array(Finding),
  proposals: z.array(Finding),
  concerns: z.array(Finding),
  opportunities: z.array(Finding),
  quotes: z.array(Quote),
  minorityViews: z.array(MinorityView),
  consensus: z.array(VotedFinding),
  divisive: z.array(VotedFinding),
  /** How the theme's passages divide on its leading proposal, when enough take a side. */
  stance: StanceSplit.nullable(),
  trend: Trend,
  /**
   * Hash of everything the findings of the theme and its sub-themes were written from (see
   * `themeFamilyKeys`): a later run with the same key takes them as they are. Absent in older
   * files, and when a model request for the theme fell back, so that a later run asks again.
   */
  key: z.string().optional(),
});
export type ThemeFindings = z.infer<typeof ThemeFindings>;

/** Answers to a question asking what could be better that say nothing needs to change. */
export const NothingToChange = z.strictObject({
  /** The answers that say so (each merged duplicate an extra voice), and their participants. */
  said: Support,
  /** Of those, the answers that say only that: held out of the themes by the clean stage. */
  only: Support,
  /** All answers to the question, those held out of the themes included. */
  answers: Support,
});
export type NothingToChange = z.infer<typeof NothingToChange>;

export const QuestionFindings = z.strictObject({
  questionId: z.string(),
  text: z.string(),
  /** `field`: passages carried the question's id; `similarity`: matched by their words. */
  mapping: z.enum(['field', 'similarity', 'only-question']),
  passages: z.number().int().min(0),
  contributions: z.number().int().min(0),
  participants: z.number().int().min(0),
  /** Every top-level theme with some of the question's passages, and its share of them. */
  themes: z.array(
    z.strictObject({
      themeId: z.string(),
      label: z.string(),
      passages: z.number(),
      contributions: z.number().int().min(0),
    }),
  ),
  keyPoints: z.array(Finding),
  proposals: z.array(Finding),
  /** For a yes/no question: how its answers divide. */
  stance: StanceSplit.nullable(),
  /**
   * For a question asking what could be better, how many answers say nothing needs to change;
   * null for other questions, and when answers are matched to questions by their words.
   */
  nothingToChange: NothingToChange.nullable(),
});
export type QuestionFindings = z.infer<typeof QuestionFindings>;

export const CrossCutting = Finding.extend({ themeIds: z.array(z.string()).min(2) });
export type CrossCutting = z.infer<typeof CrossCutting>;

export const WeekDigest = z.strictObject({
  label: z.string(),
  start: z.string(),
  end: z.string(),
  contributions: z.number().int().min(0),
  participants: z.number().int().min(0),
  leadingThemes: z.array(
    z.strictObject({ themeId: z.string(), label: z.string(), passages: z.number() }),
  ),
  highlights: z.array(Quote),
  keyPoints: z.array(Finding),
});
export type WeekDigest = z.infer<typeof WeekDigest>;

/** Items read by the model, and those left to the rules. */
export const ItemsRead = z.strictObject({
  /** Read by the model. */
  model: z.number().int().min(0),
  /** Left to the rules: the model's reply for them was missing or invalid. */
  rules: z.number().int().min(0),
});

/** LLM mode: the statements the model read before the findings were built (distinct items). */
export const ReadingCounts = z.strictObject({
  /** The model that read them. */
  model: z.string(),
  /** Distinct sentences whose kinds were read. */
  sentences: ItemsRead,
  /** Contributions whose position on a yes/no question was read (one per question). */
  positions: ItemsRead,
});
export type ReadingCounts = z.infer<typeof ReadingCounts>;

/**
 * One group's share against the rest of the attribute's groups together: of `base` participants,
 * `count` raised the theme (in favour of a split's claim, answered yes to a closed question),
 * and the test of the difference.
 */
export const GroupShare = z.strictObject({
  /** The group's participants counted: all of them for a theme, those taking a side for a split. */
  base: z.number().int().min(0),
  count: z.number().int().min(0),
  /** The same for every other group of the attribute (the "Other" pool included). */
  restBase: z.number().int().min(0),
  restCount: z.number().int().min(0),
  /**
   * Two-sided p-value of the group against the rest: `z`, the pooled two-proportion z-test, or
   * `fisher`, Fisher's exact test when a cell expects fewer than 5. Null (not tested) when
   * either base is under the minimum group size.
   */
  test: z.enum(['z', 'fisher']).nullable(),
  p: z.number().min(0).max(1).nullable(),
  /** `p` adjusted by Holm's method across every test of the breakdowns. */
  adjusted: z.number().min(0).max(1).nullable(),
  /** Differs markedly: `adjusted` under `alpha` and the shares at least `minDifference` apart. */
  marked: z.boolean(),
});
export type GroupShare = z.infer<typeof GroupShare>;

/**
 * A row of a breakdown: `theme`, the share of each group's participants who raised a top-level
 * theme; `question` and `leading-proposal`, the share in favour of a split's claim among those
 * taking a side; `closed`, the share answering yes to a closed yes/no question among those
 * answering yes or no.
 */
export const BreakdownRow = z.strictObject({
  kind: z.enum(['theme', 'question', 'leading-proposal', 'closed']),
  /** The theme id, the question id, the theme id of the proposal, or the closed question's column. */
  id: z.string(),
  /** The theme's label, the split's claim, or the closed question. */
  label: z.string(),
  /** One per group of the breakdown, in its order. */
  cells: z.array(GroupShare),
});
export type BreakdownRow = z.infer<typeof BreakdownRow>;

/** A group of participants by their value for an attribute, or "Other", the small ones pooled. */
export const BreakdownGroup = z.strictObject({
  name: z.string(),
  participants: z.number().int().min(1),
  /** For the "Other" pool: the values pooled in it; else empty. */
  pooled: z.array(z.string()),
});
export type BreakdownGroup = z.infer<typeof BreakdownGroup>;

/** How the groups of one respondent attribute (a closed survey column) differ. */
export const AttributeBreakdown = z.strictObject({
  attribute: z.string(),
  groups: z.array(BreakdownGroup),
  /** Participants who gave no value. */
  unanswered: z.number().int().min(0),
  /** Small groups left out (too few together to pool as "Other"), and their participants. */
  leftOut: z.strictObject({
    groups: z.number().int().min(0),
    participants: z.number().int().min(0),
  }),
  rows: z.array(BreakdownRow),
});
export type AttributeBreakdown = z.infer<typeof AttributeBreakdown>;

/**
 * A closed yes/no question among the attributes ("Do you support ...? Yes/No", also ja/nein,
 * oui/non, sí/no): participants answering yes, no, and neither clearly ("don't know", blank).
 * Its shares by the other attributes' groups are their breakdowns' `closed` rows.
 */
export const ClosedQuestion = z.strictObject({
  attribute: z.string(),
  yes: z.number().int().min(0),
  no: z.number().int().min(0),
  unclear: z.number().int().min(0),
});
export type ClosedQuestion = z.infer<typeof ClosedQuestion>;

/** Who said what: shares by respondent attribute group, and the differences that are marked. */
export const Breakdowns = z.strictObject({
  /** Fewest participants a group needs to be shown and tested (`brief.breakdownMinGroup`). */
  minGroup: z.number().int().min(1),
  /** Least difference in share for a marked one (`brief.breakdownMinDifference`). */
  minDifference: z.number().min(0).max(1),
  /** Family-wise error rate kept by Holm's correction. */
  alpha: z.number().min(0).max(1),
  /** Tests made, all corrected together. */
  tests: z.number().int().min(0),
  attributes: z.array(AttributeBreakdown),
  closed: z.array(ClosedQuestion),
  /** Attributes not broken down: too many distinct values, or fewer than two groups big enough. */
  skipped: z.array(
    z.strictObject({
      attribute: z.string(),
      reason: z.enum(['too-many-values', 'too-few-groups']),
      values: z.number().int().min(0),
    }),
  ),
});
export type Breakdowns = z.infer<typeof Breakdowns>;

/** `findings.json`: what the consultation said, every statement traceable to its passages. */
export const Findings = z.strictObject({
  synthesiser: z.strictObject({
    kind: z.enum(['offline', 'llm']),
    /** The implementation and, for an LLM, the model. */
    name: z.string(),
  }),
  totals: z.strictObject({
    contributions: z.number().int().min(0),
    /** Distinct authors, plus one for each contribution (or merged duplicate) without an author. */
    participants: z.number().int().min(0),
    /**
     * Participants known by an author id. Equal to `participants` when every contribution names
     * its author; below it, `participants` is only an upper bound on the people who took part
     * (0: the input has no author field, so people cannot be told apart).
     */
    identifiedParticipants: z.number().int().min(0),
    passages: z.number().int().min(0),
  }),
  executiveSummary: z.array(Finding),
  /**
   * The proposals as priorities for programming, ranked by votes where there are votes, else by
   * participants; absent in older files.
   */
  priorities: z.array(Priority).optional(),
  /** Voted statements that only say who their author is ("I am a renter"); absent in older files. */
  whoTookPart: z.array(VotedFinding).optional(),
  themes: z.array(ThemeFindings),
  questions: z.array(QuestionFindings),
  crossCutting: z.array(CrossCutting),
  weeks: z.array(WeekDigest),
  /** Breakdowns by respondent attribute (`input.attributes`); absent without attributes. */
  breakdowns: Breakdowns.optional(),
  /** Opinion groups found from per-participant votes (Polis-style), or null without them. */
  /** LLM mode with `llm.readStatements`: what the model read; absent when the rules read all. */
  reading: ReadingCounts.optional(),
  opinionGroups: z
    .strictObject({
      /** Members of each group, largest first. */
      sizes: z.array(z.number().int().min(1)),
      method: z.string(),
    })
    .nullable(),
  grounding: z.strictObject({
    /** Findings and quotes that failed a check and were left out, by reason. */
    dropped: z.record(z.string(), z.number().int().min(1)),
    /** Share of kept contributions cited somewhere in the findings. */
    coverage: z.number().min(0).max(1),
    citedContributions: z.number().int().min(0),
    keptContributions: z.number().int().min(0),
    /** Passages cited nowhere, by top-level theme ("other" for "Other ideas"), for the annex. */
    uncited: z.record(z.string(), z.array(z.string())),
    minorityViews: z.number().int().min(0),
    /**
     * LLM mode: sections (a theme's summary, key points, proposals or concerns, a question's or
     * week's points, the executive summary) whose every model-written statement failed the
     * checks, and which show the offline synthesiser's instead.
     */
    fromOffline: z.number().int().min(0).optional(),
    /**
     * LLM mode: citations of model-written statements left out because their passage alone
     * does not carry the statement (at least half its words); support counts only the rest.
     */
    citationsDropped: z.number().int().min(0).optional(),
    /**
     * LLM mode: per kind of part the model is asked to write (top-level themes, questions,
     * weeks, the key messages), how many show its text and how many the offline text instead.
     */
    byModel: z
      .strictObject({
        themes: ModelParts,
        questions: ModelParts,
        weeks: ModelParts,
        keyMessages: ModelParts,
      })
      .optional(),
  }),
});
export type Findings = z.infer<typeof Findings>;
