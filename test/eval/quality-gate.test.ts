import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../pipeline/errors.js';
import { parseSets } from '../../pipeline/eval/cli-eval.js';
import { SET_ROWS } from '../../pipeline/eval/group-runs.js';
import {
  checkQualityGate,
  formatGateChecks,
  gateFailures,
  loadQualityGate,
  QUALITY_GATE_FILE,
} from '../../pipeline/eval/quality-gate.js';
import { runCli } from '../helpers/cli.js';

/** Figures of `brief eval synthesis`, beside the themes eval's in the same gate file. */
const SYNTHESIS = /^(statements|stance)\./;

const GATE = {
  about: 'test',
  minimums: { 'argkp.tool.nmi': 0.3, 'argkp.tool.guidedAccuracy': 0.5, 'stability.3000.ari': 0.6 },
};

describe('the quality gate', () => {
  it('passes a figure at or above its minimum, fails one below or missing, in file order', () => {
    const checks = checkQualityGate(
      GATE,
      { 'argkp.tool.nmi': 0.3, 'argkp.tool.guidedAccuracy': 0.499 },
      ['argkp', 'stability'],
    );
    expect(checks.map((c) => [c.figure, c.passed])).toEqual([
      ['argkp.tool.nmi', true],
      ['argkp.tool.guidedAccuracy', false],
      ['stability.3000.ari', false],
    ]);
    expect(gateFailures(checks)).toEqual([
      'argkp.tool.guidedAccuracy is 0.499, below its minimum 0.500',
      'stability.3000.ari is missing from the run (minimum 0.600)',
    ]);
    expect(formatGateChecks(checks, 'gate.json')).toContain('argkp.tool.nmi');
  });

  it('skips the figures of sets the run left out', () => {
    const checks = checkQualityGate(GATE, { 'argkp.tool.nmi': 0.4 }, ['argkp']);
    expect(checks.map((c) => c.figure)).toEqual(['argkp.tool.nmi', 'argkp.tool.guidedAccuracy']);
  });

  it('names the file and the fault of a bad gate file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'brief-gate-'));
    const path = join(dir, 'gate.json');
    await writeFile(path, JSON.stringify({ about: 'x', minimums: { nmi: 'high' } }));
    const error = await loadQualityGate(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain(path);
    await expect(loadQualityGate(join(dir, 'none.json'))).rejects.toThrow('cannot read');
  });

  it('checks only figures the eval makes, in the quick run', async () => {
    const gate = await loadQualityGate();
    const themes = Object.keys(gate.minimums).filter((name) => !SYNTHESIS.test(name));
    const rows = new Set<string>(SET_ROWS.map((row) => row.id));
    const figures = new Set([
      'guidedAccuracy',
      'nmi',
      'ari',
      'countRatio',
      'otherPrecision',
      'otherRecall',
      'seedAri',
    ]);
    for (const name of themes) {
      const [set, row, figure] = name.split('.');
      expect(parseSets(undefined)).toContain(set);
      if (set === 'stability') expect([row, figure]).toEqual(['3000', 'ari']);
      else expect(rows.has(row as string) && figures.has(figure as string)).toBe(true);
    }
    expect(JSON.parse(await readFile(QUALITY_GATE_FILE, 'utf8')).about).toContain('--quick');
  });

  it('holds statement minimums that the repo-held set meets and the synthesis eval checks', async () => {
    const gate = await loadQualityGate();
    const statements = Object.keys(gate.minimums).filter((name) => SYNTHESIS.test(name));
    expect(statements).toContain('statements.argkp.proposal.precision');
    const run = await runCli(['eval', 'synthesis', '--json', '--gate', QUALITY_GATE_FILE]);
    expect([run.code, run.stderr.match(/FAILED|missing/g)]).toEqual([0, null]);
    for (const name of statements)
      expect(run.stderr).toMatch(new RegExp(`^  ${name.replaceAll('.', '\\.')} .* ok$`, 'm'));
  });
});
