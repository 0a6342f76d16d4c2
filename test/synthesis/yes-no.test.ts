import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Findings } from '../../schemas/findings.js';
import { runFixture } from '../helpers/runs.js';

describe('a yes/no question (the yes-no fixture: 14 answers, 6 for, 5 against, 3 neither)', () => {
  let findings: Findings;
  let markdown: string;

  beforeAll(async () => {
    const run = await runFixture('yes-no', 'render');
    findings = await run.summary.load('findings');
    markdown = await readFile(join(run.out, 'brief.md'), 'utf8');
  }, 120_000);

  it('splits the answers into in favour, against and unclear', () => {
    const stance = findings.questions[0]?.stance;
    expect(stance?.basis).toBe('question');
    expect(stance?.favour.citations.sort()).toEqual(['1#1', '2#1', '3#1', '4#1', '5#1', '6#1']);
    expect(stance?.against.citations.sort()).toEqual(['10#1', '11#1', '7#1', '8#1', '9#1']);
    expect(stance?.unclear.contributions).toBe(3);
  });

  it('leads the key messages with how opinion divides, citing both sides', () => {
    const [first] = findings.executiveSummary;
    expect(first?.text).toBe(
      'On “Should the city ban cars from the old town?”: of 14 answers, 6 are in favour, 5 against and 3 unclear',
    );
    expect(first?.citations).toHaveLength(11);
  });

  it('counts contributions, not participants, without an author field', () => {
    for (const message of findings.executiveSummary.slice(1)) {
      expect(message.text).toMatch(/^.+ drew \d+ contributions \(\d+% of all\); /);
    }
    expect(markdown).toContain('at most 14 people');
    expect(markdown).not.toMatch(/\d participants/);
  });

  it('reports the split under the question, with a statement from each side', () => {
    expect(markdown).toMatch(
      /\*\*How opinion divides\.\*\* Of 14 answers, 6 are in favour .*, 5 are against .*, and 3 take neither side clearly\./,
    );
    expect(markdown).toMatch(/^- In favour: .+$/m);
    expect(markdown).toMatch(/^- Against: .+$/m);
  });
});
