import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelThemes, type ThemeLabel } from '../../pipeline/themes/labels.js';

const comments = (
  parse(readFileSync('examples/bowling-green/comments.csv'), { columns: true }) as Record<
    string,
    string
  >[]
).map((row) => row['comment-body'] as string);

const TOPICS = [
  { filter: /\b(bus|buses|busses|transit)\b/i, expected: /\b(bus|buses|transit)\b/i },
  { filter: /\b(downtown|restaurants?)\b/i, expected: /\b(downtown|restaurants?)\b/i },
  { filter: /\b(schools?|teachers?)\b/i, expected: /\b(schools?|teachers?)\b/i },
];

/** A label reads as a name: sentence case, one or two phrases, no list of single words. */
function expectReadable({ label, keywords, description }: ThemeLabel): void {
  expect(label).toMatch(/^\p{Lu}/u);
  expect(label).not.toContain(',');
  expect(label.split(' and ').length).toBeLessThanOrEqual(3);
  expect(label.split(' ').length).toBeLessThanOrEqual(9);
  expect(keywords.length).toBeGreaterThanOrEqual(1);
  expect(new Set(keywords).size).toBe(keywords.length);
  expect(description).toMatch(/^[\p{Lu}].*\(\d+ passages?\)\.$/u);
}

describe('labelThemes', () => {
  it('never takes a label in `taken` (a sub-theme repeating its parent), and keeps `fixed` ones', () => {
    const buses = comments.filter((text) => /\b(bus|buses)\b/i.test(text));
    const [free] = labelThemes([buses]);
    const label = free?.label ?? '';
    const [other] = labelThemes([buses], { taken: [label.toUpperCase()] });
    expect(other?.label.toLowerCase()).not.toBe(label.toLowerCase());
    expect(other?.label).toMatch(/\p{L}/u);
    const [kept, next] = labelThemes([buses, buses.slice(0, 20)], { fixed: [label, null] });
    expect(kept?.label).toBe(label);
    expect(next?.label.toLowerCase()).not.toBe(label.toLowerCase());
  });

  it('names Bowling Green themes by their topic, distinctly and readably', () => {
    const groups = TOPICS.map(({ filter }) => comments.filter((text) => filter.test(text)));
    const labels = labelThemes(groups);
    labels.forEach((label, i) => {
      expect(label.label).toMatch((TOPICS[i] as (typeof TOPICS)[number]).expected);
      expectReadable(label);
      expect(label.description).toContain(`(${(groups[i] as string[]).length} passages)`);
    });
    expect(new Set(labels.map(({ label }) => label.toLowerCase())).size).toBe(3);
    expect(labels[1]?.label).toBe('Downtown area');
    expect(labels[1]?.keywords.slice(0, 2)).toEqual(['downtown', 'restaurants']);
  });

  it('prefers a recurring multi-word noun phrase', () => {
    const labels = labelThemes([
      [
        'We need better public transport in the evenings.',
        'Public transport should run on Sundays.',
        'More bus routes to the east side.',
        'The bus routes do not reach the hospital.',
        'Public transport is too slow and the bus routes are too few.',
      ],
      [
        'Build more parks for children.',
        'The parks need more trees.',
        'Parks and playgrounds are too few.',
        'Children need playgrounds near the parks.',
      ],
    ]);
    expect(labels[0]?.label).toBe('Public transport');
    expect(labels[0]?.description).toBe(
      'Contributions about public transport and bus routes (5 passages).',
    );
    expect(labels[1]?.label).toMatch(/^Parks/);
  });

  it('names a theme by one phrase its contributors wrote, not two words joined by "and"', () => {
    const [label] = labelThemes([
      [
        'Parents have the right to choose a school.',
        'The right of parents to choose a school.',
        'Parents need a choice of school.',
      ],
      ['Trees in the park.', 'More trees please.', 'Plant trees on streets.'],
    ]);
    const text = 'parents have the right to choose a school. the right of parents. school choice';
    expect(label?.label.split(' and ')).toHaveLength(1);
    expect(text).toContain(label?.label.toLowerCase());
  });

  it('gives sibling themes distinct labels even when their best phrase is the same', () => {
    const shared = [
      ['Bike lanes on Main Street.', 'Bike lanes are unsafe.', 'More bike lanes downtown.'],
      ['Bike lanes near schools.', 'Bike lanes and parking.', 'Paint the bike lanes.'],
      ['Bike lanes please.', 'Wider bike lanes.', 'Bike lanes for kids.'],
    ];
    const labels = labelThemes(shared).map(({ label }) => label.toLowerCase());
    expect(new Set(labels).size).toBe(3);
    for (const label of labels) expect(label).toContain('bike lanes');
  });

  it('labels a theme of a single passage from what it has', () => {
    const [only] = labelThemes([['The library needs longer opening hours on weekends.']]);
    expect(only?.label).toMatch(/library|opening hours|weekends/i);
    expect(only?.description).toMatch(/\(1 passage\)\.$/);
  });

  it('copes with empty texts, texts without words and identical texts', () => {
    const labels = labelThemes(
      [[], ['', '  ', '👍👍'], ['More parks.', 'More parks.', 'More parks.']],
      {
        sizes: [0, 3, 3],
      },
    );
    expect(labels[0]).toEqual({
      label: 'Theme 1',
      keywords: [],
      description: 'No recurring words or phrases (0 passages).',
    });
    expect(labels[1]?.label).toBe('Theme 2');
    expect(labels[2]).toEqual({
      label: 'Parks',
      keywords: ['parks'],
      description: 'Contributions about parks (3 passages).',
    });
  });

  it("does not name a theme after the consultation's own subject", () => {
    const parks = [
      'Warren County needs more parks and playgrounds for children.',
      'More parks and playgrounds in Warren County, please.',
      'Warren County parks need shade trees and playgrounds.',
    ];
    const roads = [
      'The roads need repair and better lighting.',
      'Fix the potholes on our roads.',
      'The roads are full of potholes.',
    ];
    const [plain] = labelThemes([parks, roads]);
    const [withContext] = labelThemes([parks, roads], { context: new Set(['warren', 'county']) });
    expect(plain?.label.toLowerCase()).toContain('warren county');
    expect(withContext?.label.toLowerCase()).not.toContain('warren county');
    expect(withContext?.label.toLowerCase()).toMatch(/park|playground/);
  });

  it('never names a theme after a person addressed, titled or signing off', () => {
    const [clinic] = labelThemes([
      [
        'Thanks Dianne, the clinic waiting times are far too long.',
        'Dr. Dianne Walsh said the clinic waiting times keep growing.',
        'Dear Dianne, clinic waiting times need attention. Regards, Dianne',
      ],
      ['The library needs longer hours.', 'Library hours are too short.', 'Open the library.'],
    ]);
    expect(clinic?.label).not.toMatch(/Dianne|Walsh|Dr/);
    expect(clinic?.keywords.join(' ')).not.toMatch(/dianne|walsh/i);
    expect(clinic?.label.toLowerCase()).toMatch(/clinic|waiting/);
  });

  it('does not keep shouted capitals in a label', () => {
    const [theme] = labelThemes([
      [
        'Young DRIVERS need safer roads.',
        'Young DRIVERS speed on the bypass.',
        'young drivers need training',
      ],
      [
        'The library needs longer hours.',
        'Library hours are too short.',
        'Open the library on Sundays.',
      ],
    ]);
    expect(theme?.label).not.toContain('DRIVERS');
  });

  it('states the size it is given and the number of keywords asked for', () => {
    const groups = TOPICS.map(({ filter }) => comments.filter((text) => filter.test(text)));
    const labels = labelThemes(groups, { sizes: [84, 1, 2], keywordCount: 8 });
    expect(labels[0]?.description).toMatch(/\(84 passages\)\.$/);
    expect(labels[1]?.description).toMatch(/\(1 passage\)\.$/);
    expect(labels[2]?.keywords).toHaveLength(8);
  });
});

describe('labelThemes on ArgKP key points', () => {
  it('names the key points of one motion after what their arguments say', () => {
    const rows = parse(readFileSync('examples/rule-of-law/contributions.csv'), {
      columns: true,
    }) as Record<string, string>[];
    const byKeyPoint = new Map<string, string[]>();
    for (const row of rows) {
      if (row.motion !== 'We should abolish capital punishment') continue;
      for (const id of (row.key_point_ids ?? '').split('|').filter(Boolean)) {
        byKeyPoint.set(id, [...(byKeyPoint.get(id) ?? []), row.text as string]);
      }
    }
    const ids = [...byKeyPoint.keys()];
    const labels = labelThemes(ids.map((id) => byKeyPoint.get(id) as string[]));
    const labelOf = (id: string) => labels[ids.indexOf(id)]?.label ?? '';
    expect(new Set(labels.map(({ label }) => label.toLowerCase())).size).toBe(ids.length);
    for (const label of labels) expectReadable(label);
    // Human key points: "prevents crimes", "saves costs to the state", "helps the victim/their
    // family", "irreversible".
    expect(labelOf('kp_5_2')).toMatch(/deter/i);
    expect(labelOf('kp_5_3')).toMatch(/tax|cost|expense/i);
    expect(labelOf('kp_5_0')).toMatch(/famil|victim|closure/i);
    expect(labelOf('kp_5_7')).toMatch(/innocent|miscarriage/i);
  });
});

describe('labelThemes properties', () => {
  const WORDS = [
    'bike',
    'lanes',
    'parks',
    'public',
    'transport',
    'and',
    'the',
    'more',
    'safe',
    'schools',
    'buses',
    '.',
    'need',
  ];
  const textArb = fc
    .array(fc.constantFrom(...WORDS), { maxLength: 12 })
    .map((words) => words.join(' '));
  const groupsArb = fc.array(fc.array(textArb, { maxLength: 6 }), { minLength: 1, maxLength: 6 });

  it('always gives distinct, non-empty labels and one description per theme', () => {
    fc.assert(
      fc.property(groupsArb, (groups) => {
        const labels = labelThemes(groups);
        expect(labels).toHaveLength(groups.length);
        const names = labels.map(({ label }) => label.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
        labels.forEach(({ label, description }, g) => {
          expect(label).toMatch(/^\S/);
          expect(description).toContain(`(${(groups[g] as string[]).length} passage`);
        });
        expect(labelThemes(groups)).toEqual(labels);
      }),
      { numRuns: 150 },
    );
  });
});
