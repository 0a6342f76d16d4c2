// Quotes a reviewer pinned on a theme, put first among its quotes.
import type { ThemeFindings } from '../../../schemas/findings.js';
import type { FindingsDraft } from '../model/grounding.js';
import type { SynthesisCorpus } from './corpus.js';
import { quoteOf } from './quotes.js';

/**
 * The draft with each theme's pinned quotes (passage ids, in the order pinned) first among its
 * quotes, then the quotes the synthesiser chose that are not pinned, as many in all as it chose
 * or as were pinned, whichever is more. Idempotent, so findings reused from a previous run
 * pass through unchanged.
 */
export function withPinnedQuotes(
  draft: FindingsDraft,
  corpus: SynthesisCorpus,
  pins: Readonly<Record<string, { quotes: readonly string[] }>>,
): FindingsDraft {
  return { ...draft, themes: draft.themes.map((theme) => pinQuotes(theme, corpus, pins)) };
}

function pinQuotes(
  theme: ThemeFindings,
  corpus: SynthesisCorpus,
  pins: Readonly<Record<string, { quotes: readonly string[] }>>,
): ThemeFindings {
  const pinned = (pins[theme.themeId]?.quotes ?? []).flatMap((id) => {
    const passage = corpus.byId.get(id);
    return passage ? [quoteOf(corpus, passage)] : [];
  });
  if (pinned.length === 0) return theme;
  const ids = new Set(pinned.map((q) => q.passageId));
  const rest = theme.quotes.filter((q) => !ids.has(q.passageId));
  return {
    ...theme,
    quotes: [...pinned, ...rest].slice(0, Math.max(theme.quotes.length, pinned.length)),
  };
}
