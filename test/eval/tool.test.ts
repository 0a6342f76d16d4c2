import { describe, expect, it } from 'vitest';
import { NEVER_OTHER } from '../../pipeline/eval/group-runs.js';
import { createToolRunner, type ToolCorpus } from '../../pipeline/eval/methods/tool.js';
import { NO_WORD_VECTORS } from '../helpers/themes.js';

const TOPICS = [
  ['bus', 'route', 'timetable', 'driver'],
  ['park', 'tree', 'playground', 'bench'],
  ['rent', 'landlord', 'housing', 'tenant'],
];

/** 36 short texts, 12 per topic, each mixing its topic's words. */
const TEXTS = TOPICS.flatMap((words) =>
  Array.from(
    { length: 12 },
    (_, i) =>
      `The ${words[i % 4]} and the ${words[(i + 1) % 4]} need work, said neighbour ${i} about the ${words[(i + 2) % 4]}.`,
  ),
);

describe('the tool runner', () => {
  const tool = createToolRunner(NO_WORD_VECTORS);

  it('gives the themes stage top-level themes: emergent ones as buildThemes labels them', async () => {
    const corpus: ToolCorpus = { texts: TEXTS, language: 'en', taxonomy: [] };
    const found = await tool.themes(corpus, 1);
    expect(found.guided.every((t) => t === -1)).toBe(true);
    const sizes = Array.from(
      { length: found.emergentCount },
      (_, g) => found.emergent.filter((e) => e === g).length,
    );
    const labels = await tool.labels(corpus, 1);
    expect(labels.map((theme) => theme.passages)).toEqual(sizes);
    const two = await tool.themes(corpus, 1, { themeCount: 2 });
    expect(two.emergentCount).toBe(2);
  });

  it('assigns texts to the taxonomy, and embeds the taxonomy with them', async () => {
    const corpus: ToolCorpus = {
      texts: TEXTS,
      language: 'en',
      taxonomy: ['Bus route and timetable', 'Park trees and playground', 'Rent and landlord'],
    };
    const { guided } = await tool.themes(corpus, 1, NEVER_OTHER);
    const right = [...guided].filter((t, i) => t === Math.floor(i / 12)).length;
    expect(right).toBeGreaterThan(30);
    const vectors = await tool.vectors(corpus, 1);
    expect([vectors.texts.rows, vectors.taxonomy.rows]).toEqual([36, 3]);
  });
});
