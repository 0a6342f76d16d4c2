import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contribution } from '../../schemas/contribution.js';
import type { Findings } from '../../schemas/findings.js';
import type { Themes } from '../../schemas/themes.js';
import { runFixture } from '../helpers/runs.js';

/** Which questions each top-level theme draws its passages from, by theme id. */
function questionsDrawn(themes: Themes, contributions: readonly Contribution[]) {
  const questionOf = new Map(contributions.map((c) => [c.id, c.question]));
  return new Map(
    themes.themes
      .filter((t) => t.parentId === null)
      .map((t) => [
        t.id,
        [...new Set(t.passageIds.map((id) => questionOf.get(id.split('#')[0] as string)))],
      ]),
  );
}

function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`## ${title}`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end);
}

// Two unrelated questions (AI in schools, social media influencers) whose answers both speak
// of wrong information: found across all passages, one theme held 7 answers to each.
describe('two unrelated questions (the two-questions fixture)', () => {
  let themes: Themes;
  let findings: Findings;
  let contributions: Contribution[];
  let markdown: string;

  beforeAll(async () => {
    const { summary, out } = await runFixture('two-questions', 'render');
    themes = await summary.load('themes');
    findings = await summary.load('findings');
    contributions = await summary.load('contributions');
    markdown = await readFile(join(out, 'brief.md'), 'utf8');
  }, 120_000);

  it('finds themes within each question: none mixes answers to both', () => {
    const drawn = questionsDrawn(themes, contributions);
    expect(drawn.size).toBeGreaterThanOrEqual(4);
    for (const [id, questions] of drawn) {
      expect(questions, id).toHaveLength(1);
      expect(themes.themes.find((t) => t.id === id)?.questionId).toBe(questions[0]);
    }
  });

  it('shows a question-by-theme table saying what it counts', () => {
    const questions = section(markdown, 'What contributors said on each guiding question');
    expect(questions).toContain(
      '**Themes by question.** Contributions answering each question that are in each theme',
    );
    expect(questions).toContain('| Theme | Q1 | Q2 |');
    const rows = questions.split('\n').filter((l) => /^\| (?!Theme|---)/.test(l));
    const top = findings.themes.filter((t) => t.parentId === null);
    expect(rows).toHaveLength(top.length);
    for (const theme of top) {
      const counts = findings.questions.map(
        (q) => q.themes.find((t) => t.themeId === theme.themeId)?.contributions ?? 0,
      );
      // One question per theme: one count, the theme's own, and a dash for the other.
      expect(counts.filter((n) => n > 0)).toEqual([theme.prevalence.contributions]);
      expect(rows).toContain(
        `| ${theme.label} | ${counts.map((n) => (n > 0 ? String(n) : '–')).join(' | ')} |`,
      );
    }
  });

  it("names in each theme's header line the question it answers", () => {
    const found = section(markdown, 'Thematic findings');
    for (const theme of themes.themes.filter((t) => t.parentId === null)) {
      const index = findings.questions.findIndex((q) => q.questionId === theme.questionId);
      const question = findings.questions[index];
      const heading = found.indexOf(`### ${theme.label}\n`);
      expect(heading, theme.label).toBeGreaterThanOrEqual(0);
      const header = found
        .slice(heading)
        .split('\n')
        .find((l) => l.startsWith('*'));
      expect(header).toContain(`; in the answers to question ${index + 1} (${question?.text}).*`);
    }
  });

  it('reports the theme both questions share as a cross-cutting issue, citing both', () => {
    const [first] = findings.crossCutting;
    expect(first?.text).toMatch(
      /^Themes on “information” recur across the answers to questions 1 and 2: .+ \(question 1, \d+ contributions\) and .+ \(question 2, \d+ contributions\)\.$/,
    );
    const questionOf = new Map(contributions.map((c) => [c.id, c.question]));
    const cited = new Set(first?.citations.map((id) => questionOf.get(id.split('#')[0] as string)));
    expect(cited).toEqual(new Set(['ai', 'influencers']));
    expect(first?.themeIds.map((id) => id.split('.')[0])).toEqual(['ai', 'influencers']);
    expect(section(markdown, 'Cross-cutting issues')).toContain('Themes on “information” recur');
  });
});

describe('one question (the yes-no fixture)', () => {
  let themes: Themes;
  let markdown: string;

  beforeAll(async () => {
    const { summary, out } = await runFixture('yes-no', 'render');
    themes = await summary.load('themes');
    markdown = await readFile(join(out, 'brief.md'), 'utf8');
  }, 120_000);

  it('finds themes across all answers as before, with no table', () => {
    const top = themes.themes.filter((t) => t.parentId === null);
    expect(top.map((t) => t.id)).toEqual(top.map((_, i) => `t${i + 1}`));
    expect(themes.themes.every((t) => t.questionId === undefined)).toBe(true);
    expect(themes.method.criterion).toBe('modularity of the nearest-neighbour graph');
    expect(markdown).not.toContain('Themes by question');
    expect(markdown).toMatch(/^\*14 contributions[^*]*\. Themes: .+\.\*$/m);
  });
});
