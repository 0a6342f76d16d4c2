import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTempFiles } from '../pipeline/atomic-write.js';
import { isOwnerAlive, SYSTEM_PROCESSES } from '../pipeline/process-alive.js';
import { CONTAINER_RUN, fakeProcesses } from './helpers/processes.js';

describe('whether the owner of a lock or temp file still runs', () => {
  const processes = fakeProcesses(CONTAINER_RUN, { 77: 300 });

  it('tells this process from an earlier one that had the same id', () => {
    expect(isOwnerAlive(CONTAINER_RUN, processes)).toBe(true);
    expect(isOwnerAlive({ ...CONTAINER_RUN, startTime: 4_000 }, processes)).toBe(false);
  });

  it('tells a running process from a dead one whose id it was given', () => {
    expect(isOwnerAlive({ pid: 77, bootId: 'boot-a', startTime: 300 }, processes)).toBe(true);
    expect(isOwnerAlive({ pid: 77, bootId: 'boot-a', startTime: 299 }, processes)).toBe(false);
    expect(isOwnerAlive({ pid: 78, bootId: 'boot-a', startTime: 300 }, processes)).toBe(false);
  });

  it('knows no process of an earlier boot still runs', () => {
    expect(isOwnerAlive({ pid: 77, bootId: 'boot-0', startTime: 300 }, processes)).toBe(false);
  });

  it('falls back to the process id alone where no start time was recorded or can be read', () => {
    expect(isOwnerAlive({ pid: 1 }, processes)).toBe(true);
    expect(isOwnerAlive({ pid: 77 }, processes)).toBe(true);
    expect(
      isOwnerAlive({ pid: 77, startTime: 300 }, fakeProcesses({ pid: 1 }, { 77: undefined })),
    ).toBe(true);
  });

  it('reads this process from /proc where there is one', () => {
    const self = SYSTEM_PROCESSES.self();
    expect(self.pid).toBe(process.pid);
    if (process.platform !== 'linux') return;
    expect(self.bootId).toMatch(/^[0-9a-f-]{36}$/);
    expect(self.startTime).toBe(SYSTEM_PROCESSES.startTime(process.pid));
    expect(isOwnerAlive(self)).toBe(true);
    expect(isOwnerAlive({ ...self, startTime: (self.startTime ?? 0) + 1 })).toBe(false);
  });
});

describe('removing the temp files of dead writers', () => {
  it('removes those of an earlier process with our id, keeps ours and live writers', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-temp-'));
    const names = {
      predecessor: 'clean.jsonl.tmp-1.4000-0badc0de',
      ours: 'themes.json.tmp-1.5000-0badc0de',
      live: 'findings.json.tmp-77.300-0badc0de',
      reused: 'votes.json.tmp-77.299-0badc0de',
      oldStyle: 'brief.md.tmp-77-0badc0de',
    };
    for (const name of Object.values(names)) await writeFile(join(dir, name), 'partial');
    const removed = await removeStaleTempFiles(dir, fakeProcesses(CONTAINER_RUN, { 77: 300 }));
    expect(removed.sort()).toEqual([names.predecessor, names.reused].sort());
    expect((await readdir(dir)).sort()).toEqual([names.live, names.oldStyle, names.ours].sort());
  });
});
