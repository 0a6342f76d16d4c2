import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConsultation } from '../pipeline/config.js';
import { ConfigError, InputError } from '../pipeline/errors.js';
import { clipInput, listInputs, quoteInput } from '../pipeline/quote-input.js';
import { ingestContributions } from '../pipeline/stages/ingest.js';
import { readBallots } from '../pipeline/stages/votes.js';
import type { Contribution } from '../schemas/contribution.js';
import { runCli } from './helpers/cli.js';
import { createTestContext, memorySource } from './helpers/context.js';

/** A message quoting input keeps to 200 characters of it, plus its own words. */
const MAX_MESSAGE = 600;

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

async function folderWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'brief-hostile-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

function deep(levels: number): string {
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

describe('quoting input in messages', () => {
  it('clips a value to 200 characters and says how long it was', () => {
    expect(clipInput('short')).toBe('short');
    expect(clipInput('x'.repeat(200))).toBe('x'.repeat(200));
    expect(clipInput('x'.repeat(314_000_000 / 1000))).toBe(
      `${'x'.repeat(200)}… (314,000 characters)`,
    );
    expect(quoteInput('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    expect(quoteInput('y'.repeat(5000))).toBe(`"${'y'.repeat(200)}…" (5,000 characters)`);
    // A surrogate pair is never cut in two.
    expect(clipInput(`${'a'.repeat(199)}😀${'b'.repeat(10)}`)).toBe(
      `${'a'.repeat(199)}… (211 characters)`,
    );
  });

  it('lists values within 200 characters in all', () => {
    expect(listInputs(['id', 'text'])).toBe('id, text');
    const many = Array.from({ length: 100 }, (_, i) => `column${i}`);
    const listed = listInputs(many);
    expect(listed).toMatch(/^column0, column1, .*, … \(100 in all\)$/);
    expect(listed.length).toBeLessThan(230);
    expect(listInputs(['H'.repeat(1000), 'text'])).toBe(
      `${'H'.repeat(200)}… (1,000 characters), … (2 in all)`,
    );
  });

  it('quotes at most 200 characters of a 2 MB header line', async () => {
    const header = 'H'.repeat(2_000_000);
    const error = await failure(
      ingestContributions(
        [memorySource('big.csv', `${header},text\n1,hello\n`)],
        createTestContext({ input: { files: ['big.csv'], fields: { id: 'id' } } }),
      ),
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe(
      `big.csv: column "id" (input.fields.id) not found; columns are: ${'H'.repeat(200)}… (2,000,000 characters), … (2 in all)`,
    );
  });

  it('quotes at most 200 characters of a mapped column, a date and a vote', async () => {
    const huge = 'Z'.repeat(5_000_000);
    const column = await failure(
      ingestContributions(
        [memorySource('a.csv', 'id,text\n1,hello\n')],
        createTestContext({ input: { files: ['a.csv'], fields: { id: huge } } }),
      ),
    );
    expect(column.message).toContain('(5,000,000 characters) (input.fields.id) not found');
    expect(column.message.length).toBeLessThan(MAX_MESSAGE);

    const ctx = createTestContext({ input: { files: ['d.csv'], fields: { date: 'date' } } });
    await ingestContributions([memorySource('d.csv', `id,text,date\n1,hi,${huge}\n`)], ctx);
    const warnings = ctx.logger.of('warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('…" (5,000,000 characters) at d.csv:2');
    expect(warnings[0]?.length).toBeLessThan(MAX_MESSAGE);

    const vote = await failure(
      readBallots(
        memorySource('votes.csv', `participant,11\np1,${huge}\n`),
        'participant',
        [{ id: '11' } as Contribution],
        createTestContext(),
      ),
    );
    expect(vote.message).toMatch(
      /^votes\.csv:2: column "11": "Z{200}…" \(5,000,000 characters\) is not a vote/,
    );
    expect(vote.message.length).toBeLessThan(MAX_MESSAGE);
  });

  it('quotes at most 200 characters of an unknown config key', async () => {
    const key = 'K'.repeat(100_000);
    const dir = await folderWith({
      'consultation.yaml': `title: T\ninput:\n  files: [a.csv]\n? ${key}\n: 1\n`,
    });
    const error = await failure(loadConsultation(join(dir, 'consultation.yaml')));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain(`${'K'.repeat(200)}… (100,000 characters): unknown key`);
    expect(error.message.length).toBeLessThan(MAX_MESSAGE);
  });
});

describe('hostile nesting and aliases', () => {
  it('refuses a 100,000-deep JSON value in an input file, naming the file and record', async () => {
    const ctx = createTestContext({ input: { files: ['in.json'], fields: { id: 'id' } } });
    const json = `[{"id": "1", "text": "hi"}, {"id": "2", "text": ${deep(100_000)}}]`;
    const error = await failure(ingestContributions([memorySource('in.json', json)], ctx));
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('in.json: record 2: nested too deeply (over 100 levels)');
    const jsonl = `{"id": "1", "text": ${deep(100_000)}}\n`;
    const line = await failure(ingestContributions([memorySource('in.jsonl', jsonl)], ctx));
    expect(line.message).toBe('in.jsonl:1: nested too deeply (over 100 levels)');
    // Ordinary nesting is kept as JSON text.
    const fine = `[{"id": "1", "text": "hi", "tags": ${deep(50)}}]`;
    const read = await ingestContributions(
      [memorySource('in.json', fine)],
      createTestContext({
        input: { files: ['in.json'], fields: { id: 'id', metadata: ['tags'] } },
      }),
    );
    expect(read.output[0]?.metadata.tags).toBe(deep(50));
  });

  it('refuses a 100,000-deep JSON config and a YAML alias bomb with one clear line', async () => {
    let bomb = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (const [i, name] of [...'bcdefghi'].entries()) {
      const previous = 'abcdefgh'[i];
      bomb += `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]\n`;
    }
    const dir = await folderWith({
      'consultation.json': `{"title": "T", "input": {"files": ["a.csv"]}, "x": ${deep(100_000)}}`,
      'bomb.yaml': `title: T\ninput:\n  files: [a.csv]\n${bomb}`,
      'shallow.yaml': `title: T\ninput:\n  files: [a.csv]\nx: ${deep(150)}\n`,
      'a.csv': 'id,text\n1,hi\n',
    });
    const results = await Promise.all(
      ['consultation.json', 'bomb.yaml', 'shallow.yaml'].map((name) =>
        runCli(['run', join(dir, name), '--out', join(dir, 'out')]),
      ),
    );
    expect(results.map((r) => [r.code, r.stderr])).toEqual([
      [1, 'brief: consultation.json:1: nested too deeply (over 100 levels)\n'],
      [
        1,
        `brief: bomb.yaml: too many aliases (its *references would expand past the YAML reader's limit, as in a "billion laughs" bomb); write the values out instead\n`,
      ],
      [1, 'brief: shallow.yaml: nested too deeply (over 100 levels)\n'],
    ]);
  });
});
