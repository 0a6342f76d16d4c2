import type { Theme, Themes } from '../../schemas/themes.js';
import { languageName, ThemeLabelsAnswer } from '../llm/answers.js';
import { askForEach } from '../llm/ask-for-each.js';
import { dataBlock, referenced } from '../llm/data-block.js';
import type { LlmService } from '../llm/llm-service.js';

export interface LabelSettings {
  title: string;
  language: string;
  model: string;
}

/** Themes named in one request. */
const THEMES_PER_REQUEST = 12;
const EXAMPLE_CHARS = 200;
const MAX_LABEL_WORDS = 8;

/**
 * Names emergent themes and sub-themes with the model: a label and a one-sentence description
 * from each theme's keywords and representative passages, top-level themes first so that
 * sub-themes are named within their parent's new label. Taxonomy themes keep the config's
 * labels. A theme the model leaves out, or names unusably (empty, long, or the same as
 * another), is asked about again on its own, and keeps its offline label after that.
 */
export async function labelThemesWithModel(
  themes: Themes,
  textOf: ReadonlyMap<string, string>,
  llm: LlmService,
  settings: LabelSettings,
): Promise<Themes> {
  const named = new Map(themes.themes.map((t) => [t.id, t]));
  const taken = new Set(
    themes.themes.filter((t) => t.origin.kind === 'guided').map((t) => t.label.toLowerCase()),
  );
  let byModel = 0;
  for (const level of [null, 'sub'] as const) {
    const candidates = themes.themes.filter(
      (t) => t.origin.kind === 'emergent' && (level === null) === (t.parentId === null),
    );
    const byParent = groupBy(candidates, (t) => t.parentId ?? '');
    for (const [parentId, siblings] of byParent) {
      const parent = named.get(parentId);
      const within = parent ? `These are sub-themes of the theme "${parent.label}".` : '';
      const lines = new Map(siblings.map((t) => [t, themeLine(t, textOf)]));
      const answers = await askForEach(siblings, {
        budget: 3000,
        maxItems: THEMES_PER_REQUEST,
        tokens: (t) => llm.countTokens(lines.get(t) ?? ''),
        ask: async (batch) => {
          const { items, byRef: refs } = referenced('T', batch, (t) => lines.get(t) ?? '');
          const { value, from } = await llm.ask({
            task: 'theme-labels',
            model: settings.model,
            slots: {
              language: languageName(settings.language),
              title: settings.title,
              within,
              data: dataBlock(items),
            },
            schema: ThemeLabelsAnswer,
            fallback: {
              themes: [...refs].map(([ref, t]) => ({
                ref,
                label: t.label,
                description: t.description,
              })),
            },
          });
          // No answer (a dry run, or replies that kept breaking the schema): the offline names stay.
          if (from === 'fallback') return new Map(batch.map((t) => [t, t]));
          const usable = new Map<Theme, { label: string; description: string }>();
          for (const entry of value.themes) {
            const theme = refs.get(entry.ref);
            const label = cleanLabel(entry.label);
            if (!theme || !label || taken.has(label.toLowerCase())) continue;
            taken.add(label.toLowerCase());
            usable.set(theme, { label, description: entry.description.trim() });
          }
          return usable;
        },
      });
      for (const [theme, answer] of answers) {
        if (answer === theme) continue;
        byModel += 1;
        named.set(theme.id, {
          ...theme,
          label: answer.label,
          description: answer.description || theme.description,
        });
      }
    }
  }
  return {
    ...themes,
    themes: themes.themes.map((t) => named.get(t.id) ?? t),
    method: { ...themes.method, labelledBy: byModel > 0 ? settings.model : null },
  };
}

function themeLine(theme: Theme, textOf: ReadonlyMap<string, string>): string {
  const examples = theme.representativeIds
    .map((id) => textOf.get(id) ?? '')
    .filter(Boolean)
    .map((text) => `"${text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS)}…` : text}"`);
  return `keywords: ${theme.keywords.slice(0, 8).join(', ')} | examples: ${examples.join(' / ')}`;
}

/** The label without quotes or a "Theme:" prefix, or undefined when empty or too long. */
function cleanLabel(label: string): string | undefined {
  const clean = label
    .trim()
    .replace(/^["'“‘]+|["'”’.]+$/gu, '')
    .replace(/^theme\s*:\s*/iu, '')
    .trim();
  const words = clean.split(/\s+/u).length;
  return clean.length > 0 && clean.length <= 80 && words <= MAX_LABEL_WORDS ? clean : undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
