import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeRun } from '../../bench/review.js';
import { corpusSession, reviewCorpus } from '../../bench/review-corpus.js';
import { parseAttributeFilter } from '../../pipeline/review/attribute-filter.js';
import { countPassages, listPassageIds, listPassages } from '../../pipeline/review/listing.js';
import { indexPassages } from '../../pipeline/review/passage-index.js';
import { indexState, stateView } from '../../pipeline/review/state-view.js';

const COUNTRIES = ['Kenya', 'Ghana', 'Nigeria', 'Senegal', 'Uganda'];
const GROUPS = ['Resident', 'Business', 'NGO'];

/** The review corpus with a country on every contribution and a group on two in three. */
async function corpusWithAttributes(passages: number) {
  const corpus = reviewCorpus(passages);
  corpus.contributions.forEach((c, i) => {
    c.attributes = { Country: COUNTRIES[i % 5] as string };
    if (i % 3 !== 2) c.attributes.Group = GROUPS[i % 2] as string;
  });
  const run = await fakeRun(await mkdtemp(join(tmpdir(), 'brief-attributes-')));
  const session = corpusSession(run, corpus);
  const country = new Map(corpus.contributions.map((c) => [c.id, c.attributes.Country]));
  const group = new Map(corpus.contributions.map((c) => [c.id, c.attributes.Group]));
  const of = (passageId: string) => passageId.split('#')[0] as string;
  return {
    session,
    countryOf: (id: string) => country.get(of(id)),
    groupOf: (id: string) => group.get(of(id)),
  };
}

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

describe('the review lists filtered by respondent attribute', () => {
  it('narrows lists, search and counts at 100,000 passages, each in well under a second', async () => {
    const { session, countryOf, groupOf } = await corpusWithAttributes(100_000);
    const passages = indexPassages(session);
    const state = indexState(session.state());
    expect(passages.attributes.map((a) => a.name)).toEqual(['Country', 'Group']);
    const kenya = passages.attributes[0]?.values.find((v) => v.value === 'Kenya');
    expect(kenya?.passages).toBe(passages.ids.filter((id) => countryOf(id) === 'Kenya').length);

    const theme = session.state().themes[0];
    if (!theme) throw new Error('no theme');
    const where = { Country: 'Ghana', Group: 'Business' };
    const expected = theme.passageIds.filter(
      (id) => countryOf(id) === 'Ghana' && groupOf(id) === 'Business',
    );
    const list = timed(() =>
      listPassages(state, passages, {
        source: { kind: 'theme', themeId: theme.id },
        search: '',
        where,
        offset: 0,
        limit: 50,
      }),
    );
    expect(list.value?.total).toBe(expected.length);
    expect(list.value?.items.map((p) => p.id)).toEqual(expected.slice(0, 50));
    expect(
      list.value?.items.every(
        (p, i) => p.score === theme.scores[theme.passageIds.indexOf(expected[i] as string)],
      ),
    ).toBe(true);

    const search = timed(() =>
      listPassageIds(state, passages, { source: { kind: 'all' }, search: 'river', where }, 1e6),
    );
    const hits = passages
      .search('river')
      .filter((id) => countryOf(id) === 'Ghana' && groupOf(id) === 'Business');
    expect(search.value?.ids).toEqual(hits);

    const counts = timed(() => countPassages(state, passages, { Country: 'Kenya' }));
    expect(counts.value.themes[theme.id]).toBe(
      theme.passageIds.filter((id) => countryOf(id) === 'Kenya').length,
    );
    for (const { ms } of [list, search, counts]) expect(ms).toBeLessThan(500);
    console.log(
      `attribute filter at 100,000 passages: theme list ${list.ms.toFixed(0)} ms, search ${search.ms.toFixed(0)} ms, counts ${counts.ms.toFixed(0)} ms`,
    );
  }, 120_000);

  it('offers no attribute without attributes, and the state view says so', async () => {
    const corpus = reviewCorpus(200);
    const run = await fakeRun(await mkdtemp(join(tmpdir(), 'brief-attributes-')));
    const session = corpusSession(run, corpus);
    const passages = indexPassages(session);
    expect(passages.attributes).toEqual([]);
    expect(stateView(session, passages, null, false).attributes).toEqual([]);
  });

  it('reads the where parameter as a JSON object of values, and refuses anything else', () => {
    expect(parseAttributeFilter(undefined)).toEqual({ filter: {} });
    expect(parseAttributeFilter('{"Country":"Kenya"}')).toEqual({ filter: { Country: 'Kenya' } });
    expect(parseAttributeFilter('Kenya')).toEqual({
      error: 'Invalid where: expected a JSON object of attribute values',
    });
    expect(parseAttributeFilter('{"Country":3}')).toMatchObject({
      error: /^Invalid where: Country: /,
    });
  });
});
