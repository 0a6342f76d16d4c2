import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentWords } from '../../pipeline/nlp/tokenise.js';
import type { RunSummary } from '../../pipeline/runner.js';
import type { SynthesisCorpus } from '../../pipeline/synthesis/findings/corpus.js';
import { createOfflineSynthesiser } from '../../pipeline/synthesis/findings/offline-synthesiser.js';
import { enforceGrounding, type FindingsDraft } from '../../pipeline/synthesis/model/grounding.js';
import type { Finding, Findings } from '../../schemas/findings.js';
import type { Theme, Themes } from '../../schemas/themes.js';
import { corpusOf, runFixture } from '../helpers/runs.js';

const options = { signal: new AbortController().signal, subject: new Set<string>() };

let summary: RunSummary;
let corpus: SynthesisCorpus;
let draft: FindingsDraft;

beforeAll(async () => {
  ({ summary } = await runFixture('synthesis'));
  corpus = await corpusOf(summary);
  draft = await createOfflineSynthesiser().synthesise(corpus, options);
}, 120_000);

/** The draft with one theme finding replaced. */
function withKeyPoint(finding: Finding): FindingsDraft {
  const [first, ...rest] = draft.themes;
  if (!first) throw new Error('the fixture has no theme');
  return { ...draft, themes: [{ ...first, keyPoints: [finding] }, ...rest] };
}

/** The draft with a theme's proposals replaced, as a model would write them. */
function withProposals(themeId: string, proposals: Finding[]): FindingsDraft {
  return {
    ...draft,
    themes: draft.themes.map((t) => (t.themeId === themeId ? { ...t, proposals } : t)),
  };
}

const support = { contributions: 1, participants: 1 };

function passageSaying(words: string) {
  const passage = corpus.passages.find((p) => p.text.includes(words));
  if (!passage) throw new Error(`no passage says "${words}"`);
  return passage;
}

function passageText(id: string): string {
  return corpus.byId.get(id)?.text ?? '';
}

/** A passage's distinct content words. */
function passageWords(id: string): string[] {
  return [...new Set(contentWords(passageText(id), 'en'))];
}

/** The top-level theme holding a passage. */
function topThemeHolding(passageId: string): Theme {
  const theme = corpus.themes.themes.find(
    (t) => t.parentId === null && t.passageIds.includes(passageId),
  );
  if (!theme) throw new Error(`no theme holds ${passageId}`);
  return theme;
}

function keyPointsAfter(finding: Finding): Findings {
  return enforceGrounding(withKeyPoint(finding), corpus);
}

describe('enforceGrounding', () => {
  it('keeps the offline draft whole: it is grounded by construction', () => {
    const findings = enforceGrounding(draft, corpus);
    expect(findings.grounding.dropped).toEqual({});
    expect(findings.themes).toEqual(draft.themes);
  });

  it('drops a finding without citations, or citing an unknown passage', () => {
    const support = { contributions: 1, participants: 1 };
    const none = keyPointsAfter({ text: 'More buses.', citations: [], support });
    expect(none.themes[0]?.keyPoints).toEqual([]);
    expect(none.grounding.dropped).toEqual({ 'no-citation': 1 });
    const unknown = keyPointsAfter({ text: 'More buses.', citations: ['999#1'], support });
    expect(unknown.grounding.dropped).toEqual({ 'unknown-passage': 1 });
  });

  it('drops a finding citing a passage outside its theme', () => {
    const theme = corpus.themes.themes[0] as Theme;
    const outside = corpus.passages.find((p) => !theme.passageIds.includes(p.id));
    const findings = keyPointsAfter({
      text: outside?.text ?? '',
      citations: [outside?.id ?? ''],
      support: { contributions: 1, participants: 1 },
    });
    expect(findings.grounding.dropped).toEqual({ 'out-of-scope': 1 });
  });

  it('drops a statement its sources do not make, keeps their own words inflected, recounts support', () => {
    const theme = corpus.themes.themes[0] as Theme;
    const [id] = theme.passageIds;
    const source = corpus.byId.get(id as string);
    const claim = keyPointsAfter({
      text: 'Contributors demanded a new airport and lower income taxes.',
      citations: [id as string],
      support: { contributions: 1, participants: 1 },
    });
    expect(claim.grounding.dropped).toEqual({ 'unsupported-words': 1 });
    // The source's own words, with an inflected form and its support overstated.
    const own = keyPointsAfter({
      text: source?.text.replace(/\bbuses\b/, 'bus') ?? '',
      citations: [id as string, id as string],
      support: { contributions: 50, participants: 50 },
    });
    expect(own.grounding.dropped).toEqual({});
    expect(own.themes[0]?.keyPoints[0]?.citations).toEqual([id]);
    expect(own.themes[0]?.keyPoints[0]?.support).toEqual({ contributions: 1, participants: 1 });
  });

  it('shows the offline section when every statement a model wrote for it fails', () => {
    const invented = withKeyPoint({
      text: 'A new airport and a casino.',
      citations: [corpus.themes.themes[0]?.passageIds[0] as string],
      support: { contributions: 1, participants: 1 },
    });
    const alone = enforceGrounding(invented, corpus);
    expect(alone.themes[0]?.keyPoints).toEqual([]);
    expect(alone.grounding.fromOffline).toBeUndefined();
    const backed = enforceGrounding(invented, corpus, draft);
    expect(backed.themes[0]?.keyPoints).toEqual(draft.themes[0]?.keyPoints);
    expect(backed.grounding.fromOffline).toBe(1);
    // Written by a model (the offline draft has no such statement): its one citation fails first.
    expect(backed.grounding.dropped).toEqual({ 'no-supporting-citation': 1 });
  });

  it('lets a paraphrase attribute its point to contributors, not add to it', () => {
    const theme = corpus.themes.themes[0] as Theme;
    const [id] = theme.passageIds;
    const source = corpus.byId.get(id as string)?.text ?? '';
    // "Several contributors propose ..." frames the source's own words.
    const framed = keyPointsAfter({
      text: `Several contributors propose that ${source.charAt(0).toLowerCase()}${source.slice(1)}`,
      citations: [id as string],
      support: { contributions: 1, participants: 1 },
    });
    expect(framed.grounding.dropped).toEqual({});
    const invented = keyPointsAfter({
      text: 'Several contributors propose a new airport and a casino.',
      citations: [id as string],
      support: { contributions: 1, participants: 1 },
    });
    expect(invented.grounding.dropped).toEqual({ 'unsupported-words': 1 });
  });

  it('grounds a model-written statement per citation: unrelated citations do not pad its support', () => {
    const source = passageSaying('bus station toilets');
    const theme = topThemeHolding(source.id);
    const others = theme.passageIds.filter((id) => id !== source.id).slice(0, 8);
    const buses = theme.passageIds.filter((id) => /\bbuses\b/.test(passageText(id)));
    expect(buses.length).toBeGreaterThan(1);
    const padded: Finding = {
      text: 'The bus station toilets are dirty and closed in the evening.',
      citations: [source.id, ...others],
      support: { contributions: 9, participants: 9 },
    };
    const broad: Finding = { text: 'Contributors want more buses.', citations: buses, support };
    const written = withProposals(theme.id, [padded, broad]);
    const checked = enforceGrounding(written, corpus, draft);
    const proposals = checked.themes.find((t) => t.themeId === theme.id)?.proposals ?? [];
    // The better-supported statement comes first; the padded one keeps only its own source.
    expect(proposals.map((p) => p.citations)).toEqual([buses, [source.id]]);
    expect(proposals[1]?.support).toEqual({ contributions: 1, participants: 1 });
    expect(proposals[1]?.text).toBe(
      'The bus station toilets are dirty and closed in the evening (one contribution).',
    );
    expect(checked.grounding.citationsDropped).toBe(others.length);
    // The offline synthesiser's own findings are held to the draft's rule, as before.
    expect(enforceGrounding(draft, corpus, draft).themes).toEqual(draft.themes);
  });

  it('drops a model-written statement that no single cited passage makes, however many carry a word', () => {
    const theme = corpus.themeById.get(draft.themes[0]?.themeId ?? '') as Theme;
    const cited = theme.passageIds.slice(0, 4);
    const words = cited.map((id) => {
      const mine = passageWords(id);
      const elsewhere = new Set(cited.filter((o) => o !== id).flatMap(passageWords));
      return mine.filter((w) => !elsewhere.has(w)).slice(0, 2);
    });
    expect(words.every((w) => w.length === 2)).toBe(true);
    const stitched: Finding = { text: `${words.flat().join(' ')}.`, citations: cited, support };
    const checked = enforceGrounding(withProposals(theme.id, [stitched]), corpus, draft);
    // Each passage carries a quarter of its words (or a few more by meaning): not enough.
    expect(Object.values(checked.grounding.dropped)).toEqual([1]);
    const proposals = checked.themes.find((t) => t.themeId === theme.id)?.proposals ?? [];
    expect(proposals.map((p) => p.text)).not.toContain(stitched.text);
    // Offline, the same words pass: together the passages carry all of them.
    expect(enforceGrounding(withProposals(theme.id, [stitched]), corpus).grounding.dropped).toEqual(
      {},
    );
  });

  it('keeps a quote that is verbatim up to whitespace, drops one that is not', () => {
    const [first, ...rest] = draft.themes;
    const quote = first?.quotes[0];
    if (!first || !quote) throw new Error('the fixture has no quote');
    const spaced = { ...quote, text: quote.text.replace(/ /g, '   ') };
    const edited = { ...quote, text: `${quote.text} Also, everything is fine.` };
    const findings = enforceGrounding(
      { ...draft, themes: [{ ...first, quotes: [spaced, edited] }, ...rest] },
      corpus,
    );
    expect(findings.themes[0]?.quotes).toEqual([spaced]);
    expect(findings.grounding.dropped).toEqual({ 'quote-not-verbatim': 1 });
  });

  it('measures coverage over kept contributions and lists the uncited by theme', () => {
    const emptied: FindingsDraft = {
      ...draft,
      executiveSummary: [],
      themes: [],
      questions: [],
      crossCutting: [],
      weeks: [],
    };
    const { grounding } = enforceGrounding(emptied, corpus);
    expect(grounding.coverage).toBe(0);
    expect(grounding.keptContributions).toBe(31);
    const listed = Object.values(grounding.uncited).flat();
    expect(new Set(listed).size).toBe(corpus.passages.length);
  });
});

describe('grounding invariants over random themes (properties)', () => {
  /** Random themes over the fixture's passages: top-level themes, sub-themes, representatives. */
  const themesArbitrary = fc.record({
    assignment: fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 31, maxLength: 31 }),
    split: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    representatives: fc.integer({ min: 0, max: 5 }),
  });

  function themesFrom(spec: {
    assignment: number[];
    split: boolean[];
    representatives: number;
  }): Themes {
    const ids = corpus.passages.map((p) => p.id);
    const themes: Theme[] = [];
    for (let t = 0; t < 4; t++) {
      const members = ids.filter((_, i) => spec.assignment[i] === t);
      if (members.length === 0) continue;
      themes.push(themeOf(`t${t}`, null, members, spec.representatives));
      if (spec.split[t] && members.length >= 4) {
        const half = Math.ceil(members.length / 2);
        themes.push(themeOf(`t${t}.1`, `t${t}`, members.slice(0, half), spec.representatives));
        themes.push(themeOf(`t${t}.2`, `t${t}`, members.slice(half), spec.representatives));
      }
    }
    return {
      themes,
      other: { label: 'Other ideas', passageIds: ids.filter((_, i) => spec.assignment[i] === -1) },
      nonEnglishPassageIds: [],
      method: {
        provider: 'test',
        chosenK: themes.length,
        criterion: 'random',
        scores: [],
        labelledBy: null,
      },
    };
  }

  function themeOf(id: string, parentId: string | null, members: string[], reps: number): Theme {
    return {
      id,
      label: `Theme ${id}`,
      description: '',
      keywords: ['bus', 'parks'],
      parentId,
      origin: { kind: 'emergent' },
      passageIds: members,
      scores: members.map(() => 0.5),
      contributionCount: members.length,
      participantCount: members.length,
      representativeIds: members.slice(0, reps),
    };
  }

  it('writes only findings whose citations and quotes are in scope, verbatim and recounted', async () => {
    await fc.assert(
      fc.asyncProperty(themesArbitrary, fc.nat(), async (spec, corruptAt) => {
        const randomCorpus = await corpusOf(summary, themesFrom(spec));
        const randomDraft = await createOfflineSynthesiser().synthesise(randomCorpus, options);
        const clean = enforceGrounding(randomDraft, randomCorpus);
        // The offline synthesiser never writes what the checks would drop.
        expect(clean.grounding.dropped).toEqual({});
        // A corrupted copy: one key point cites a passage of another theme.
        const target = randomDraft.themes[corruptAt % Math.max(1, randomDraft.themes.length)];
        const outsider = randomCorpus.passages.find(
          (p) => target && !randomCorpus.themeById.get(target.themeId)?.passageIds.includes(p.id),
        );
        const corrupted: FindingsDraft =
          target && outsider && target.keyPoints.length > 0
            ? {
                ...randomDraft,
                themes: randomDraft.themes.map((t) =>
                  t === target
                    ? {
                        ...t,
                        keyPoints: t.keyPoints.map((k, i) =>
                          i === 0 ? { ...k, citations: [...k.citations, outsider.id] } : k,
                        ),
                      }
                    : t,
                ),
              }
            : randomDraft;
        const checked = enforceGrounding(corrupted, randomCorpus);
        expectInvariants(checked, randomCorpus);
        if (corrupted !== randomDraft) expect(checked.grounding.dropped['out-of-scope']).toBe(1);
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

function expectInvariants(findings: Findings, scope: SynthesisCorpus): void {
  for (const theme of findings.themes) {
    const inTheme = new Set(scope.themeById.get(theme.themeId)?.passageIds ?? []);
    const items: Finding[] = [
      ...theme.summary,
      ...theme.keyPoints,
      ...theme.proposals,
      ...theme.concerns,
      ...theme.opportunities,
      ...theme.minorityViews,
      ...theme.consensus,
      ...theme.divisive,
    ];
    for (const item of items) {
      expect(item.citations.length).toBeGreaterThan(0);
      for (const id of item.citations) expect(inTheme.has(id)).toBe(true);
      const passages = item.citations.map((id) => scope.byId.get(id));
      expect(item.support.contributions).toBe(new Set(passages.flatMap((p) => p?.voices)).size);
    }
    for (const quote of theme.quotes) {
      expect(inTheme.has(quote.passageId)).toBe(true);
      expect(scope.byId.get(quote.passageId)?.text).toContain(quote.text);
    }
  }
  const all = [
    ...findings.executiveSummary,
    ...findings.crossCutting,
    ...findings.questions.flatMap((q) => [...q.keyPoints, ...q.proposals]),
    ...findings.weeks.flatMap((w) => w.keyPoints),
  ];
  for (const item of all) {
    expect(item.citations.length).toBeGreaterThan(0);
    for (const id of item.citations) expect(scope.byId.has(id)).toBe(true);
  }
  expect(findings.grounding.coverage).toBeGreaterThanOrEqual(0);
  expect(findings.grounding.coverage).toBeLessThanOrEqual(1);
}
