import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConsultation } from '../../pipeline/config.js';
import { type CleanRecord, CleanRecord as CleanSchema } from '../../schemas/clean-record.js';
import type { Consultation } from '../../schemas/consultation.js';
import { Themes } from '../../schemas/themes.js';
import { runCli } from '../helpers/cli.js';
import { expectThemeInvariants } from '../helpers/themes.js';

/** A finished run folder, read back: the config, the kept passages and `themes.json`. */
interface RunResult {
  out: string;
  config: Consultation;
  clean: CleanRecord[];
  keptIds: string[];
  themes: Themes;
}

async function runConsultation(configPath: string, out: string): Promise<RunResult> {
  const run = await runCli(['run', configPath, '--out', out]);
  expect(run.stderr).not.toContain('brief:');
  expect(run.code).toBe(0);
  return readRun(configPath, out);
}

async function readRun(configPath: string, out: string): Promise<RunResult> {
  const clean = (await readFile(join(out, 'clean.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => CleanSchema.parse(JSON.parse(line)));
  // Parsed with the schema here, not trusted from the writer.
  const themes = Themes.parse(JSON.parse(await readFile(join(out, 'themes.json'), 'utf8')));
  return {
    out,
    config: (await loadConsultation(configPath)).config,
    clean,
    keptIds: clean.flatMap((r) => r.passages.map((p) => p.id)),
    themes,
  };
}

async function tempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `brief-${name}-`));
}

function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Writes a consultation folder: `contributions.csv` with one row per text (ids 1.., author
 * a1..), and `consultation.yaml` reading it, followed by `extraYaml`. Returns the config path.
 */
async function writeConsultation(texts: readonly string[], extraYaml = ''): Promise<string> {
  const dir = await tempDir('themes');
  const rows = texts.map((text, i) => `${i + 1},a${i + 1},${csvField(text)}`);
  await writeFile(join(dir, 'contributions.csv'), `id,author,text\n${rows.join('\n')}\n`);
  const config = join(dir, 'consultation.yaml');
  await writeFile(
    config,
    'title: Theme test\ninput:\n  files: [contributions.csv]\n' +
      `  fields: { id: id, text: text, author: author }\n${extraYaml}`,
  );
  return config;
}

const TRANSPORT = [
  'The 45 bus only comes once an hour, so I cannot get to work on time.',
  'We need more frequent buses on the west side routes, especially at night.',
  'Bus stops should have shelters and benches because waiting in the rain is miserable.',
  'Please extend the bus service to the airport and the hospital.',
  'Traffic on the bypass is terrible at rush hour; better public transit would help.',
  'A light rail line downtown would cut congestion and pollution.',
  'Bus fares are too expensive for students and pensioners.',
  'Real-time arrival screens at bus stations would make transit easier to use.',
];
const PARKS = [
  'The city parks need more trees, shade and benches for older residents.',
  'Our neighbourhood park has no lighting, so nobody goes there after dark.',
  'Build a new playground in the riverside park for young families.',
  'The walking trails in the parks should be connected into one greenway.',
  'Dog owners need a fenced off-leash area in one of the parks.',
  'Plant native flowers in the parks to help bees and butterflies.',
  'The park toilets are always locked; please keep them open in summer.',
  'A community garden in the park would let residents grow vegetables.',
];
const HOUSING = [
  'Rents have doubled in five years and young families are leaving the county.',
  'The city should build affordable housing near the university.',
  'Landlords ignore repairs and tenants have nowhere to complain.',
  'Zoning rules should allow duplexes and small apartment buildings in every neighbourhood.',
  'Housing costs are rising faster than wages for nurses and teachers.',
  'Empty downtown buildings could be turned into apartments for first-time buyers.',
  'Homeless shelters are full every winter and need more beds.',
  'Property taxes keep rising and older homeowners cannot afford to stay.',
];
const CITY = [...TRANSPORT, ...PARKS, ...HOUSING];

const TAXONOMY = `themes:
  - id: transport
    label: Public transport
    keywords: [buses, bus routes, transit, fares]
  - id: parks
    label: Parks and green space
    keywords: [parks, trees, playground, trails]
`;

describe('themes stage on the Bowling Green example', () => {
  const configPath = 'examples/bowling-green/consultation.yaml';
  let first: RunResult;

  beforeAll(async () => {
    first = await runConsultation(configPath, await tempDir('bg'));
  }, 60_000);

  it('writes themes that account for every kept passage and respect the limits', () => {
    expect(first.keptIds.length).toBeGreaterThan(500);
    expect(first.themes.themes.some((t) => t.parentId === null)).toBe(true);
    expect(first.themes.themes.some((t) => t.parentId !== null)).toBe(true);
    expectThemeInvariants(first.themes, first.keptIds, first.config.theming);
    expect(first.themes.method.chosenK).toBeLessThanOrEqual(first.config.theming.maxThemes);
  });

  it('never names a sub-theme by its parent\'s label ("Drug > Drug")', () => {
    const labelOf = new Map(first.themes.themes.map((t) => [t.id, t.label.toLowerCase()]));
    const repeats = first.themes.themes.filter(
      (t) => t.parentId !== null && labelOf.get(t.parentId) === t.label.toLowerCase(),
    );
    expect(repeats.map((t) => t.label)).toEqual([]);
  });

  it('writes byte-identical vectors.bin and themes.json on a second run elsewhere', async () => {
    const second = await runConsultation(configPath, await tempDir('bg-again'));
    for (const file of ['vectors.bin', 'themes.json']) {
      const a = await readFile(join(first.out, file));
      const b = await readFile(join(second.out, file));
      expect(a.equals(b), file).toBe(true);
    }
  });
});

describe('themes stage on the rule-of-law example', () => {
  const configPath = 'examples/rule-of-law/consultation.yaml';
  let run: RunResult;

  beforeAll(async () => {
    run = await runConsultation(configPath, await tempDir('rol'));
  }, 60_000);

  it('keeps the seven taxonomy themes with their ids and labels', () => {
    const { config, themes } = run;
    expect(config.themes).toHaveLength(7);
    const top = themes.themes.filter((t) => t.parentId === null);
    const guided = top.filter((t) => t.origin.kind === 'guided');
    expect(guided.map((t) => t.id)).toEqual(config.themes.map((t) => t.id));
    expect(guided.map((t) => t.origin)).toEqual(
      config.themes.map((t) => ({ kind: 'guided', themeId: t.id })),
    );
    expect(guided.map((t) => t.label)).toEqual(config.themes.map((t) => t.label));
    for (const theme of guided) expect(theme.passageIds.length, theme.id).toBeGreaterThan(0);
    // Every passage fits the taxonomy well enough: none is an outlier to send to discovery.
    expect(top.filter((t) => t.origin.kind === 'emergent')).toEqual([]);
    expectThemeInvariants(themes, run.keptIds, config.theming);
  });

  it('puts a passage close to two taxonomy themes in both', () => {
    const guided = run.themes.themes.filter(
      (t) => t.parentId === null && t.origin.kind === 'guided',
    );
    const count = new Map<string, number>();
    for (const theme of guided)
      for (const id of theme.passageIds) count.set(id, (count.get(id) ?? 0) + 1);
    expect([...count.values()].some((n) => n === 2)).toBe(true);
    expect([...count.values()].every((n) => n <= 2)).toBe(true);
  });
});

describe('themes stage caching', () => {
  it('re-runs only what a theming or taxonomy change affects', async () => {
    const config = await writeConsultation(CITY, TAXONOMY);
    const args = ['run', config, '--out', join(config, '..', 'out')];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/embed\s+ran in/);
    expect(first.stdout).toMatch(/themes\s+ran in/);

    const again = await runCli(args);
    expect(again.stdout).toMatch(/embed\s+cached/);
    expect(again.stdout).toMatch(/themes\s+cached/);

    const yaml = await readFile(config, 'utf8');
    await writeFile(config, `${yaml}theming:\n  maxThemes: 4\n`);
    const afterTheming = await runCli(args);
    expect(afterTheming.stdout).toMatch(/clean\s+cached/);
    expect(afterTheming.stdout).toMatch(/embed\s+cached/);
    expect(afterTheming.stdout).toMatch(/themes\s+ran in/);

    await writeFile(config, `${yaml.replace('fares]', 'fares, trams]')}theming:\n  maxThemes: 4\n`);
    const afterTaxonomy = await runCli(args);
    expect(afterTaxonomy.stdout).toMatch(/clean\s+cached/);
    expect(afterTaxonomy.stdout).toMatch(/embed\s+ran in/);
    expect(afterTaxonomy.stdout).toMatch(/themes\s+ran in/);
  });
});

/** Runs the CLI on a consultation and checks it finished without an error or a stack trace. */
async function runQuietly(config: string): Promise<{ result: RunResult; stderr: string }> {
  const out = join(config, '..', 'out');
  const run = await runCli(['run', config, '--out', out]);
  expect(run.stderr).not.toMatch(/^brief: /m);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.code).toBe(0);
  return { result: await readRun(config, out), stderr: run.stderr };
}

describe('themes stage on bad inputs', () => {
  it('writes an empty theme set and warns when no passage survives cleaning', async () => {
    const config = await writeConsultation(['ok', 'yes!!', '+1', 'agreed', 'no thanks']);
    const { result, stderr } = await runQuietly(config);
    expect(result.keptIds).toEqual([]);
    expect(result.themes.themes).toEqual([]);
    expect(result.themes.other.passageIds).toEqual([]);
    expect(stderr).toMatch(/warning: themes: no passages to theme/);
  });

  it('leaves the taxonomy themes out when no passage survives cleaning', async () => {
    const config = await writeConsultation(['ok', 'yes!!', '+1'], TAXONOMY);
    const { result, stderr } = await runQuietly(config);
    // The brief's methodology names them as having no contributions instead.
    expect(result.themes.themes).toEqual([]);
    expect(stderr).toMatch(/warning: themes: no passages to theme/);
  });

  it('themes a single passage', async () => {
    const config = await writeConsultation([TRANSPORT[0] as string]);
    const { result } = await runQuietly(config);
    expect(result.keptIds).toEqual(['1#1']);
    // One participant is fewer than `minParticipants` (2): the passage is an "other idea".
    expect(result.themes.other.passageIds).toEqual(['1#1']);
    expectThemeInvariants(result.themes, result.keptIds, result.config.theming);
  });

  it('themes twenty copies of one text as one passage with nineteen extra voices', async () => {
    const config = await writeConsultation(Array.from({ length: 20 }, () => PARKS[0] as string));
    const { result } = await runQuietly(config);
    expect(result.keptIds).toEqual(['1#1']);
    expect(result.clean.filter((r) => r.status === 'duplicate')).toHaveLength(19);
    expectThemeInvariants(result.themes, result.keptIds, result.config.theming);
  });

  it('copes with more themes requested than there are passages', async () => {
    const config = await writeConsultation(CITY.slice(0, 5), 'theming:\n  maxThemes: 50\n');
    const { result } = await runQuietly(config);
    expect(result.keptIds).toHaveLength(5);
    expect(result.themes.themes.length).toBeLessThanOrEqual(5);
    expectThemeInvariants(result.themes, result.keptIds, result.config.theming);
  });

  it('never loses passages without known words, and lists the non-English ones', async () => {
    const odd = [
      'zxqv blorf 4417 qwrt plinth9 vexd',
      'blorf zxqv 88 krumple snorg dweeb',
      'Необходимо улучшить общественный транспорт в нашем городе, автобусы ходят редко.',
      'Парки в центре города нужно чаще убирать и поставить больше скамеек.',
      'Χρειαζόμαστε περισσότερα λεωφορεία και καλύτερα πάρκα στην πόλη μας.',
    ];
    const config = await writeConsultation([...CITY.slice(0, 10), ...odd]);
    const { result } = await runQuietly(config);
    const oddIds = ['11', '12', '13', '14', '15'];
    const kept = new Set(result.clean.filter((r) => r.status === 'kept').map((r) => r.id));
    expect(oddIds.filter((id) => !kept.has(id))).toEqual([]);
    expectThemeInvariants(result.themes, result.keptIds, result.config.theming);
    const languageOf = new Map(result.clean.map((r) => [r.id, r.language]));
    expect(['13', '14', '15'].map((id) => languageOf.get(id))).toEqual(['ru', 'ru', 'el']);
    const nonEnglish = result.clean
      .filter((r) => r.status === 'kept' && r.language !== 'en')
      .flatMap((r) => r.passages.map((p) => p.id));
    expect(result.themes.nonEnglishPassageIds).toEqual(nonEnglish);
    expect(nonEnglish).toEqual(expect.arrayContaining(['13#1', '14#1', '15#1']));
  });

  it('rejects a taxonomy with duplicate or empty labels before running anything', async () => {
    // The wording of each message is tested in test/config.test.ts; here, the CLI's contract.
    const config = await writeConsultation(
      CITY,
      'themes:\n  - { id: a, label: Housing }\n  - { id: b, label: housing }\n  - { id: c, label: "" }\n',
    );
    const run = await runCli(['run', config, '--out', join(config, '..', 'out')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^brief: Invalid config:/);
    expect(run.stderr).toContain('Duplicate label "housing"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
