import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Findings } from '../../schemas/findings.js';
import { runFixture } from '../helpers/runs.js';

describe('a yes/no question (the yes-no fixture: 14 answers, 6 for, 4 against, 1 conditional, 3 neither)', () => {
  let findings: Findings;
  let markdown: string;
  let out: string;

  beforeAll(async () => {
    const run = await runFixture('yes-no', 'render');
    out = run.out;
    findings = await run.summary.load('findings');
    markdown = await readFile(join(run.out, 'brief.md'), 'utf8');
  }, 120_000);

  it('splits the answers into in favour, against and unclear', () => {
    const stance = findings.questions[0]?.stance;
    expect(stance?.basis).toBe('question');
    expect(stance?.favour.citations.sort()).toEqual(['1#1', '2#1', '3#1', '4#1', '5#1', '6#1']);
    // 11 ("Banning cars ... would be a disaster for deliveries") judges the ban too weakly to
    // be read: the rules abstain rather than guess.
    expect(stance?.against.citations.sort()).toEqual(['10#1', '7#1', '8#1', '9#1']);
    // 12 ("Maybe, it depends on whether there are enough buses") takes a conditional position.
    expect(stance?.conditional.citations).toEqual(['12#1']);
    expect(stance?.unclear.contributions).toBe(3);
  });

  it('leads the key messages with how opinion divides, citing both sides', () => {
    const [first] = findings.executiveSummary;
    expect(first?.text).toBe(
      'On “Should the city ban cars from the old town?”, of 14 answers, 6 are in favour, 4 against and 4 take neither side clearly; in favour, for example: “Cars in the old town are noisy, dirty and dangerous.”; against: “We should not ban cars from the old town, just slow them down.”',
    );
    expect(first?.citations).toHaveLength(10);
  });

  it('counts contributions, not participants, without an author field', () => {
    const counted = findings.executiveSummary.slice(1).filter((m) => /\(\d+ \w+\)/.test(m.text));
    expect(counted.length).toBeGreaterThan(0);
    for (const message of counted) expect(message.text).toMatch(/\(\d+ contributions?\)/);
    expect(markdown).toContain('at most 14 people');
    expect(markdown).not.toMatch(/\d participants/);
  });

  it('reports the split under the question, then the reasons on each side and the condition', () => {
    expect(markdown).toMatch(
      /\*\*How opinion divides\.\*\* Of 14 answers, 6 are in favour .*, 4 are against .*, 1 takes a conditional position .*, and 3 take neither side clearly\./,
    );
    const section = markdown.slice(markdown.indexOf('**How opinion divides.**'));
    const favour = section.indexOf('**Reasons given in favour**');
    const against = section.indexOf('**Reasons given against**');
    const conditional = section.indexOf('**Conditional positions**');
    expect(favour).toBeGreaterThan(0);
    expect(against).toBeGreaterThan(favour);
    expect(conditional).toBeGreaterThan(against);
    expect(section.slice(conditional)).toMatch(/^- .*enough buses.* \*\(1 contribution\)\*$/m);
  });

  it('gives each contribution its position in assignments.csv', async () => {
    const csv = (await readFile(join(out, 'assignments.csv'), 'utf8')).trim().split('\r\n');
    expect(csv[0]?.split(',').at(-1)).toBe('stance ban');
    const position = new Map(csv.slice(1).map((row) => [row.split(',')[0], row.split(',').at(-1)]));
    expect(position.get('1')).toBe('favour');
    expect(position.get('7')).toBe('against');
    expect(position.get('13')).toBe('unclear');
  });
});

describe('a yes/no question whose answers mostly take no side (the yes-no-unread fixture)', () => {
  let findings: Findings;
  let markdown: string;

  beforeAll(async () => {
    const run = await runFixture('yes-no-unread', 'render');
    findings = await run.summary.load('findings');
    markdown = await readFile(join(run.out, 'brief.md'), 'utf8');
  }, 120_000);

  it('says that opinion could not be read reliably, with no counts per side', () => {
    expect(findings.questions[0]?.stance?.reliable).toBe(false);
    const sentence =
      '**How opinion divides.** Opinion on this question could not be read reliably: only 2 of 8 answers take a side clearly.';
    expect(markdown).toContain(sentence);
    expect(markdown).not.toMatch(/are in favour/);
  });

  it('says so in the key messages, with the reasons on each side and no share of the few', () => {
    const [first] = findings.executiveSummary;
    expect(first?.text).toBe(
      'On “Should the library open on Sundays?”, opinion could not be read reliably: only 2 of 8 answers take a side clearly. Reasons given in favour: “Families have time to read at the weekend.” (1 contribution); against: “The staff need a day of rest.” (1 contribution)',
    );
    expect(first?.citations.sort()).toEqual(['1#1', '2#1']);
    for (const message of findings.executiveSummary)
      expect(message.text).not.toMatch(/%|are in favour|\d+ against/);
  });

  it('takes a bare yes or no with its reason for a side, not a proposal', () => {
    expect(findings.priorities ?? []).toEqual([]);
    for (const message of findings.executiveSummary) expect(message.text).not.toMatch(/proposal/);
  });

  it('still gives the reasons of the answers that take a side, saying whose they are', () => {
    expect(markdown).toContain(
      'take a side clearly. The reasons below are those of the answers that do.',
    );
    expect(markdown).toMatch(
      /\*\*Reasons given in favour\*\*\n\n- Families have time to read at the weekend\. .*\*\(1 contribution\)\*/,
    );
    expect(markdown).toMatch(
      /\*\*Reasons given against\*\*\n\n- The staff need a day of rest\. .*\*\(1 contribution\)\*/,
    );
  });
});

describe('proposals that only restate the question (the yes-no-restated fixture)', () => {
  let findings: Findings;
  let markdown: string;

  beforeAll(async () => {
    const run = await runFixture('yes-no-restated', 'render');
    findings = await run.summary.load('findings');
    markdown = await readFile(join(run.out, 'brief.md'), 'utf8');
  }, 120_000);

  it('are sides taken: neither priorities nor the proposal with most support', () => {
    const restating = /^We should (not )?introduce compulsory voting because/;
    // The themes still list them as their contributors' proposals...
    const proposals = findings.themes.flatMap((t) => t.proposals.map((p) => p.text));
    expect(proposals.filter((p) => restating.test(p))).toHaveLength(2);
    // ...but the question's split and reasons carry them, not the priorities.
    const priorities = (findings.priorities ?? []).map((p) => p.text);
    expect(priorities).toContain(
      'Voting should be made easier with polling stations open on Sundays.',
    );
    expect(priorities.filter((p) => restating.test(p))).toEqual([]);
    const proposalMessages = findings.executiveSummary.filter((m) => /proposal/.test(m.text));
    expect(proposalMessages.length).toBeGreaterThan(0);
    for (const message of proposalMessages)
      expect(message.text).not.toMatch(/proposal[^“]*“We should (not )?introduce compulsory/);
    const programming = markdown.slice(markdown.indexOf('## What this means for programming'));
    expect(programming.slice(0, programming.indexOf('\n## '))).not.toMatch(
      /introduce compulsory voting because/,
    );
  });

  it('says in the programming section where the answers taking a side went', () => {
    expect(markdown).toContain(
      'the theme and question it comes from (answers that only say yes or no to a guiding question are left to its section, with how opinion divides and the reasons on each side):',
    );
  });

  it('gives them as the reasons on each side of the question', () => {
    const [first] = findings.executiveSummary;
    expect(first?.text).toMatch(/^On “Should we introduce compulsory voting\?”/);
    expect(first?.text).toContain('in favour: “We should introduce compulsory voting because');
    expect(first?.text).toContain('against: “We should not introduce compulsory voting because');
  });
});
