import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reviewCorpus } from '../../bench/review-corpus.js';
import { decisionStates } from '../../pipeline/review/active.js';
import { applyReview, ReviewApplication } from '../../pipeline/review/apply.js';
import { passageFacts } from '../../pipeline/stages/review.js';
import type {
  ReviewAction,
  ReviewEntry,
  ReviewedThemes,
  ReviewLog,
  ThemeRef,
} from '../../schemas/review.js';

const corpus = reviewCorpus(400);
const facts = passageFacts(corpus.clean, corpus.contributions);
const base = new Set(facts.passageIds);

/** A decision in the abstract: which kind, and picks resolved against the state at the time. */
const intent = fc.record({
  kind: fc.constantFrom(
    'rename',
    'merge',
    'split',
    'nest',
    'move',
    'exclude',
    'restore',
    'pin',
    'promote',
    'approve',
    'note',
    'undo',
    'redo',
  ),
  a: fc.nat(),
  b: fc.nat(),
  c: fc.nat(),
  /** The tab taking it: none (as old logs), A or B. */
  tab: fc.constantFrom(undefined, 'A', 'B'),
});

/** Decisions pick among the first few themes, so that they meet on the same ones. */
const FEW = 6;

function ref(state: ReviewedThemes, pick: number): ThemeRef {
  const theme = state.themes[pick % Math.min(FEW, state.themes.length)];
  if (!theme) throw new Error('no theme');
  return { id: theme.id, label: theme.label, anchor: theme.passageIds.slice(0, 10) };
}

function actionOf(
  {
    kind,
    a,
    b,
    c,
    tab,
  }: { kind: string; a: number; b: number; c: number; tab: string | undefined },
  state: ReviewedThemes,
  log: ReviewLog,
): ReviewAction | null {
  const theme = ref(state, a);
  const members = state.themes[a % Math.min(FEW, state.themes.length)]?.passageIds ?? [];
  const passage = facts.passageIds[b % facts.passageIds.length] ?? '';
  const some = members.slice(
    b % Math.max(1, members.length),
    (b % Math.max(1, members.length)) + 1 + (c % 5),
  );
  switch (kind) {
    case 'rename':
      return { kind, theme, label: `Label ${b}`, description: `About ${c}` };
    case 'merge':
      return { kind, themes: [ref(state, b)], into: theme };
    case 'split':
      return some.length
        ? { kind, theme, passages: some, label: `Split ${c}`, topLevel: c % 2 === 0 }
        : null;
    case 'nest':
      // Some of these are refused (three levels, itself): orphans must match too.
      return { kind, theme, under: c % 3 === 0 ? null : ref(state, b) };
    case 'move':
      return { kind, passages: [passage], to: c % 3 === 0 ? null : theme };
    case 'exclude':
      return c % 4 === 0
        ? { kind, target: { contribution: passage.split('#')[0] ?? '' }, reason: 'spam', note: '' }
        : { kind, target: { passage }, reason: 'off-topic', note: '' };
    case 'restore': {
      const excluded = state.review.excluded[b % Math.max(1, state.review.excluded.length)];
      return excluded ? { kind, target: excluded.target } : null;
    }
    case 'pin': {
      const id = members[b % Math.max(1, members.length)];
      return id
        ? {
            kind,
            theme,
            passage: id,
            as: c % 2 ? 'quote' : 'example',
            pinned: c % 3 > 0,
            text: 'x',
          }
        : null;
    }
    case 'promote':
      return { kind, theme, description: '', keywords: [], examples: [] };
    case 'approve':
      return { kind, theme, approved: c % 2 === 0 };
    case 'note':
      return { kind, theme: c % 2 ? theme : null, text: `Note ${b}` };
    case 'undo':
    case 'redo': {
      // Mostly what the tab's button offers; else any number (an older decision, or one not
      // in force: a no-op, as the log allows).
      const offered = decisionStates(log, tab)[kind === 'undo' ? 'undoable' : 'redoable'];
      const any = 1 + (b % Math.max(1, log.decisions.length));
      return { kind, decision: c % 3 > 0 && offered !== null ? offered : any };
    }
  }
  return null;
}

describe('applying decisions on top of the state', () => {
  it('gives what applying the whole log gives, after every decision', () => {
    fc.assert(
      fc.property(fc.array(intent, { minLength: 1, maxLength: 40 }), (intents) => {
        const log: ReviewLog = {
          format: 'consultation-brief review',
          version: 1,
          base: { passages: base.size, hash: '' },
          decisions: [],
        };
        const application = ReviewApplication.of(corpus.themes, null, facts);
        let state = application.result(base);
        const pending: ReviewEntry[] = [];
        for (const step of intents) {
          const action = actionOf(step, state, log);
          if (!action) continue;
          const entry = {
            n: log.decisions.length + 1,
            at: '',
            reviewer: null,
            ...(step.tab === undefined ? {} : { tab: step.tab }),
            action,
          } as ReviewEntry;
          log.decisions.push(entry);
          pending.push(entry);
          // Now and then two or more entries come at once, as a request of several actions.
          if (step.a % 4 === 3) continue;
          application.extend(pending.splice(0));
          state = application.result(base);
          expect(state).toEqual(applyReview(corpus.themes, log, facts, base));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the themes an undo or redo leaves alone, and returns to the state a redo restores', () => {
    const log: ReviewLog = {
      format: 'consultation-brief review',
      version: 1,
      base: { passages: base.size, hash: '' },
      decisions: [],
    };
    const application = ReviewApplication.of(corpus.themes, null, facts);
    let state = application.result(base);
    const decide = (action: ReviewAction) => {
      const entry: ReviewEntry = { n: log.decisions.length + 1, at: '', reviewer: null, action };
      log.decisions.push(entry);
      application.extend([entry]);
      state = application.result(base);
      expect(state).toEqual(applyReview(corpus.themes, log, facts, base));
      return state;
    };
    const [first, second] = [ref(state, 0), ref(state, 1)];
    decide({ kind: 'rename', theme: first, label: 'First' });
    const renamed = decide({ kind: 'rename', theme: second, label: 'Second' });
    const undone = decide({ kind: 'undo', decision: 2 });
    // The first theme, renamed before, is the same object: nothing downstream computes it again.
    expect(undone.themes[0]).toBe(renamed.themes[0]);
    expect(undone.themes[1]).toBe(corpus.themes.themes[1]);
    const redone = decide({ kind: 'redo', decision: 2 });
    expect(redone.themes.slice(0, 2)).toEqual(renamed.themes.slice(0, 2));
    expect(redone.themes[1]).toBe(renamed.themes[1]);
  });
});
