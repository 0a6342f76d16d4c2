import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ThemeEvalReport } from '../../schemas/theme-eval.js';
import { runCli } from '../helpers/cli.js';

/** A gate file with the given minimums, in a fresh temp dir. */
async function gateFile(minimums: Record<string, number>): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'brief-gate-')), 'gate.json');
  await writeFile(path, JSON.stringify({ about: 'test', minimums }));
  return path;
}

describe('brief eval themes', () => {
  it('prints JSON of the contracted shape, and fails the gate naming the figure', async () => {
    const gate = await gateFile({ 'argkp.tool.nmi': 0, 'argkp.tool.guidedAccuracy': 1.5 });
    const argv = ['eval', 'themes', '--json', '--set', 'argkp', '--limit-groups', '1'];
    const run = await runCli([...argv, '--gate', gate]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /brief eval: quality gate: argkp\.tool\.guidedAccuracy is 0\.\d{3}, below its minimum 1\.500\n/,
    );
    expect(run.stderr).not.toContain('quality gate: argkp.tool.nmi');
    const json = JSON.parse(run.stdout);
    const report = ThemeEvalReport.parse(json);
    expect(Object.keys(json).slice(0, 11)).toEqual([
      'emergent',
      'guided',
      'stability',
      'baseline',
      'groups',
      'arguments',
      'method',
      'baselineMethod',
      'seeds',
      'targets',
      'methods',
    ]);
    expect(Object.keys(json.baseline)).toEqual(['emergent', 'guided', 'stability']);
    expect([report.groups, report.baselineMethod, report.argkpSplit]).toEqual([
      1,
      'tfidf-kmeans',
      'dev',
    ]);
    expect(report.methods.map((m) => m.groups[0]?.topic)).toEqual([
      'We should abandon the use of school uniform',
      'We should abandon the use of school uniform',
    ]);
    expect(report.guided?.accuracy).toBe(report.figures['argkp.tool.guidedAccuracy']);
    expect(report.argkp?.rows.map((row) => row.id)).toContain('nearest-vectors');
    expect(report.argkp?.outOfTaxonomy).toBeGreaterThan(0);
    expect([report.banking77, report.cyclingDe, report.seedStability]).toEqual([null, null, null]);
    expect(run.stderr).toContain('argkp: 100% 14/14 runs');
  });

  it('prints each set as a table beside its targets, and passes a gate it meets', async () => {
    const gate = await gateFile({ 'argkp.tool.nmi': 0, 'banking77.tool.nmi': 1 });
    const argv = ['eval', 'themes', '--set', 'argkp', '--limit-groups', '1', '--gate', gate];
    const run = await runCli(argv);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('IBM ArgKP (dev): ');
    expect(run.stdout).toMatch(/tool, default config\s+0\.\d{3}\s+0\.\d{3}/);
    expect(run.stdout).toMatch(/argkp\.tool\.guidedAccuracy\s+0\.\d{3}\s+>= 0\.62/);
    expect(run.stdout).toMatch(/argkp\.tool\.nmi\s+0\.\d{3}\s+>= 0\.000\s+ok\n/);
    // Gate figures of sets the run left out are not checked.
    expect(run.stdout).not.toContain('banking77.tool.nmi');
  });

  it('explains itself and rejects bad command lines with exit code 2', async () => {
    const help = await runCli(['eval', '--help']);
    expect(help.stdout).toContain('Usage: brief eval themes [--set SET] [--quick]');
    expect((await runCli(['--help'])).stdout).toContain('eval themes');
    const cases: [string[], string][] = [
      [['eval'], '`brief eval` needs what to evaluate: themes'],
      [['eval', 'summaries'], 'Unknown eval "summaries"; the only one is themes'],
      [
        ['eval', 'themes', '--limit-groups', '0'],
        'Expected `--limit-groups` to be an integer >= 1, got `0`',
      ],
      [
        ['eval', 'themes', '--set', 'argkp,polis'],
        'Unknown set "polis" for `--set`; the sets are argkp, banking77, cycling-de, stability',
      ],
      [
        ['eval', 'themes', '--argkp-split', 'test'],
        'Expected `--argkp-split` to be dev, train or all, got `test`',
      ],
      [['eval', 'themes', '--out', 'x'], "Unknown option '--out'"],
    ];
    for (const [argv, message] of cases) {
      const run = await runCli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    }
  });
});
