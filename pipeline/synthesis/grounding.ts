import type {
  Finding,
  Findings,
  QuestionFindings,
  Quote,
  StanceSide,
  StanceSplit,
  ThemeFindings,
  WeekDigest,
} from '../../schemas/findings.js';
import { contentWords, foldWord } from '../nlp/tokenise.js';
import { passagesOfWeek, type SynthesisCorpus, type SynthesisPassage } from './corpus.js';
import { questionScopes } from './questions.js';
import { foldedWords, supportOf } from './support.js';
import { FRAME_WORDS } from './templates.js';

/** What a synthesiser produces: the findings before the grounding checks. */
export type FindingsDraft = Omit<Findings, 'grounding'>;

/** Share of a finding's own words (beyond frames and names) its cited passages must carry. */
const MIN_SUPPORTED_SHARE = 0.9;
/** A word is carried by a cited passage's word whose vector is at least this similar. */
const SAME_MEANING = 0.6;

/**
 * Words that attribute a statement rather than make it ("contributors propose", "several
 * residents worry"): a synthesiser reporting what people said needs them, and no source says
 * them. Compared folded, so inflections count too.
 */
const REPORTING_WORDS = [
  'contributor participant respondent resident people person citizen',
  'many several some other most few various number also including',
  'say said suggest propose call want ask urge argue note raise express mention describe',
  'stress emphasise emphasize highlight point feel believe think view recommend request',
  'support favour favor oppose worry concern fear welcome agree disagree',
].flatMap((line) => line.split(' '));
const REPORTING = new Set(REPORTING_WORDS.map((w) => foldWord(w, 'en')));

/** Why a finding or quote was dropped. */
type Failure =
  | 'no-citation'
  | 'unknown-passage'
  | 'out-of-scope'
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
 */
export function enforceGrounding(
  draft: FindingsDraft,
  corpus: SynthesisCorpus,
  offline?: FindingsDraft,
): Findings {
  const checker = new Checker(corpus, offline !== undefined);
  const all = new Set(corpus.passages.map((p) => p.id));
  const themeScope = (id: string) => new Set(corpus.themeById.get(id)?.passageIds ?? []);
  const questions = questionScopes(corpus);
  const offlineTheme = new Map(offline?.themes.map((t) => [t.themeId, t]));
  const offlineQuestion = new Map(offline?.questions.map((q) => [q.questionId, q]));
  const themes = draft.themes.map((t) =>
    checkTheme(checker, t, themeScope(t.themeId), offlineTheme.get(t.themeId)),
  );
  const result: FindingsDraft = {
    ...draft,
    executiveSummary: checker.findings(draft.executiveSummary, all, offline?.executiveSummary),
    themes,
    questions: draft.questions.map((q) =>
      checkQuestion(
        checker,
        q,
        questions.get(q.questionId) ?? new Set(),
        offlineQuestion.get(q.questionId),
      ),
    ),
    crossCutting: draft.crossCutting.flatMap((item) => {
      const scope = new Set(item.themeIds.flatMap((id) => [...themeScope(id)]));
      const checked = checker.finding(item, scope);
      return checked ? [{ ...item, ...checked }] : [];
    }),
    weeks: draft.weeks.map((w, i) => checkWeek(checker, w, corpus, i, offline?.weeks[i])),
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
  private readonly names: Set<string>;
  private readonly folded = new Map<string, Set<string>>();
  /** Sections that took the offline synthesiser's findings (null: no offline draft given). */
  private fromOffline: number | null;

  constructor(
    private readonly corpus: SynthesisCorpus,
    withOffline: boolean,
  ) {
    this.fromOffline = withOffline ? 0 : null;
    // Theme labels and question texts are names the brief may use without a source saying them.
    this.names = new Set(
      [
        ...corpus.themes.themes.map((t) => t.label),
        ...corpus.config.questions.map((q) => q.text),
      ].flatMap((text) => contentWords(text, corpus.config.language)),
    );
  }

  /**
   * The items that pass. When every one of a non-empty list fails and `offline` has items for
   * the same section, those are checked and kept instead (and counted).
   */
  findings<T extends Finding>(
    items: readonly T[],
    scope: ReadonlySet<string>,
    offline?: readonly T[],
  ): T[] {
    const kept = items.flatMap((item) => {
      const checked = this.finding(item, scope);
      return checked ? [{ ...item, ...checked }] : [];
    });
    if (kept.length > 0 || items.length === 0 || !offline?.length || this.fromOffline === null)
      return kept;
    this.fromOffline += 1;
    return this.findings(offline, scope);
  }

  /** The finding with its support recounted, or undefined (and counted) when it fails. */
  finding(item: Finding, scope: ReadonlySet<string>): Finding | undefined {
    const failure = this.failureOf(item, scope);
    if (failure) {
      this.dropped.set(failure, (this.dropped.get(failure) ?? 0) + 1);
      return undefined;
    }
    const passages = item.citations.map((id) => this.corpus.byId.get(id) as SynthesisPassage);
    for (const id of item.citations) this.cited.add(id);
    return {
      text: item.text,
      citations: [...new Set(item.citations)],
      support: supportOf(passages),
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
    return { ...split, favour: side(split.favour), against: side(split.against) };
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
        this.dropped.set(failure, (this.dropped.get(failure) ?? 0) + 1);
        return false;
      }
      this.cited.add(quote.passageId);
      return true;
    });
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
      ...(this.fromOffline === null ? {} : { fromOffline: this.fromOffline }),
    };
  }

  private failureOf(item: Finding, scope: ReadonlySet<string>): Failure | undefined {
    if (item.citations.length === 0) return 'no-citation';
    const passages: SynthesisPassage[] = [];
    for (const id of item.citations) {
      const passage = this.corpus.byId.get(id);
      if (!passage) return 'unknown-passage';
      if (!scope.has(id)) return 'out-of-scope';
      passages.push(passage);
    }
    return this.supported(item.text, passages) ? undefined : 'unsupported-words';
  }

  /** Whether enough of the text's own words are carried by the passages. */
  private supported(text: string, passages: readonly SynthesisPassage[]): boolean {
    const language = this.corpus.config.language;
    const own = contentWords(text, language).filter(
      (w) =>
        !FRAME_WORDS.has(w) &&
        !this.names.has(w) &&
        !REPORTING.has(foldWord(w, language)) &&
        !/^\p{N}+$/u.test(w),
    );
    if (own.length === 0) return true;
    const available = new Set<string>();
    for (const p of passages) for (const w of this.foldedWordsOf(p)) available.add(w);
    const missing = own.filter((w) => !available.has(foldWord(w, language)));
    const carried = own.length - missing.filter((w) => !this.similarIn(w, available)).length;
    return carried / own.length >= MIN_SUPPORTED_SHARE;
  }

  /** Whether some word of `available` means the same as `word` by the word vectors. */
  private similarIn(word: string, available: ReadonlySet<string>): boolean {
    const { words } = this.corpus;
    const row = words.index.get(word);
    if (row === undefined) return false;
    const v = words.data.subarray(row * words.dims, (row + 1) * words.dims);
    for (const candidate of available) {
      const other = words.index.get(candidate);
      if (other === undefined) continue;
      const u = words.data.subarray(other * words.dims, (other + 1) * words.dims);
      if (cosine(v, u) >= SAME_MEANING) return true;
    }
    return false;
  }

  private foldedWordsOf(p: SynthesisPassage): Set<string> {
    let words = this.folded.get(p.id);
    if (!words) {
      words = new Set(foldedWords(p.text, p.language));
      // A finding written from a passage's translation is carried by the translation's words.
      if (p.translation !== null) {
        for (const w of foldedWords(p.translation, this.corpus.config.language)) words.add(w);
      }
      this.folded.set(p.id, words);
    }
    return words;
  }
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k++) {
    dot += (a[k] as number) * (b[k] as number);
    na += (a[k] as number) ** 2;
    nb += (b[k] as number) ** 2;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Whether `excerpt` occurs in `text`, whitespace runs counting as one space. */
export function isVerbatim(excerpt: string, text: string): boolean {
  return squash(text).includes(squash(excerpt));
}

/** Whitespace runs as one space, ends trimmed. */
function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
