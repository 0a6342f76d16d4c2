import type { CleanRecord } from '../../../schemas/clean-record.js';
import type { Consultation, Week } from '../../../schemas/consultation.js';
import type { Contribution, Votes } from '../../../schemas/contribution.js';
import type { Support } from '../../../schemas/findings.js';
import type { Theme, Themes } from '../../../schemas/themes.js';
import type { Ballots } from '../../../schemas/votes.js';
import type { Matrix } from '../../matrix.js';
import { type Redacted, redactOptionsOf, redactText } from '../../nlp/redact.js';
import type { WordVectors } from '../../nlp/word-vectors.js';
import { participantsByContribution } from '../../participants.js';
import { NO_READINGS, type Readings } from '../reading/readings.js';
import { type NothingAnswers, nothingAnswersOf } from './nothing-answers.js';
import { type OpinionGroups, opinionGroups } from './opinion-groups.js';
import { createQuestionMatcher } from './question-match.js';
import { voterCount } from './votes.js';

/** A kept passage with everything synthesis needs to know about where it came from. */
export interface SynthesisPassage {
  id: string;
  /** Index in `SynthesisCorpus.passages` and row of `SynthesisCorpus.vectors`. */
  index: number;
  text: string;
  language: string;
  /** Its text in the consultation's language when a model translated it (see `translate.ts`). */
  translation: string | null;
  /** The contribution it is part of. */
  contributionId: string;
  /** That contribution and the duplicates merged into it: every voice that made the passage. */
  voices: readonly string[];
  /** The participants behind the voices (an author id, else one per contribution). */
  participants: readonly string[];
  /** The contribution's date (ISO), or null. */
  date: string | null;
  /** Index in `SynthesisCorpus.weeks` of the kept text, or -1. */
  week: number;
  /** The weeks its voices were made in, each duplicate in its own week (distinct, ascending). */
  voiceWeeks: readonly number[];
  /** The guiding question id the input gave, if it is one of the config's. */
  questionId: string | null;
  /** Votes on the voices' contributions, summed; null when none had votes. */
  votes: Votes | null;
}

/** Everything a synthesiser reads, indexed for lookups. */
export interface SynthesisCorpus {
  config: Consultation;
  passages: readonly SynthesisPassage[];
  byId: ReadonlyMap<string, SynthesisPassage>;
  /** Passage vectors, row i for passage i. */
  vectors: Matrix;
  themes: Themes;
  /** Top-level themes and sub-themes by id. */
  themeById: ReadonlyMap<string, Theme>;
  /** The config's weeks, or 7-day weeks from the first date when the config names none. */
  weeks: readonly Week[];
  /** Per week, the contributions made in it (kept or merged duplicates) and their participants. */
  weekSupport: readonly Support[];
  /** Ids of the contributions the clean stage kept. */
  keptContributions: readonly string[];
  /** Distinct participants among kept contributions and their duplicates. */
  participantCount: number;
  /**
   * Of those, the ones known by an author id; the others are contributions without an author,
   * each counted as its own participant, so `participantCount` is then only an upper bound.
   */
  identifiedParticipantCount: number;
  /** Opinion groups from per-participant votes, or null without them. */
  opinions: OpinionGroups | null;
  /** How many people voted (see `voterCount`); 0 without votes. */
  voters: number;
  /** How a contribution's author is credited in quotes, per `privacy.credit`. */
  credit(contributionId: string): string;
  words: WordVectors;
  /** Kept contributions whose `question` value named no guiding question, and the first one. */
  unmatchedQuestions: { count: number; example: string | null };
  /** What a model read of the statements (see `readStatements`); empty offline. */
  readings: Readings;
  /** The answers saying nothing needs to change, held out of the themes or kept. */
  nothingAnswers: NothingAnswers;
}

export interface CorpusInput {
  config: Consultation;
  records: readonly CleanRecord[];
  contributions: readonly Contribution[];
  themes: Themes;
  /** Vectors of the passages, row i for the i-th kept passage in `records` order. */
  vectors: Matrix;
  words: WordVectors;
  ballots: Ballots;
}

/** Joins the clean records, contributions and themes into the corpus synthesisers read. */
export function buildCorpus(input: CorpusInput): SynthesisCorpus {
  const { config, records, contributions } = input;
  const byContribution = new Map(contributions.map((c) => [c.id, c]));
  const participantOf = participantsByContribution(contributions);
  const questions = createQuestionMatcher(config.questions);
  const weeks = config.weeks.length > 0 ? config.weeks : derivedWeeks(contributions);
  const passages: SynthesisPassage[] = [];
  const kept = records.filter(
    (r): r is Extract<CleanRecord, { status: 'kept' }> => r.status === 'kept',
  );
  const weekOfVoice = (id: string) => weekOf(weeks, byContribution.get(id));
  for (const record of kept) {
    const contribution = byContribution.get(record.id);
    const voices = [record.id, ...record.duplicates];
    const voiceWeeks = [...new Set(voices.map(weekOfVoice))].filter((w) => w >= 0).sort();
    const date = contribution?.date ?? null;
    const question = questions.match(contribution?.question ?? null);
    for (const passage of record.passages) {
      passages.push({
        id: passage.id,
        index: passages.length,
        text: passage.text,
        language: record.language,
        translation: null,
        contributionId: record.id,
        voices,
        participants: [...new Set(voices.map(participantOf))],
        date,
        week: weekOf(weeks, contribution),
        voiceWeeks,
        questionId: question,
        votes: sumVotes(voices.map((id) => byContribution.get(id)?.votes ?? null)),
      });
    }
  }
  const allVoices = kept.flatMap((r) => [r.id, ...r.duplicates]);
  const participants = new Set(allVoices.map(participantOf));
  const authors = new Set(allVoices.flatMap((id) => byContribution.get(id)?.author ?? []));
  return {
    unmatchedQuestions: questions.unmatched(),
    config,
    passages,
    byId: new Map(passages.map((p) => [p.id, p])),
    vectors: input.vectors,
    themes: input.themes,
    themeById: new Map(input.themes.themes.map((t) => [t.id, t])),
    weeks,
    weekSupport: weeklySupport(kept, weeks.length, weekOfVoice, participantOf),
    keptContributions: kept.map((r) => r.id),
    participantCount: participants.size,
    identifiedParticipantCount: authors.size,
    opinions: opinionGroups(input.ballots, config.seed),
    voters: voterCount(input.ballots, passages),
    credit: creditor(config, contributions),
    words: input.words,
    readings: NO_READINGS,
    nothingAnswers: nothingAnswersOf(config, records, byContribution, participantOf),
  };
}

/** The passages said in week `w`: those with a voice (the kept text or a duplicate) in it. */
export function passagesOfWeek(corpus: SynthesisCorpus, w: number): SynthesisPassage[] {
  return corpus.passages.filter((p) => p.voiceWeeks.includes(w));
}

/** Contributions and participants per week, each contribution (duplicates too) in its own. */
function weeklySupport(
  kept: readonly Extract<CleanRecord, { status: 'kept' }>[],
  weekCount: number,
  weekOfVoice: (id: string) => number,
  participantOf: (id: string) => string,
): Support[] {
  const contributions = Array.from({ length: weekCount }, () => 0);
  const participants = Array.from({ length: weekCount }, () => new Set<string>());
  for (const id of kept.flatMap((r) => [r.id, ...r.duplicates])) {
    const w = weekOfVoice(id);
    if (w < 0) continue;
    contributions[w] = (contributions[w] ?? 0) + 1;
    participants[w]?.add(participantOf(id));
  }
  return participants.map((people, w) => ({
    contributions: contributions[w] ?? 0,
    participants: people.size,
  }));
}

/** The week a contribution falls in: its own week field if it names one, else by its date. */
function weekOf(weeks: readonly Week[], contribution: Contribution | undefined): number {
  if (!contribution) return -1;
  const named = weeks.findIndex((w) => w.label === contribution.week);
  if (named >= 0) return named;
  const day = contribution.date?.slice(0, 10);
  if (!day) return -1;
  return weeks.findIndex((w) => w.start <= day && day <= w.end);
}

const DAY_MS = 86_400_000;

/** Seven-day weeks from the first contribution's date to the last's. */
function derivedWeeks(contributions: readonly Contribution[]): Week[] {
  const days = contributions
    .map((c) => c.date?.slice(0, 10))
    .filter((d): d is string => d !== undefined)
    .sort();
  const [first, last] = [days[0], days.at(-1)];
  if (first === undefined || last === undefined) return [];
  const weeks: Week[] = [];
  for (let t = Date.parse(first); t <= Date.parse(last); t += 7 * DAY_MS) {
    const start = new Date(t).toISOString().slice(0, 10);
    const end = new Date(t + 6 * DAY_MS).toISOString().slice(0, 10);
    weeks.push({ label: `Week ${weeks.length + 1} (${start} to ${end})`, start, end });
  }
  return weeks;
}

function sumVotes(votes: readonly (Votes | null)[]): Votes | null {
  const present = votes.filter((v): v is Votes => v !== null);
  if (present.length === 0) return null;
  return {
    agrees: present.reduce((sum, v) => sum + v.agrees, 0),
    disagrees: present.reduce((sum, v) => sum + v.disagrees, 0),
    passes: present.reduce((sum, v) => sum + v.passes, 0),
  };
}

/**
 * Credits per `privacy.credit`: `name` gives the display name (else the author id), `initials`
 * the initials of the display name, `anonymous` "Participant N", numbered by first appearance.
 * Contributions without an author are credited "Anonymous contributor". Names and ids are
 * redacted as contributions are (an address in a display name is no credit), and initials are
 * taken from what remains.
 */
export function creditor(
  config: Consultation,
  contributions: readonly Contribution[],
): (contributionId: string) => string {
  const byId = new Map(contributions.map((c) => [c.id, c]));
  const numbers = new Map<string, number>();
  for (const c of contributions) {
    if (c.author !== null && !numbers.has(c.author)) numbers.set(c.author, numbers.size + 1);
  }
  const options = redactOptionsOf(config.privacy);
  const redacted = (text: string) => redactText(text, options).text;
  return (id) => {
    const contribution = byId.get(id);
    const author = contribution?.author ?? null;
    const name = contribution?.authorName ?? null;
    const participant = author !== null ? `Participant ${numbers.get(author)}` : null;
    switch (config.privacy.credit) {
      case 'name':
        if (name !== null) return redacted(name);
        // An author id that is an address or a number is not shown: it is numbered instead.
        if (author === null) return 'Anonymous contributor';
        return redacted(author) === author ? `Participant ${author}` : (participant as string);
      case 'initials':
        if (name !== null) return initialsOf(withoutPlaceholders(redactText(name, options)));
        return participant ?? 'Anonymous contributor';
      case 'anonymous':
        return participant ?? 'Anonymous contributor';
    }
  };
}

/** A redacted text with its placeholders taken out. */
function withoutPlaceholders({ text, redactions }: Redacted): string {
  let kept = '';
  let at = 0;
  for (const { start, end } of redactions) {
    kept += `${text.slice(at, start)} `;
    at = end;
  }
  return kept + text.slice(at);
}

/** "Ana María López" gives "A. M. L."; words without a letter give none. */
function initialsOf(name: string): string {
  const initials = name
    .split(/\s+/u)
    .flatMap((part) => /\p{L}/u.exec(part) ?? [])
    .map((letter) => `${letter.toUpperCase()}.`);
  return initials.length > 0 ? initials.join(' ') : 'Anonymous contributor';
}
