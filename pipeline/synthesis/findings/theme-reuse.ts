// Per-theme caching of findings: what a theme's synthesis depends on, hashed, and reuse by it.
import { createHash, type Hash } from 'node:crypto';
import type { Findings, ThemeFindings } from '../../../schemas/findings.js';
import type { Theme } from '../../../schemas/themes.js';
import { canonicalJson } from '../../hash.js';
import { rowOf } from '../../matrix.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { themePassages, weekTotals } from './theme-findings.js';
import { trendOf } from './trend.js';

/**
 * The key of each theme's findings, by theme id: the hash of everything the findings of its
 * family (a top-level theme and its sub-themes) are written from. The family is the unit,
 * because a top-level theme's key points are its sub-themes' and the model writes sub-themes'
 * key points with their parent's findings. The hash covers `basis` (the synthesiser's version
 * and config slice), the family's themes as reviewed (label, description, keywords, passages,
 * scores, representatives), their pinned quotes, and for each of their passages its text,
 * translation, contribution, voices, participants, dates, votes (and opinion groups' votes),
 * credit and vector. What a theme is measured against across the consultation (its share of
 * participants, its trend against all passages per week) is left out: `reusableFindings`
 * recomputes it, so that excluding a passage elsewhere does not rewrite every theme.
 */
export function themeFamilyKeys(
  corpus: SynthesisCorpus,
  pinnedQuotes: Readonly<Record<string, { quotes: readonly string[] }>>,
  basis: unknown,
): Map<string, string> {
  const common = canonicalJson({ basis, seed: corpus.config.seed });
  const keys = new Map<string, string>();
  for (const top of corpus.themes.themes.filter((t) => t.parentId === null)) {
    const family = [top, ...corpus.themes.themes.filter((t) => t.parentId === top.id)];
    const key = familyKey(corpus, family, pinnedQuotes, common);
    for (const theme of family) keys.set(theme.id, key);
  }
  return keys;
}

function familyKey(
  corpus: SynthesisCorpus,
  family: readonly Theme[],
  pinnedQuotes: Readonly<Record<string, { quotes: readonly string[] }>>,
  common: string,
): string {
  const hash = createHash('sha256');
  hash.update(common);
  hash.update(
    canonicalJson(family.map((theme) => ({ theme, pins: pinnedQuotes[theme.id]?.quotes ?? [] }))),
  );
  const passages = new Map<string, SynthesisPassage>();
  for (const theme of family)
    for (const id of theme.passageIds) {
      const passage = corpus.byId.get(id);
      if (passage) passages.set(id, passage);
    }
  // In corpus order, which breaks ties between equally central passages.
  for (const passage of [...passages.values()].sort((a, b) => a.index - b.index))
    updateWithPassage(hash, corpus, passage);
  return hash.digest('hex');
}

function updateWithPassage(hash: Hash, corpus: SynthesisCorpus, p: SynthesisPassage): void {
  const { index: _index, ...facts } = p;
  hash.update(
    canonicalJson({
      ...facts,
      credit: corpus.credit(p.contributionId),
      opinion: corpus.opinions?.comments.get(p.contributionId) ?? null,
    }),
  );
  const vector = rowOf(corpus.vectors, p.index);
  hash.update(new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength));
}

/**
 * The findings of the previous run that still hold, by theme id: those of every family whose
 * members all carry the key they have now, with their share of participants and trend measured
 * against this run's totals. Families with any member missing or keyed otherwise are written
 * again, whole.
 */
export function reusableFindings(
  previous: Findings | null,
  keys: ReadonlyMap<string, string>,
  corpus: SynthesisCorpus,
): Map<string, ThemeFindings> {
  const reused = new Map<string, ThemeFindings>();
  if (!previous) return reused;
  const themes = corpus.themes.themes;
  const totals = weekTotals(corpus);
  const before = new Map(previous.themes.map((t) => [t.themeId, t]));
  for (const top of themes.filter((t) => t.parentId === null)) {
    const family = [top, ...themes.filter((t) => t.parentId === top.id)];
    const found = family.map((theme) => before.get(theme.id));
    const holds = found.every(
      (findings, i) =>
        findings !== undefined &&
        findings.key !== undefined &&
        findings.key === keys.get(family[i]?.id ?? '') &&
        findings.parentId === family[i]?.parentId,
    );
    if (!holds) continue;
    family.forEach((theme, i) => {
      const findings = found[i];
      if (findings) reused.set(theme.id, remeasured(findings, corpus, theme, totals));
    });
  }
  return reused;
}

/** Findings with the parts measured against the whole consultation brought up to date. */
function remeasured(
  findings: ThemeFindings,
  corpus: SynthesisCorpus,
  theme: Theme,
  totals: readonly number[],
): ThemeFindings {
  const { participants } = findings.prevalence;
  const share = corpus.participantCount > 0 ? participants / corpus.participantCount : 0;
  return {
    ...findings,
    prevalence: { ...findings.prevalence, participantShare: Math.round(share * 1e4) / 1e4 },
    trend: trendOf(themePassages(corpus, theme), totals),
  };
}
