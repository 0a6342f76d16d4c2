import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConsultation } from '../pipeline/config.js';
import { PACKAGE, PACKAGE_ROOT } from '../pipeline/package-info.js';
import { listPassageIds, listPassages } from '../pipeline/review/listing.js';
import { indexPassages } from '../pipeline/review/passage-index.js';
import type { ReviewSession } from '../pipeline/review/session.js';
import { indexState, stateView } from '../pipeline/review/state-view.js';
import { ThemeWording } from '../pipeline/review/theme-wording.js';
import type { RunSummary } from '../pipeline/runner.js';
import { REVIEW_LIMITS, type ReviewAction } from '../schemas/review.js';
import { corpusSession, reviewCorpus } from './review-corpus.js';

/**
 * The review app on `passages` synthetic passages (default 100,000): opening the run to the
 * first state (target < 2 s), paging and searching a theme of 10,000 passages, and deciding
 * (appending to review.json and applying the log again, target < 100 ms).
 */
export async function benchReview(passages: number): Promise<string> {
  const corpus = reviewCorpus(passages);
  const outDir = await mkdtemp(join(tmpdir(), 'brief-bench-review-'));
  try {
    const lines: string[] = [`review app on ${passages.toLocaleString('en')} passages`];
    const time = async <T>(what: string, target: number | null, act: () => T | Promise<T>) => {
      const started = performance.now();
      const result = await act();
      const ms = performance.now() - started;
      lines.push(
        `  ${what.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms${target ? `  (target < ${target} ms)` : ''}`,
      );
      return result;
    };
    const run = await fakeRun(outDir);
    const { session, index } = await time('open: session, index, first state', 2000, () => {
      const session = corpusSession(run, corpus);
      const index = indexPassages(session);
      JSON.stringify(stateView(session, index, null, false));
      return { session, index };
    });
    await time('word the themes (in the background after open)', null, () =>
      ThemeWording.of(session.facts)?.warm(corpus.themes.themes),
    );
    const big = corpus.themes.themes[0];
    if (!big) throw new Error('no theme');
    const list = (offset: number, search = '') =>
      listPassages(indexState(session.state()), index, {
        source: { kind: 'theme', themeId: big.id },
        search,
        offset,
        limit: 50,
      });
    await time(`page 1 of a ${big.passageIds.length.toLocaleString('en')}-passage theme`, 100, () =>
      list(0),
    );
    await time('its last page', 100, () => list(big.passageIds.length - 50));
    await time('search it ("river road")', 100, () => list(0, 'river road'));
    await time('search every passage ("river road")', 100, () =>
      listPassages(indexState(session.state()), index, {
        source: { kind: 'all' },
        search: 'river road',
        offset: 0,
        limit: 50,
      }),
    );
    // Decisions come from tab A; `behind` decisions on another tab's older state (tab B).
    const decide = (
      what: string,
      action: (s: ReviewSession) => ReviewAction | ReviewAction[],
      behind = 0,
      tab = behind ? 'B' : 'A',
    ) =>
      time(what, 100, async () => {
        await session.decide([action(session)].flat(), session.revision() - behind, 'bench', tab);
        JSON.stringify(stateView(session, index, 'bench', false, tab));
      });
    const ref = (at = 0) => {
      const theme = session.state().themes[at];
      if (!theme) throw new Error(`no theme ${at}`);
      return { id: theme.id, label: theme.label, anchor: theme.passageIds.slice(0, 10) };
    };
    await decide('first decision (rename; writes the base)', () => ({
      kind: 'rename',
      theme: ref(),
      label: 'Renamed',
    }));
    await decide('rename again', () => ({ kind: 'rename', theme: ref(), label: 'Renamed again' }));
    await decide('move 50 passages to another theme', (s) => ({
      kind: 'move',
      passages: big.passageIds.slice(100, 150),
      to: { ...ref(), id: s.state().themes[3]?.id ?? '' },
    }));
    await decide('exclude a passage', () => ({
      kind: 'exclude',
      target: { passage: big.passageIds[200] ?? '' },
      reason: 'spam',
      note: '',
    }));
    // Themes 6, 9 and 12 are the third, fourth and fifth top-level themes: not touched above.
    await decide(
      'move 50 passages, 3 decisions behind (tab B)',
      (s) => ({
        kind: 'move',
        passages: s.state().themes[6]?.passageIds.slice(0, 50) ?? [],
        to: ref(9),
      }),
      3,
    );
    await decide(
      'rename, 4 decisions behind (tab B)',
      () => ({
        kind: 'rename',
        theme: ref(12),
        label: 'Renamed in tab B',
      }),
      4,
    );
    // Tab A's latest decision is the exclusion (4), with tab B's two after it.
    await decide("undo (tab A's latest: the exclusion)", (s) => ({
      kind: 'undo',
      decision: s.revision() - 2,
    }));
    await decide('redo it', (s) => ({ kind: 'redo', decision: s.revision() - 3 }));
    // Decision 3 is the first move: undoing it takes back a decision with five after it.
    await decide('undo an older decision (the first move)', () => ({ kind: 'undo', decision: 3 }));
    await decide('redo it', () => ({ kind: 'redo', decision: 3 }));
    // Tab B's rename (6) is the log's latest decision: nothing after it to apply again.
    await decide(
      "undo the log's latest (tab B's rename)",
      () => ({ kind: 'undo', decision: 6 }),
      0,
      'B',
    );
    const named = (s: ReviewSession, label: string) => {
      const theme = s.state().themes.find((t) => t.label === label);
      if (!theme) throw new Error(`no theme "${label}"`);
      return theme;
    };
    const refTo = (s: ReviewSession, label: string) => {
      const theme = named(s, label);
      return { id: theme.id, label, anchor: theme.passageIds.slice(0, 10) };
    };
    await time(
      `select all ${big.passageIds.length.toLocaleString('en')} of a theme (ids)`,
      100,
      () =>
        listPassageIds(
          indexState(session.state()),
          index,
          { source: { kind: 'theme', themeId: big.id }, search: '' },
          REVIEW_LIMITS.passages,
        ),
    );
    await decide('move a sub-theme under another theme (nest)', (s) => ({
      kind: 'nest',
      theme: refTo(s, 'Theme 2 a'),
      under: refTo(s, 'Theme 3'),
    }));
    await decide('split 50 passages into a new top-level theme', (s) => ({
      kind: 'split',
      theme: refTo(s, 'Theme 4 a'),
      passages: named(s, 'Theme 4 a').passageIds.slice(0, 50),
      label: 'Split off',
      topLevel: true,
    }));
    await decide('approve a theme with its two sub-themes', (s) =>
      ['Theme 5', 'Theme 5 a', 'Theme 5 b'].map(
        (label): ReviewAction => ({ kind: 'approve', theme: refTo(s, label), approved: true }),
      ),
    );
    await decide('undo', (s) => ({ kind: 'undo', decision: s.revision() }));
    return lines.join('\n');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

/**
 * A run summary standing for a pipeline run that reached the review stage; `load` gives its
 * artifacts (default: none on disk).
 */
export async function fakeRun(
  outDir: string,
  load: RunSummary['load'] = () =>
    Promise.reject(new Error('the benchmark run has no artifacts on disk')),
): Promise<RunSummary> {
  const config = await loadConsultation(
    join(PACKAGE_ROOT, 'examples/bowling-green/consultation.yaml'),
  );
  const file = { file: config.path, hash: config.hash, bytes: config.bytes };
  return {
    outDir,
    config,
    stages: [],
    manifest: {
      tool: { name: PACKAGE.name, version: PACKAGE.version, node: process.version },
      config: file,
      seed: 1,
      inputs: [],
      stages: {},
    },
    load,
    llm: null,
    exported: null,
  };
}
