import { describe, expect, it } from 'vitest';
import { ThemeEvalReport } from '../../schemas/theme-eval.js';
import { runCli } from '../helpers/cli.js';

describe('brief eval themes', () => {
  it('prints the report as JSON with --json, progress going to stderr', async () => {
    const run = await runCli(['eval', 'themes', '--json', '--limit-groups', '1']);
    expect(run.code).toBe(0);
    const report = ThemeEvalReport.parse(JSON.parse(run.stdout));
    expect(report.groups).toBe(1);
    expect(report.baselineMethod).toBe('tfidf-kmeans');
    expect(report.methods[0]?.groups[0]?.topic).toBe(
      'Assisted suicide should be a criminal offence',
    );
    expect(run.stderr).toContain('tfidf-kmeans: 100% 1/1 groups');
  });

  it('prints a table of the baseline beside the targets', async () => {
    const run = await runCli(['eval', 'themes', '--limit-groups', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 motion-stance groups');
    expect(run.stdout).toMatch(/emergent NMI\s+.*\d\.\d{3}\s+>= 0\.35/);
    expect(run.stdout).toMatch(/guided accuracy\s+.*>= 0\.60/);
    expect(run.stdout).toMatch(/stability ARI\s+.*>= 0\.80/);
  });

  it('explains itself and rejects bad command lines with exit code 2', async () => {
    const help = await runCli(['eval', '--help']);
    expect(help.stdout).toContain('Usage: brief eval themes [--json] [--limit-groups N]');
    expect((await runCli(['--help'])).stdout).toContain('eval themes');
    const cases: [string[], string][] = [
      [['eval'], '`brief eval` needs what to evaluate: themes'],
      [['eval', 'summaries'], 'Unknown eval "summaries"; the only one is themes'],
      [
        ['eval', 'themes', '--limit-groups', '0'],
        'Expected `--limit-groups` to be an integer >= 1, got `0`',
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
