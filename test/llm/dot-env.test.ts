import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withDotEnv } from '../../pipeline/dot-env.js';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'brief-dot-env-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const DOT_ENV = [
  '# the model server',
  'OPENAI_API_KEY=sk-from-file',
  'OPENAI_BASE_URL="http://localhost:8080/v1"',
  "QUOTED='single quoted # not a comment'",
  'export EXPORTED=yes',
  'SPACED = padded ',
  '',
].join('\n');

describe('withDotEnv', () => {
  it('reads the variables of <cwd>/.env', async () => {
    await writeFile(join(dir, '.env'), DOT_ENV);
    const env = withDotEnv({ PATH: '/usr/bin' }, dir);
    expect(env).toEqual({
      PATH: '/usr/bin',
      OPENAI_API_KEY: 'sk-from-file',
      OPENAI_BASE_URL: 'http://localhost:8080/v1',
      QUOTED: 'single quoted # not a comment',
      EXPORTED: 'yes',
      SPACED: 'padded',
    });
  });

  it('lets the environment win over the file', async () => {
    await writeFile(join(dir, '.env'), DOT_ENV);
    const env = withDotEnv({ OPENAI_API_KEY: 'sk-from-env', EMPTY: '' }, dir);
    expect(env.OPENAI_API_KEY).toBe('sk-from-env');
    expect(env.OPENAI_BASE_URL).toBe('http://localhost:8080/v1');
    expect(env.EMPTY).toBe('');
  });

  it('keeps an empty environment value over the file', async () => {
    await writeFile(join(dir, '.env'), 'OPENAI_API_KEY=sk-from-file\n');
    expect(withDotEnv({ OPENAI_API_KEY: '' }, dir).OPENAI_API_KEY).toBe('');
  });

  it('gives a copy of the environment when there is no .env', () => {
    const original = { A: '1', B: '2' };
    const env = withDotEnv(original, dir);
    expect(env).toEqual(original);
    expect(env).not.toBe(original);
    env.A = 'changed';
    expect(original.A).toBe('1');
  });

  it('gives a copy when the cwd does not exist or .env is not a file', async () => {
    const original = { A: '1' };
    expect(withDotEnv(original, join(dir, 'missing'))).toEqual(original);
    await mkdir(join(dir, '.env'));
    expect(withDotEnv(original, dir)).toEqual(original);
  });

  it('does not modify process.env or the environment passed in', async () => {
    const name = `BRIEF_DOT_ENV_TEST_${process.pid}_${Date.now()}`;
    await writeFile(join(dir, '.env'), `${name}=from-file\nPATH=/from/file\n`);
    const before = { ...process.env };
    const env = withDotEnv(process.env, dir);
    expect(env[name]).toBe('from-file');
    expect(env.PATH).toBe(process.env.PATH);
    expect(process.env[name]).toBeUndefined();
    expect(process.env).toEqual(before);

    const given = { X: 'x' };
    const frozen = Object.freeze({ ...given });
    expect(withDotEnv(frozen, dir)).toEqual({ [name]: 'from-file', PATH: '/from/file', X: 'x' });
    expect(frozen).toEqual(given);
  });
});
