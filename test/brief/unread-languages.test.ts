// A consultation in a language without a statement reader: one warning, a methodology line that
// names what was not read, and no claim that contributors made no proposal; German gets read.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCacheDir } from '../../pipeline/cache-dir.js';
import { runPipeline } from '../../pipeline/runner.js';
import { noProposalText, unreadLanguages } from '../../pipeline/synthesis/reading/unread.js';
import { createCollectingLogger } from '../helpers/context.js';
import { FIXED_DATE } from '../helpers/runs.js';

const ITALIAN = [
  'Servono più piste ciclabili sicure lungo il fiume e vicino alle scuole del quartiere.',
  'Bisognerebbe aumentare le corse degli autobus la sera, perché dopo le nove non passa niente.',
  'Le strade del centro sono piene di buche e le biciclette rischiano di cadere ogni giorno.',
  'Vorrei che il parco restasse aperto fino a tardi durante tutta la stagione estiva.',
  'Il traffico davanti alla scuola è pericoloso per i bambini che vanno a piedi ogni mattina.',
  'Sarebbe utile piantare più alberi nelle piazze per avere ombra durante le giornate calde.',
];
const GERMAN = [
  'Hier sollte eine eigene Unterführung für Radfahrer gebaut werden, damit niemand warten muss.',
  'Der Radweg an der Rheinaustr. Höhe Nr. 12 ist viel zu schmal und für Kinder gefährlich.',
  'Die Ampel an der Venloer Str. sollte für Radfahrer länger grün zeigen, besonders morgens.',
  'Es wäre gut, wenn die Einbahnstraßen für den Radverkehr in beide Richtungen geöffnet würden.',
  'Am Bahnhof fehlen sichere Abstellplätze für Fahrräder, deshalb werden viele Räder gestohlen.',
  'Die Parkplätze am Straßenrand sollten entfernt werden, um Platz für einen Radweg zu schaffen.',
];

async function run(language: string, texts: readonly string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'unread-'));
  const rows = texts.map((text, i) => `${i + 1},a${i + 1},2024-03-0${(i % 7) + 1},"${text}"`);
  await writeFile(join(dir, 'contributions.csv'), `id,author,date,text\n${rows.join('\n')}\n`);
  await writeFile(
    join(dir, 'consultation.yaml'),
    `title: Test\nobjective: Test.\nintendedUse: Tests only.\nlanguage: ${language}\nperiod: { start: 2024-03-01, end: 2024-03-10 }\ninput:\n  files: [contributions.csv]\n  fields: { id: id, text: text, author: author, date: date }\n`,
  );
  const logger = createCollectingLogger();
  const out = join(dir, 'out');
  await runPipeline({
    configPath: join(dir, 'consultation.yaml'),
    outDir: out,
    to: 'render',
    cacheDir: defaultCacheDir(process.env),
    logger,
    date: FIXED_DATE,
  });
  return { warnings: logger.of('warn'), markdown: await readFile(join(out, 'brief.md'), 'utf8') };
}

describe('a consultation in a language the tool cannot read', () => {
  it('warns once, says in the methodology what was not read, and claims no silence', async () => {
    const { warnings, markdown } = await run('it', ITALIAN);
    expect(warnings.filter((w) => w.includes('Italian (it)'))).toHaveLength(1);
    expect(markdown).toContain(
      'Proposals, concerns, opportunities, praise and self-descriptions were not read for 6 contributions in Italian (it)',
    );
    expect(markdown).not.toContain('Contributors made no proposal the tool could recognise');
    // The reader is told near the top, in the box on the data.
    const box = markdown.split('## About this data')[1]?.split('\n## ')[0] ?? '';
    expect(box).toContain('The tool cannot read 6 contributions in Italian (it)');
  }, 120_000);

  it('reads German proposals', async () => {
    const { warnings, markdown } = await run('de', GERMAN);
    expect(warnings.join('\n')).not.toContain('statement rules');
    const recommendations = markdown.slice(markdown.indexOf('## What this means for programming'));
    expect(recommendations).toMatch(/^1\. .*sollte/mu);
    expect(markdown).not.toMatch(/Rheinaustr\.\s*[*"”]/u);
  }, 120_000);
});

describe('noProposalText', () => {
  it('says the tool could not read, not that no one proposed', () => {
    const unread = unreadLanguages({ en: 3, it: 2, pl: 1 });
    expect(unread.map((u) => u.code)).toEqual(['it', 'pl']);
    expect(noProposalText(unread, 6)).toBe(
      'The tool recognised no proposal in the contributions it could read; 2 contributions in Italian (it) and 1 in Polish (pl) were not read for proposals.',
    );
    expect(noProposalText(unreadLanguages({ it: 2 }), 2)).toMatch(/^No proposals were read/u);
    expect(noProposalText([], 6)).toBe('Contributors made no proposal the tool could recognise.');
  });
});
