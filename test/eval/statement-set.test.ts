import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import {
  defaultStatementFiles,
  loadLabelledStatements,
  parseStatementLines,
} from '../../pipeline/eval/statement-set.js';

const LINE = {
  id: 'town:1:1',
  source: 'town',
  language: 'en',
  question: 'Should the town ban cars from the centre?',
  text: 'Shops would lose customers.',
  context: 'No. Shops would lose customers.',
  kinds: ['concern'],
  stance: 'against',
  standsAlone: true,
};

const jsonl = (...lines: object[]) => lines.map((line) => JSON.stringify(line)).join('\n');

function errorOf(text: string): string {
  try {
    parseStatementLines('set.jsonl', text);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('labelled statement files', () => {
  it('read a valid line, skipping blank lines', () => {
    const lines = parseStatementLines('set.jsonl', `\n${jsonl(LINE)}\n`);
    expect(lines).toEqual([{ item: LINE, file: 'set.jsonl', line: 2 }]);
  });

  it('name the file, the line and the field of a line that fails the schema', () => {
    const second = (line: object) => jsonl(LINE, line);
    expect(errorOf(second({ ...LINE, kinds: ['wish'] }))).toMatch(/^set\.jsonl:2: `kinds\[0\]`: /);
    expect(errorOf(second({ ...LINE, kinds: [] }))).toMatch(/^set\.jsonl:2: `kinds`: /);
    expect(errorOf(second({ ...LINE, kinds: ['other', 'praise'] }))).toBe(
      'set.jsonl:2: `kinds`: "other" goes alone',
    );
    expect(errorOf(second({ ...LINE, stance: 'pro' }))).toMatch(/^set\.jsonl:2: `stance`: /);
    const { standsAlone: _, ...missing } = LINE;
    expect(errorOf(second(missing))).toMatch(/^set\.jsonl:2: `standsAlone`: /);
    expect(errorOf(second({ ...LINE, language: 'English' }))).toMatch(
      /`language`: expected an ISO/,
    );
    expect(errorOf(second({ ...LINE, source: 'all' }))).toMatch(/`source`: "all" names/);
    expect(errorOf(second({ ...LINE, label: 'x' }))).toBe(
      'set.jsonl:2: `label`: Unrecognized key: "label"',
    );
  });

  it('name both places of an id seen twice, and a contribution whose lines disagree', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-statements-'));
    const [a, b] = [join(dir, 'a.jsonl'), join(dir, 'b.jsonl')];
    await writeFile(a, jsonl(LINE));
    await writeFile(b, jsonl({ ...LINE, text: 'No.' }));
    await expect(loadLabelledStatements([a, b])).rejects.toThrow(
      `${b}:1: \`id\`: "town:1:1" is also on ${a}:1`,
    );
    await writeFile(b, jsonl({ ...LINE, id: 'town:1:0', text: 'No.', stance: 'unclear' }));
    await expect(loadLabelledStatements([a, b])).rejects.toThrow(
      `${b}:1: \`stance\`: "unclear", but the same contribution has "against" on ${a}:1`,
    );
    // The same words from another contributor, to another question, are another contribution.
    const other = { ...LINE, id: 'town:2:1', question: 'Should the town keep its market?' };
    await writeFile(b, jsonl(other));
    expect(await loadLabelledStatements([a, b])).toHaveLength(2);
    await expect(loadLabelledStatements([join(dir, 'none.jsonl')])).rejects.toThrow(
      /none\.jsonl: cannot read the labelled statements/,
    );
  });

  it('are every .jsonl of eval/statements by default, and valid', async () => {
    const files = await defaultStatementFiles();
    expect(files.some((file) => file.endsWith('argkp.jsonl'))).toBe(true);
    expect(files.every((file) => file.endsWith('.jsonl'))).toBe(true);
    expect((await loadLabelledStatements(files)).length).toBeGreaterThanOrEqual(270);
  });
});
