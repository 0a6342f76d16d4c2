import type { Theme, Themes } from '../../schemas/themes.js';
import { languageName, ThemeLabelsAnswer } from '../llm/answers.js';
import { askForEach } from '../llm/ask-for-each.js';
import { dataBlock, referenced } from '../llm/data-block.js';
import type { LlmService } from '../llm/llm-service.js';
import { clipInput } from '../quote-input.js';
import type { Logger } from '../stage.js';
import { descriptionProblem, labelProblem, type ThemeWords, themeWords } from './label-check.js';

/** Failed names quoted in the warning's line; all are in its details. */
const MAX_EXAMPLES = 2;

export interface LabelSettings {
  title: string;
  language: string;
  model: string;
  logger: Logger;
}

/** Themes named in one request. */
const THEMES_PER_REQUEST = 12;
const EXAMPLE_CHARS = 200;

/**
 * Names emergent themes and sub-themes with the model: a label and a one-sentence description
 * from each theme's keywords and representative passages, top-level themes first so that
 * sub-themes are named within their parent's new label. Taxonomy themes keep the config's
 * labels. A theme the model leaves out, or names unusably (the same as another, or failing
 * `labelProblem`: long, markup, instructions, words its passages do not have), is asked about
 * again on its own, and keeps its offline label after that; a description failing
 * `descriptionProblem` gives way to the offline one. Names and descriptions that failed the
 * checks are counted in `method.labelsRejected` and reported.
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
  const checks = new LabelChecks(textOf, settings.language);
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
            if (!theme) continue;
            const named = checks.named(theme, entry.label, entry.description);
            if (!named || taken.has(named.label.toLowerCase())) continue;
            taken.add(named.label.toLowerCase());
            usable.set(theme, named);
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
  const rejected = checks.report(settings.logger, (t) => named.get(t.id)?.label !== t.label);
  return {
    ...themes,
    themes: themes.themes.map((t) => named.get(t.id) ?? t),
    method: {
      ...themes.method,
      labelledBy: byModel > 0 ? settings.model : null,
      ...(rejected > 0 ? { labelsRejected: rejected } : {}),
    },
  };
}

/** The checks of model-written names, with the themes' own words and what failed. */
class LabelChecks {
  private readonly words = new Map<Theme, ThemeWords>();
  /** Themes whose model-written label or description failed, with why. */
  private readonly failed = new Map<Theme, string>();

  constructor(
    private readonly textOf: ReadonlyMap<string, string>,
    private readonly language: string,
  ) {}

  /**
   * The model's label and description where they pass the checks (a failing description is
   * left empty, for the offline one to stay), or undefined when the label fails.
   */
  named(theme: Theme, label: string, description: string) {
    const source = this.wordsOf(theme);
    const clean = cleanLabel(label);
    const problem = labelProblem(clean, source, this.language);
    if (problem) {
      this.failed.set(theme, `label ${problem}`);
      return undefined;
    }
    const text = description.trim();
    const wrong = descriptionProblem(text, source, this.language);
    if (wrong) this.failed.set(theme, `description ${wrong}`);
    return { label: clean, description: wrong ? '' : text };
  }

  /** Warns of the names that failed and kept the offline ones; returns how many. */
  report(logger: Logger, renamed: (theme: Theme) => boolean): number {
    const kept = [...this.failed].filter(
      ([theme, why]) => !why.startsWith('label') || !renamed(theme),
    );
    if (kept.length > 0) {
      const examples = kept
        .slice(0, MAX_EXAMPLES)
        .map(([t, why]) => `${t.id}: ${clipInput(why, 60)}`)
        .join('; ');
      logger.warn(
        `theme-labels: ${kept.length} model-written name(s) or description(s) failed the checks and the offline ones were kept, e.g. ${examples}`,
        {
          warning: 'theme name failed the checks',
          entries: kept.map(([t, why]) => ({ theme: t.id, problem: why })),
        },
      );
    }
    return kept.length;
  }

  private wordsOf(theme: Theme): ThemeWords {
    let words = this.words.get(theme);
    if (!words) {
      const passages = theme.passageIds.map((id) => this.textOf.get(id) ?? '');
      words = themeWords(theme.keywords, passages, this.language);
      this.words.set(theme, words);
    }
    return words;
  }
}

function themeLine(theme: Theme, textOf: ReadonlyMap<string, string>): string {
  const examples = theme.representativeIds
    .map((id) => textOf.get(id) ?? '')
    .filter(Boolean)
    .map((text) => `"${text.length > EXAMPLE_CHARS ? `${text.slice(0, EXAMPLE_CHARS)}…` : text}"`);
  return `keywords: ${theme.keywords.slice(0, 8).join(', ')} | examples: ${examples.join(' / ')}`;
}

/** The label without quotes or a "Theme:" prefix. */
function cleanLabel(label: string): string {
  return label
    .trim()
    .replace(/^["'“‘]+|["'”’.]+$/gu, '')
    .replace(/^theme\s*:\s*/iu, '')
    .trim();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
