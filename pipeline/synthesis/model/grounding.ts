import type {
  Finding,
  Findings,
  ModelParts,
  QuestionFindings,
  Quote,
  StanceSide,
  StanceSplit,
  ThemeFindings,
  WeekDigest,
} from '../../../schemas/findings.js';
import { passagesOfWeek, type SynthesisCorpus, type SynthesisPassage } from '../findings/corpus.js';
import { questionScopes } from '../findings/questions.js';
import { supportOf } from '../findings/support.js';
import { WordSupport } from '../findings/word-support.js';
import { type PartKind, type PartOrigin, partKey } from './part-origin.js';

/** What a synthesiser produces: the findings before the grounding checks. */
export type FindingsDraft = Omit<Findings, 'grounding'>;

/** Share of a finding's own words (beyond frames and names) its cited passages must carry. */
const MIN_SUPPORTED_SHARE = 0.9;
/**
 * Share of a model-written statement's words (names included) one cited passage must have, as
 * written or inflected, for the citation to count: the statement must be that passage's point,
 * not a word of it. Words of similar meaning do not count here: by the vectors, "station" is
 * near "stop" and "closed" near "open", so every passage on the topic would.
 */
const MIN_CITATION_SHARE = 0.5;
/** What a model-written statement resting on one contribution says of itself. */
const ONE_CONTRIBUTION = '(one contribution)';

/** Why a finding or quote was dropped. */
type Failure =
  | 'no-citation'
  | 'unknown-passage'
  | 'out-of-scope'
  | 'no-supporting-citation'
  | 'unsupported-words'
  | 'quote-not-verbatim';

/**
 * Runs the grounding checks on any synthesiser's draft and returns what may be written: every
 * citation resolves to a kept passage in the finding's scope (its theme, question, week or the
 * consultation); every quote is a verbatim (whitespace-normalised) excerpt of its passage; every
 * finding cites at least one passage; and a finding's words (leaving out the frames the offline
 * synthesiser writes, theme labels and numbers) are carried by its cited passages, word for word
 * or by a word of the same meaning (word vectors), at least 90% of them. What fails is dropped
 * and counted by reason, never written. Support is recounted from the citations. Also measures
 * coverage: the share of kept contributions cited somewhere. Words that only attribute (see
 * `REPORTING_WORDS`) need no source.
 *
 * A model-written statement (one the offline draft does not have, text and citations alike) is
 * grounded per citation: it keeps only the citations whose passage alone carries at least half
 * of its words, names included, and its support counts only those; with none left it is
 * dropped. One resting on a single contribution says so and comes after the better-supported
 * statements of its list. With `origins` (see `PartOrigin`), the grounding report counts per
 * kind of part how many show the model's text and how many the offline text, and why.
 */
export function enforceGrounding(
  draft: FindingsDraft,
  corpus: SynthesisCorpus,
  offline?: FindingsDraft,
  origins?: ReadonlyMap<string, PartOrigin>,
): Findings {
  const checker = new Checker(corpus, offline, origins);
  const all = new Set(corpus.passages.map((p) => p.id));
  const themeScope = (id: string) => new Set(corpus.themeById.get(id)?.passageIds ?? []);
  const questions = questionScopes(corpus);
  const offlineTheme = new Map(offline?.themes.map((t) => [t.themeId, t]));
  const offlineQuestion = new Map(offline?.questions.map((q) => [q.questionId, q]));
  const themes = draft.themes.map((t) =>
    checker.part('themes', partKey.theme(t.themeId), () =>
      checkTheme(checker, t, themeScope(t.themeId), offlineTheme.get(t.themeId)),
    ),
  );
  const result: FindingsDraft = {
    ...draft,
    executiveSummary: checker.part('keyMessages', partKey.keyMessages, () =>
      checker.findings(draft.executiveSummary, all, offline?.executiveSummary),
    ),
    themes,
    questions: draft.questions.map((q) =>
      checker.part('questions', partKey.question(q.questionId), () =>
        checkQuestion(
          checker,
          q,
          questions.get(q.questionId) ?? new Set(),
          offlineQuestion.get(q.questionId),
        ),
      ),
    ),
    crossCutting: draft.crossCutting.flatMap((item) => {
      const scope = new Set(item.themeIds.flatMap((id) => [...themeScope(id)]));
      const checked = checker.finding(item, scope);
      return checked ? [{ ...item, ...checked }] : [];
    }),
    weeks: draft.weeks.map((w, i) =>
      checker.part('weeks', partKey.week(i), () =>
        checkWeek(checker, w, corpus, i, offline?.weeks[i]),
      ),
    ),
  };
  return { ...result, grounding: checker.report(themes) };
}

function checkTheme(
  checker: Checker,
  t: ThemeFindings,
  scope: Set<string>,
  offline: ThemeFindings | undefined,
): ThemeFindings {
  return {
    ...t,
    summary: checker.findings(t.summary, scope, offline?.summary),
    keyPoints: checker.findings(t.keyPoints, scope, offline?.keyPoints),
    proposals: checker.findings(t.proposals, scope, offline?.proposals),
    concerns: checker.findings(t.concerns, scope, offline?.concerns),
    opportunities: checker.findings(t.opportunities, scope),
    quotes: checker.quotes(t.quotes, scope),
    minorityViews: checker.findings(t.minorityViews, scope),
    consensus: checker.findings(t.consensus, scope),
    divisive: checker.findings(t.divisive, scope),
    stance: checker.stance(t.stance, scope),
  };
}

function checkQuestion(
  checker: Checker,
  q: QuestionFindings,
  scope: Set<string>,
  offline: QuestionFindings | undefined,
) {
  return {
    ...q,
    keyPoints: checker.findings(q.keyPoints, scope, offline?.keyPoints),
    proposals: checker.findings(q.proposals, scope, offline?.proposals),
    stance: checker.stance(q.stance, scope),
  };
}

function checkWeek(
  checker: Checker,
  w: WeekDigest,
  corpus: SynthesisCorpus,
  index: number,
  offline: WeekDigest | undefined,
): WeekDigest {
  const scope = new Set(passagesOfWeek(corpus, index).map((p) => p.id));
  return {
    ...w,
    highlights: checker.quotes(w.highlights, scope),
    keyPoints: checker.findings(w.keyPoints, scope, offline?.keyPoints),
  };
}

/** Checks findings and quotes, remembering what it dropped and what was cited. */
class Checker {
  private readonly dropped = new Map<Failure, number>();
  private readonly cited = new Set<string>();
  private readonly words: WordSupport;
  /** The offline draft's findings (`findingKey`); null: no offline draft, nothing is model-written. */
  private readonly offlineFindings: Set<string> | null;
  /** Sections that took the offline synthesiser's findings (null: no offline draft given). */
  private fromOffline: number | null;
  /** Citations of model-written statements left out because their passage does not make the point. */
  private citationsDropped = 0;
  /** Model-written statements kept so far. */
  private modelKept = 0;
  private readonly parts: Record<PartKind, ModelParts> = {
    themes: { model: 0, failedChecks: 0, malformed: 0 },
    questions: { model: 0, failedChecks: 0, malformed: 0 },
    weeks: { model: 0, failedChecks: 0, malformed: 0 },
    keyMessages: { model: 0, failedChecks: 0, malformed: 0 },
  };

  constructor(
    private readonly corpus: SynthesisCorpus,
    offline: FindingsDraft | undefined,
    private readonly origins: ReadonlyMap<string, PartOrigin> | undefined,
  ) {
    this.fromOffline = offline ? 0 : null;
    this.words = new WordSupport(corpus);
    this.offlineFindings = offline ? findingKeys(offline) : null;
  }

  /**
   * The items that pass, model-written ones resting on one contribution last. When every one
   * of a non-empty list fails and `offline` has items for the same section, those are checked
   * and kept instead (and counted).
   */
  findings<T extends Finding>(
    items: readonly T[],
    scope: ReadonlySet<string>,
    offline?: readonly T[],
  ): T[] {
    const checked = items.flatMap((item) => {
      const result = this.finding(item, scope);
      if (!result) return [];
      const model = this.isModelWritten(item);
      return [
        { item: { ...item, ...result }, model, last: model && result.support.contributions === 1 },
      ];
    });
    const kept = [...checked.filter((c) => !c.last), ...checked.filter((c) => c.last)];
    this.modelKept += kept.filter((c) => c.model).length;
    if (kept.length > 0 || items.length === 0 || !offline?.length || this.fromOffline === null)
      return kept.map((c) => c.item);
    this.fromOffline += 1;
    return this.findings(offline, scope);
  }

  /** The finding with its citations and support recounted, or undefined (and counted) when it fails. */
  finding(item: Finding, scope: ReadonlySet<string>): Finding | undefined {
    const failure = this.failureOf(item, scope);
    if (failure) return this.drop(failure);
    const cited = [...new Set(item.citations)].map(
      (id) => this.corpus.byId.get(id) as SynthesisPassage,
    );
    const { own, specific } = this.words.wordsOf(item.text);
    const model = this.isModelWritten(item);
    const supporting = model
      ? cited.filter(
          (p) =>
            specific.length > 0 && this.words.share(specific, [p], 'exact') >= MIN_CITATION_SHARE,
        )
      : cited;
    if (supporting.length === 0) return this.drop('no-supporting-citation');
    if (this.words.share(own, supporting) < MIN_SUPPORTED_SHARE)
      return this.drop('unsupported-words');
    this.citationsDropped += cited.length - supporting.length;
    for (const p of supporting) this.cited.add(p.id);
    const support = supportOf(supporting);
    const single = model && support.contributions === 1;
    return {
      text: single ? sayingOneContribution(item.text) : item.text,
      citations: supporting.map((p) => p.id),
      support,
    };
  }

  /**
   * A stance split with its sides' statements checked and its passages kept to the scope; null
   * stays null. The split is computed, so only the statements can fail.
   */
  stance(split: StanceSplit | null, scope: ReadonlySet<string>): StanceSplit | null {
    if (!split) return null;
    const side = (s: StanceSide): StanceSide => {
      const citations = s.citations.filter((id) => scope.has(id));
      for (const id of citations) this.cited.add(id);
      return { ...s, citations, points: this.findings(s.points, scope) };
    };
    const unclear = split.unclear.citations.filter((id) => scope.has(id));
    for (const id of unclear) this.cited.add(id);
    return {
      ...split,
      favour: side(split.favour),
      against: side(split.against),
      conditional: side(split.conditional),
      compromise: side(split.compromise),
      unclear: { ...split.unclear, citations: unclear },
    };
  }

  quotes(items: readonly Quote[], scope: ReadonlySet<string>): Quote[] {
    return items.filter((quote) => {
      const passage = this.corpus.byId.get(quote.passageId);
      let failure: Failure | undefined;
      if (!passage) failure = 'unknown-passage';
      else if (!scope.has(quote.passageId)) failure = 'out-of-scope';
      else if (!quote.text.trim() || !isVerbatim(quote.text, passage.text))
        failure = 'quote-not-verbatim';
      if (failure) {
        this.drop(failure);
        return false;
      }
      this.cited.add(quote.passageId);
      return true;
    });
  }

  /**
   * Checks a part with `check` and counts where its text came from: `malformed` as its origin
   * says, the model's when reused or when the checks kept one of its statements, else
   * `failedChecks`. Parts without an origin (nothing was asked) are not counted.
   */
  part<T>(kind: PartKind, key: string, check: () => T): T {
    const before = this.modelKept;
    const result = check();
    const origin = this.origins?.get(key);
    if (origin === 'malformed') this.parts[kind].malformed += 1;
    else if (origin === 'reused' || (origin && this.modelKept > before))
      this.parts[kind].model += 1;
    else if (origin) this.parts[kind].failedChecks += 1;
    return result;
  }

  /** Whether a model wrote the finding: the offline draft has none like it. */
  private isModelWritten(item: Finding): boolean {
    return this.offlineFindings !== null && !this.offlineFindings.has(findingKey(item));
  }

  private drop(failure: Failure): undefined {
    this.dropped.set(failure, (this.dropped.get(failure) ?? 0) + 1);
    return undefined;
  }

  report(themes: readonly ThemeFindings[]): Findings['grounding'] {
    const citedContributions = new Set(
      [...this.cited].map((id) => this.corpus.byId.get(id)?.contributionId),
    );
    const kept = this.corpus.keptContributions;
    const covered = kept.filter((id) => citedContributions.has(id)).length;
    const uncited: Record<string, string[]> = {};
    for (const theme of this.corpus.themes.themes.filter((t) => t.parentId === null)) {
      const missing = theme.passageIds.filter((id) => !this.cited.has(id));
      if (missing.length > 0) uncited[theme.id] = missing;
    }
    const other = this.corpus.themes.other.passageIds.filter((id) => !this.cited.has(id));
    if (other.length > 0) uncited.other = other;
    return {
      dropped: Object.fromEntries([...this.dropped].sort((a, b) => (a[0] < b[0] ? -1 : 1))),
      coverage: kept.length > 0 ? Math.round((covered / kept.length) * 1e4) / 1e4 : 0,
      citedContributions: covered,
      keptContributions: kept.length,
      uncited,
      minorityViews: themes.reduce((sum, t) => sum + t.minorityViews.length, 0),
      ...(this.fromOffline === null
        ? {}
        : { fromOffline: this.fromOffline, citationsDropped: this.citationsDropped }),
      ...(this.origins ? { byModel: this.parts } : {}),
    };
  }

  /** Why a finding's citations cannot stand: none, one not a kept passage, or one out of scope. */
  private failureOf(item: Finding, scope: ReadonlySet<string>): Failure | undefined {
    if (item.citations.length === 0) return 'no-citation';
    for (const id of item.citations) {
      if (!this.corpus.byId.has(id)) return 'unknown-passage';
      if (!scope.has(id)) return 'out-of-scope';
    }
    return undefined;
  }
}

/** A finding as compared with the offline draft's: its text and its citations. */
function findingKey(finding: Finding): string {
  return `${finding.text}\u0000${finding.citations.join(' ')}`;
}

/** The keys of every finding anywhere in a draft (themes, stances, questions, weeks, ...). */
function findingKeys(draft: FindingsDraft): Set<string> {
  const keys = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) visit(v);
    else if (value && typeof value === 'object') {
      const item = value as Partial<Finding>;
      if (typeof item.text === 'string' && Array.isArray(item.citations))
        keys.add(findingKey(item as Finding));
      for (const v of Object.values(value)) visit(v);
    }
  };
  visit(draft);
  return keys;
}

/** The statement saying it rests on one contribution, before its closing mark. */
function sayingOneContribution(text: string): string {
  const close = /[.!?…]+["”’)]*$/u.exec(text);
  const at = close ? close.index : text.length;
  return `${text.slice(0, at)} ${ONE_CONTRIBUTION}${text.slice(at)}`;
}

/** Whether `excerpt` occurs in `text`, whitespace runs counting as one space. */
export function isVerbatim(excerpt: string, text: string): boolean {
  return squash(text).includes(squash(excerpt));
}

/** Whitespace runs as one space, ends trimmed. */
function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
