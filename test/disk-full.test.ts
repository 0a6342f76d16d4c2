import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { statfsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setDiskWrite } from '../pipeline/atomic-write.js';
import { Manifest } from '../schemas/manifest.js';
import { copyFixture, runCli } from './helpers/cli.js';

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Whether this process may mount a tmpfs (root on CI); the reason when it may not. */
function tmpfsSupport(): string | null {
  const probe = spawnSync('sh', [
    '-c',
    'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d" && rmdir "$d"',
  ]);
  return probe.status === 0 ? null : `mounting a tmpfs is not permitted here (${probe.stderr})`;
}
const noTmpfs = tmpfsSupport();

async function manifestOf(out: string): Promise<Manifest> {
  return Manifest.parse(JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')));
}

/** Every export file the manifest records is on disk with the recorded hash. */
async function expectExportIntact(out: string): Promise<void> {
  const files = (await manifestOf(out)).export?.files ?? [];
  expect(files.map((f) => f.file)).toEqual(['brief.pdf', 'report.html', 'brief.docx']);
  for (const { file, hash } of files)
    expect(sha256(await readFile(join(out, file))), file).toBe(hash);
}

/** No temp file of an interrupted write is left anywhere under `dir`. */
async function expectNoTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir, { recursive: true });
  expect(names.filter((name) => name.includes('.tmp-'))).toEqual([]);
}

afterEach(() => setDiskWrite(undefined));

describe('a full disk', () => {
  it('fails a re-export with one clear line, keeps the previous PDF, and rebuilds once space is back', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const run = (date: string, ...more: string[]) =>
      runCli(['run', join(dir, 'consultation.yaml'), '--out', out, '--date', date, ...more]);
    expect((await run('2024-06-01')).code).toBe(0);
    const pdf = await readFile(join(out, 'brief.pdf'));
    setDiskWrite(async (file, handle, data, offset, length) => {
      if (file.endsWith('brief.pdf'))
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return (await handle.write(data, offset, length)).bytesWritten;
    });
    const full = await run('2024-06-02', '--quiet');
    setDiskWrite(undefined);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(
      new RegExp(`^brief: disk full writing ${out}/brief\\.pdf: [\\d.]+ (bytes|KB|MB|GB) free\\n$`),
    );
    expect(await readFile(join(out, 'brief.pdf'))).toEqual(pdf);
    await expectNoTempFiles(out);
    const freed = await run('2024-06-02');
    expect(freed.code).toBe(0);
    expect(freed.stdout).toMatch(/export\s+ran in/);
    await expectExportIntact(out);
    expect((await run('2024-06-02')).stdout).toMatch(/export\s+cached/);
  }, 60_000);

  it.skipIf(noTmpfs !== null)(
    `on a real tmpfs: the run stops with one clear line, nothing is left half-written, and the next run rebuilds${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`,
    async () => {
      const dir = await copyFixture('mini');
      const disk = await mkdtemp(join(tmpdir(), 'brief-tmpfs-'));
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]).status).toBe(0);
      try {
        const out = join(disk, 'out');
        const run = (date: string, ...more: string[]) =>
          runCli(['run', join(dir, 'consultation.yaml'), '--out', out, '--date', date, ...more]);
        expect((await run('2024-06-01')).code).toBe(0);
        const before = new Map<string, Buffer>();
        for (const file of ['brief.pdf', 'report.html', 'brief.docx'])
          before.set(file, await readFile(join(out, file)));
        // Leave less room than the PDF needs, enough for the Markdown and its charts.
        const { bavail, bsize } = statfsSync(disk);
        await writeFile(join(disk, 'filler'), Buffer.alloc(Number(bavail * bsize) - 48 * 1024));
        const full = await run('2024-06-02', '--quiet');
        expect(full.code).toBe(1);
        expect(full.stderr).toMatch(
          /^brief: (disk full writing|incomplete write of) \/.*: [^\n]* free\n$/,
        );
        for (const [file, bytes] of before) {
          const now = await readFile(join(out, file));
          expect(now.equals(bytes), `${file} is the previous one`).toBe(true);
        }
        await expectNoTempFiles(disk);
        await rm(join(disk, 'filler'));
        const freed = await run('2024-06-02');
        expect(freed.code).toBe(0);
        expect(freed.stdout).toMatch(/export\s+ran in/);
        await expectExportIntact(out);
        expect((await readFile(join(out, 'brief.pdf'))).subarray(-6).toString()).toContain('%%EOF');
      } finally {
        spawnSync('umount', [disk]);
      }
    },
    60_000,
  );

  it.skipIf(noTmpfs !== null)(
    `a read-only disk is one clear line, not an unexpected error${noTmpfs ? ` (skipped: ${noTmpfs})` : ''}`,
    async () => {
      const dir = await copyFixture('mini');
      const disk = await mkdtemp(join(tmpdir(), 'brief-rofs-'));
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', disk]).status).toBe(
        0,
      );
      try {
        const run = await runCli([
          'run',
          join(dir, 'consultation.yaml'),
          '--out',
          join(disk, 'out'),
        ]);
        expect(run.code).toBe(1);
        expect(run.stderr).toBe(
          `brief: cannot mkdir ${join(disk, 'out')}: read-only file system\n`,
        );
      } finally {
        spawnSync('umount', [disk]);
      }
    },
  );

  it('a short artifact left on disk (votes.json, vectors.bin, findings.json) is never believed', async () => {
    const dir = await copyFixture('mini');
    const out = join(dir, 'out');
    const args = ['run', join(dir, 'consultation.yaml'), '--out', out, '--quiet'];
    expect((await runCli(args)).code).toBe(0);
    const manifest = await manifestOf(out);
    for (const [stage, file] of [
      ['votes', 'votes.json'],
      ['embed', 'vectors.bin'],
      ['synthesise', 'findings.json'],
    ] as const) {
      const whole = await readFile(join(out, file));
      await writeFile(join(out, file), whole.subarray(0, Math.floor(whole.length / 2)));
      const run = await runCli(args);
      expect(run.code, file).toBe(0);
      expect(await readFile(join(out, file)), file).toEqual(whole);
      expect((await manifestOf(out)).stages[stage]?.artifact.hash).toBe(
        manifest.stages[stage]?.artifact.hash,
      );
    }
  }, 60_000);
});
