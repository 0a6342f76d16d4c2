// No template noise: no unknown trend, no weeks or questions wording without them, a methodology in plain words.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { organisedBy } from '../../pipeline/brief/participation.js';
import { runFixture } from '../helpers/runs.js';

const briefs = new Map<string, string>();

beforeAll(async () => {
  for (const name of ['synthesis', 'yes-no']) {
    const { out } = await runFixture(name, 'render');
    briefs.set(name, await readFile(join(out, 'brief.md'), 'utf8'));
  }
}, 180_000);

const brief = (name: string) => briefs.get(name) ?? '';
const methodology = (markdown: string) =>
  markdown.split('**Methodology and limitations.**')[1]?.split('\n')[0] ?? '';

describe('template noise', () => {
  it('never shows an unknown trend; a known one reads as words', () => {
    for (const markdown of briefs.values()) expect(markdown).not.toMatch(/trend: /);
    // The synthesis fixture has two weeks; the yes/no one none, so its themes show no trend.
    expect(brief('synthesis')).toMatch(
      /passages(; [^*]*)?; (rising|fading|steady) over the weeks(; in the answers to question \d+ \([^)]*\))?\.\*/,
    );
    expect(brief('yes-no')).not.toMatch(/over the weeks/);
  });

  it('names only what the brief is organised by', () => {
    expect(brief('synthesis')).toMatch(/^Scope: .*, by theme, guiding question and week\.$/m);
    expect(brief('yes-no')).toMatch(/^Scope: .*, by theme\.$/m);
    expect(organisedBy(3, 0)).toBe('theme and guiding question');
    expect(organisedBy(1, 4)).toBe('theme and week');
  });

  it('says how themes were found in plain words, with the provider and model ids in the annex', () => {
    for (const markdown of briefs.values()) {
      const text = methodology(markdown);
      expect(text).toContain(
        'Themes were found by grouping passages by meaning, with word vectors bundled with the tool; no data left the machine',
      );
      expect(text).not.toMatch(/offline:|sif\(|tfidf|lsa\d|modularity|extractive, template-based/);
      const annex = markdown.split('### Run details')[1]?.split('\n### ')[0] ?? '';
      expect(annex).toMatch(/Embeddings: `offline:sif\(.*\)\+tfidf-lsa/);
      expect(annex).toContain('Findings: `offline (extractive, template-based)`');
    }
  });

  it('says what a theme share is of', () => {
    expect(brief('synthesis')).toMatch(/^\*\d+ participants \(\d+% of all participants\), /m);
    expect(brief('yes-no')).toMatch(/^\*\d+ contributions \(\d+% of all contributions\), /m);
  });
});
