import { describe, expect, it } from 'vitest';
import { growthLines } from '../../bench/e2e.js';
import type { WorkerReport } from '../../bench/run-corpus.js';

function report(ms: Record<string, number>): WorkerReport {
  const stages = Object.entries(ms).map(([name, time]) => ({
    name,
    status: 'ran',
    ms: time,
    counts: {},
    maxRssMb: 0,
  }));
  return { ms: stages.reduce((sum, s) => sum + s.ms, 0), maxRssMb: 0, stages };
}

describe('growthLines', () => {
  it("gives each stage's growth against linear, and leaves out stages too short to judge", () => {
    const small = report({ clean: 10_000, synthesise: 30_000, votes: 5 });
    const large = report({ clean: 33_000, synthesise: 132_000, votes: 9 });
    const lines = growthLines(small, large, 1_000_000 / 300_000);
    expect(lines[0]).toBe('growth against linear (size x3.33)');
    expect(lines.find((l) => l.includes('clean'))).toMatch(/x +3\.30 time, 0\.99x linear$/);
    expect(lines.find((l) => l.includes('synthesise'))).toMatch(/x +4\.40 time, 1\.32x linear$/);
    expect(lines.find((l) => l.includes('votes'))).toMatch(/not judged/);
  });
});
