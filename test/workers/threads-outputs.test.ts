// One thread or two: the clean records and the exported PDF and Word are the same.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBrief, PARALLEL_MIN_BYTES } from '../../pipeline/brief/export.js';
import { cleanContributions, setParallelCleanChars } from '../../pipeline/stages/clean.js';
import { contribution } from '../helpers/arbitraries.js';
import { createTestContext } from '../helpers/context.js';
import { FIXED_DATE } from '../helpers/runs.js';

/** A few thousand contributions with names, a place, duplicates and exclusions. */
function contributions() {
  const shapes = [
    (i: number) =>
      `Hello,\n\nThe staff at Freeman Hospital were kind, Nurse Rebecca above all; visit ${i} went well and the ward was clean and calm throughout my stay.\n\nRegards,\nJo`,
    (i: number) =>
      `Transport to Freeman was good but parking cost too much on day ${i}. My name is Sarah Jones, call 020 7946 0${String(i % 1000).padStart(3, '0')} about it.`,
    (i: number) =>
      `Die Wartezeit in der Klinik war zu lang, Frau Meier hat uns aber gut beraten (Besuch ${i}). Mehr Personal bitte.`,
    () => 'Nothing.',
    () =>
      'The staff at Freeman Hospital were kind and the ward was clean and calm throughout my stay.',
  ];
  return Array.from({ length: 6000 }, (_, i) =>
    contribution(`c${i}`, (shapes[i % shapes.length] as (i: number) => string)(i), {
      language: i % 5 === 2 ? 'de' : null,
      rejected: i % 97 === 0,
    }),
  );
}

describe('threads', () => {
  it('give the same clean records with one thread as with two', async () => {
    const inputs = contributions();
    const chars = inputs.reduce((sum, c) => sum + c.text.length, 0);
    // Workers for texts this long (a real run starts them only for much longer ones).
    const threshold = setParallelCleanChars(chars);
    const one = createTestContext({ privacy: { redact: { names: true } } });
    const two = { ...createTestContext({ privacy: { redact: { names: true } } }), threads: 2 };
    const single = await cleanContributions(inputs, one);
    const parallel = await cleanContributions(inputs, two).finally(() =>
      setParallelCleanChars(threshold),
    );
    expect(two.logger.of('debug')).toContain('clean: cleaning texts on 2 worker threads');
    expect(one.logger.of('debug')).not.toContain('clean: cleaning texts on 2 worker threads');
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(single));
    const texts = single.output.map((r) => r.text).join('\n');
    expect(texts).toContain('Nurse [name] above all');
    expect(texts).toContain('Transport to Freeman was good');
    expect(texts).not.toContain('Sarah Jones');
    expect(single.counts.duplicates).toBeGreaterThan(0);
    expect(two.events.at(-1)).toEqual(one.events.at(-1));
  }, 180_000);

  it('write the same PDF and Word with one thread as with two', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'threads-export-'));
    const entries = Array.from(
      { length: 700 },
      (_, i) =>
        `<a id="source-${i + 1}"></a>**[${i + 1}]** Participant p${i}, 2024-03-0${1 + (i % 9)}: The buses should run every ${i % 60} minutes at rush hour so people get to work on time.`,
    );
    const markdown = `# Brief\n\n## Key messages\n\n- Buses [\\[1\\]](#source-1)\n\n| Group | Share |\n| --- | --- |\n| A | 40% |\n\n## Annexes\n\n### Sources\n\n${entries.join('\n\n')}\n`;
    expect(Buffer.byteLength(markdown)).toBeGreaterThan(PARALLEL_MIN_BYTES);
    await writeFile(join(dir, 'brief.md'), markdown);
    const options = { pageSize: 'A4' as const, date: FIXED_DATE };
    const exported = async (threads: number) => {
      const targets = { pdf: join(dir, `${threads}.pdf`), docx: join(dir, `${threads}.docx`) };
      const signal = new AbortController().signal;
      const files = await exportBrief(join(dir, 'brief.md'), targets, options, undefined, {
        threads,
        signal,
      });
      return files.map(({ path, hash, bytes }) => ({
        file: extname(path),
        hash,
        bytes,
      }));
    };
    const one = await exported(1);
    const two = await exported(2);
    expect(one.map((f) => f.file)).toEqual(['.pdf', '.docx']);
    expect(two).toEqual(one);
  }, 180_000);
});
