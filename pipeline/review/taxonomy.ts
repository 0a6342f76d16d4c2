import type { TaxonomyTheme } from '../../schemas/consultation.js';
import type { ReviewLog } from '../../schemas/review.js';
import { decisionStates } from './active.js';
import { promotedThemeId } from './apply.js';

/**
 * The taxonomy later runs assign to: the config's themes with the examples facilitators pinned
 * on them, and the emergent themes they promoted (with their label as last renamed, their
 * description, keywords and examples). The runner hands the stages this taxonomy in place of
 * the config's, so pinning or promoting re-runs guided assignment, and nothing else does.
 */
export function reviewedTaxonomy(
  taxonomy: readonly TaxonomyTheme[],
  log: ReviewLog | null,
): TaxonomyTheme[] {
  const { decisions, active } = decisionStates(log);
  const themes = new Map(
    taxonomy.map((theme) => [theme.id, { ...theme, examples: [...theme.examples] }]),
  );
  const pinned = new Map<string, Map<string, string>>();
  for (const { n, action } of decisions) {
    if (!active.has(n)) continue;
    if (action.kind === 'promote') {
      const id = promotedThemeId(n);
      themes.set(id, {
        id,
        label: action.theme.label,
        description: action.description,
        keywords: action.keywords,
        examples: action.examples,
      });
    } else if (action.kind === 'rename') {
      const theme = themes.get(action.theme.id);
      if (theme?.id.startsWith('promoted-')) {
        theme.label = action.label;
        if (action.description !== undefined) theme.description = action.description;
      }
    } else if (action.kind === 'pin' && action.as === 'example') {
      const examples = pinned.get(action.theme.id) ?? new Map<string, string>();
      if (action.pinned) examples.set(action.passage, action.text);
      else examples.delete(action.passage);
      pinned.set(action.theme.id, examples);
    }
  }
  for (const [id, examples] of pinned) {
    const theme = themes.get(id);
    if (!theme) continue;
    for (const text of examples.values())
      if (!theme.examples.includes(text)) theme.examples.push(text);
  }
  return [...themes.values()];
}
