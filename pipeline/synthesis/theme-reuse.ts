// Per-theme caching of findings: what a theme's synthesis depends on, hashed, and reuse by it.
import { createHash, type Hash } from 'node:crypto';
import type { Findings, ThemeFindings } from '../../schemas/findings.js';
import type { Theme } from '../../schemas/themes.js';
import { canonicalJson } from '../hash.js';
import { rowOf } from '../matrix.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { weekTotals } from './theme-findings.js';

/**
 * The key of each theme's findings, by theme id: the hash of everything the findings of its
 * family (a top-level theme and its sub-themes) are written from. The family is the unit,
 * because a top-level theme's key points are its sub-themes' and the model writes sub-themes'
 * key points with their parent's findings. The hash covers `basis` (the synthesiser's version
 * and config slice), the counts every theme is measured against (participants, passages per
 * week, opinion groups), the family's themes as reviewed (label, description, keywords,
 * passages, scores, representatives), their pinned quotes, and for each of their passages its
 * text, translation, contribution, voices, participants, dates, votes, credit and vector.
 */
export function themeFamilyKeys(
  corpus: SynthesisCorpus,
  pinnedQuotes: Readonly<Record<string, { quotes: readonly string[] }>>,
  basis: unknown,
): Map<string, string> {
  const common = canonicalJson({
    basis,
    seed: corpus.config.seed,
    participants: corpus.participantCount,
    weeks: weekTotals(corpus),
    groups: corpus.opinions?.sizes ?? null,
  });
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
 * members all carry the key they have now. Families with any member missing or keyed otherwise
 * are written again, whole.
 */
export function reusableFindings(
  previous: Findings | null,
  keys: ReadonlyMap<string, string>,
  themes: readonly Theme[],
): Map<string, ThemeFindings> {
  const reused = new Map<string, ThemeFindings>();
  if (!previous) return reused;
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
    if (holds) for (const findings of found) if (findings) reused.set(findings.themeId, findings);
  }
  return reused;
}
