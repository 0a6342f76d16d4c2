/**
 * A synthetic run for the review app's benchmark, built in memory: `count` passages in
 * contributions of one or two, 20 top-level themes with two sub-themes each, the first holding
 * 10,000 passages (or a tenth of the corpus when smaller). Seeded, so runs compare.
 */

import { createRandom } from '../pipeline/random.js';
import { createReviewSession, type ReviewSession } from '../pipeline/review/session.js';
import type { RunSummary } from '../pipeline/runner.js';
import type { CleanRecord } from '../schemas/clean-record.js';
import type { Contribution } from '../schemas/contribution.js';
import type { Theme, Themes } from '../schemas/themes.js';

/** The artifacts a review session is made of. */
export interface ReviewCorpus {
  clean: CleanRecord[];
  contributions: Contribution[];
  themes: Themes;
}

const WORDS =
  'bus route park tree rent school bike lane street traffic night safety housing water light noise market youth job clinic library bridge river road fare'.split(
    ' ',
  );
const THEMES = 20;
const BIG_THEME = 10_000;

/** Builds the corpus; `count` passages, seed fixed. */
export function reviewCorpus(count: number): ReviewCorpus {
  const random = createRandom(13);
  const pick = () => WORDS[Math.floor(random() * WORDS.length)] as string;
  const sentence = () => {
    const words = Array.from({ length: 12 + Math.floor(random() * 20) }, pick);
    return `${words.join(' ')}.`;
  };
  const clean: CleanRecord[] = [];
  const contributions: Contribution[] = [];
  const passageIds: string[] = [];
  for (let c = 1; passageIds.length < count; c++) {
    const id = `c${c}`;
    const texts =
      random() < 0.5 || passageIds.length + 1 === count ? [sentence()] : [sentence(), sentence()];
    let text = '';
    const passages = texts.map((t, i) => {
      const start = text.length + (i > 0 ? 1 : 0);
      text = i > 0 ? `${text} ${t}` : t;
      return { id: `${id}#${i + 1}`, text: t, start, end: start + t.length };
    });
    for (const p of passages) passageIds.push(p.id);
    clean.push({
      id,
      text,
      language: 'en',
      removed: [],
      redactions: [],
      status: 'kept',
      duplicates: [],
      passages,
    });
    const day = 4 + Math.floor(random() * 35);
    contributions.push({
      id,
      text,
      author: `p${Math.floor(random() * (count / 3))}`,
      authorName: null,
      date: new Date(Date.UTC(2024, 2, day)).toISOString(),
      week: null,
      question: null,
      thread: null,
      replyTo: null,
      language: 'en',
      rejected: false,
      votes: null,
      metadata: {},
      attributes: {},
      markup: 'plain',
      source: { file: 'bench.csv', record: c },
    });
  }
  return { clean, contributions, themes: themesOf(passageIds, random) };
}

function themesOf(passageIds: readonly string[], random: () => number): Themes {
  const big = Math.min(BIG_THEME, Math.round(passageIds.length / 10));
  const members: string[][] = Array.from({ length: THEMES }, () => []);
  passageIds.forEach((id, i) => {
    const t = i < big ? 0 : 1 + Math.floor(random() * (THEMES - 1));
    members[t]?.push(id);
  });
  const themes: Theme[] = [];
  members.forEach((ids, t) => {
    const top = theme(`emergent-${t + 1}`, `Theme ${t + 1}`, null, ids);
    themes.push(top);
    const half = Math.floor(ids.length / 2);
    themes.push(theme(`${top.id}.1`, `Theme ${t + 1} a`, top.id, ids.slice(0, half)));
    themes.push(theme(`${top.id}.2`, `Theme ${t + 1} b`, top.id, ids.slice(half)));
  });
  return {
    themes,
    other: { label: 'Other ideas', passageIds: [] },
    nonEnglishPassageIds: [],
    method: {
      provider: 'bench',
      chosenK: THEMES,
      criterion: 'bench',
      labelledBy: null,
      scores: [],
    },
  };
}

function theme(id: string, label: string, parentId: string | null, ids: string[]): Theme {
  return {
    id,
    label,
    description: '',
    keywords: [],
    parentId,
    origin: { kind: 'emergent' },
    passageIds: ids,
    scores: ids.map((_, i) => 1 - i / (ids.length + 1)),
    contributionCount: ids.length,
    participantCount: ids.length,
    representativeIds: ids.slice(0, 5),
  };
}

/** A review session on the corpus, before any decision (`found`: default the corpus' themes). */
export function corpusSession(
  run: RunSummary,
  corpus: ReviewCorpus,
  found: Themes = corpus.themes,
): ReviewSession {
  return createReviewSession({ run, ...corpus, found, log: null, base: null });
}
