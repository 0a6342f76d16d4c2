// `--threads N`: parsed strictly, and never part of what a run caches or writes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threadsOption } from '../pipeline/cli-options.js';
import { UsageError } from '../pipeline/errors.js';
import { copyFixture, runCli } from './helpers/cli.js';

describe('--threads', () => {
  it('takes a whole number of threads, 1 or more', () => {
    expect(threadsOption(undefined)).toBeUndefined();
    expect(threadsOption('1')).toBe(1);
    expect(threadsOption('8')).toBe(8);
    for (const bad of ['0', '-2', '1.5', 'two', '', '2x', '1e3']) {
      expect(() => threadsOption(bad)).toThrow(UsageError);
    }
    expect(() => threadsOption('0')).toThrow(
      '--threads "0": give a whole number of worker threads, 1 or more (1 uses none)',
    );
  });

  it('refuses a bad value before anything runs, with exit code 2', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const run = await runCli([
      'run',
      join(dir, 'consultation.yaml'),
      '--out',
      out,
      '--threads',
      '0',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--threads "0": give a whole number');
    await expect(readFile(join(out, 'manifest.json'))).rejects.toThrow();
    const exported = await runCli(['export', join(dir, 'brief.md'), '--threads', 'many']);
    expect(exported.code).toBe(2);
  });

  it('changes no cache key: a run with other threads finds everything cached, the same', async () => {
    const dir = await copyFixture('mini');
    const args = ['run', join(dir, 'consultation.yaml'), '--out', join(dir, 'out')];
    expect((await runCli([...args, '--threads', '1'])).code).toBe(0);
    const manifest = await readFile(join(dir, 'out', 'manifest.json'), 'utf8');
    const again = await runCli([...args, '--threads', '3']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing changed');
    const keys = (text: string) =>
      Object.values(JSON.parse(text).stages as Record<string, { key: string }>).map((s) => s.key);
    expect(keys(await readFile(join(dir, 'out', 'manifest.json'), 'utf8'))).toEqual(keys(manifest));
  }, 120_000);
});
