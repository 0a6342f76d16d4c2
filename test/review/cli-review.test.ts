import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../../pipeline/cli.js';
import { copyFixture } from '../helpers/cli.js';

it('`brief review` prints the address, serves until interrupted, then releases the run folder', async () => {
  const dir = await copyFixture('synthesis');
  const out = join(dir, 'out');
  const controller = new AbortController();
  let printed = '';
  let errors = '';
  let announce: (url: string) => void = () => {};
  const announced = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const exit = main({
    argv: ['review', join(dir, 'consultation.yaml'), '--out', out, '--no-open', '--quiet'],
    env: {},
    stdout: {
      write: (text: string) => {
        printed += text;
        const url = printed.match(/Review app: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\n/)?.[1];
        if (url) announce(url);
      },
    },
    stderr: {
      write: (text: string) => {
        errors += text;
      },
    },
    signal: controller.signal,
  });
  const url = await Promise.race([
    announced,
    exit.then((code) => {
      throw new Error(`brief review exited (${code}) before serving: ${errors}`);
    }),
  ]);
  const { origin } = new URL(url);
  const token = new URL(url).searchParams.get('token');
  const state = await fetch(`${origin}/api/state`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(state.status).toBe(200);
  await access(join(out, 'run.lock'));
  controller.abort();
  expect(await exit).toBe(0);
  await expect(access(join(out, 'run.lock'))).rejects.toThrow(/ENOENT/);
  await expect(fetch(`${origin}/api/state`)).rejects.toThrow();
}, 120_000);
