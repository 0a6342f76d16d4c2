import { describe, expect, it } from 'vitest';
import { breakdownMethodology } from '../../pipeline/brief/breakdown-methodology.js';
import { breakdownSection } from '../../pipeline/brief/breakdown-section.js';
import { People } from '../../pipeline/brief/people.js';
import { computeBreakdowns } from '../../pipeline/synthesis/findings/breakdowns.js';
import type { Findings } from '../../schemas/findings.js';

/** 12 themes, each raised by 60% of farmers and 10% of residents (100 of each). */
function findingsWithTwelveDifferences(): Findings {
  const rows = Array.from({ length: 200 }, (_, i) => ({
    participant: `r${i}`,
    attributes: { sector: i < 100 ? 'Farmer' : 'Resident' },
  }));
  const themes = Array.from({ length: 12 }, (_, t) => ({
    id: `t${t}`,
    label: `Theme ${t + 1}`,
    participants: new Set(
      rows
        .filter((_, i) => (i < 100 ? (i + t) % 10 < 6 : (i + t) % 10 < 1))
        .map((r) => r.participant),
    ),
  }));
  const breakdowns = computeBreakdowns({
    attributes: ['sector'],
    rows,
    participants: new Set(rows.map((r) => r.participant)),
    themes,
    splits: [],
    options: { breakdownMinGroup: 20, breakdownMinDifference: 0.1, breakdownMaxGroups: 12 },
  });
  return { breakdowns, questions: [], themes: [] } as unknown as Findings;
}

describe('the "Who took part" section', () => {
  const totals = {
    contributions: 200,
    participants: 200,
    identifiedParticipants: 200,
    passages: 200,
  };

  it('shows the 10 largest themes and the 8 largest differences, and says how many more', () => {
    const lines = breakdownSection(findingsWithTwelveDifferences(), new People(totals), () => []);
    const markdown = lines.join('\n');
    expect(lines.filter((l) => l.startsWith('| Theme | Farmer (100) |'))).toHaveLength(1);
    expect(
      lines.filter((l) => /^\| Theme \d+ \| ▲ 60% \(rest 10%\) \| ▼ 10% \(rest 60%\) \|$/.test(l)),
    ).toHaveLength(10);
    expect(markdown).toContain(
      '2 smaller themes left out here are in `findings.json` under `breakdowns`.',
    );
    const sentences = lines.filter((l) =>
      l.startsWith('- Respondents in “Farmer” (sector) raised'),
    );
    expect(sentences).toHaveLength(8);
    expect(markdown).toContain('- 2 more marked differences: see the table.');
    expect(markdown).not.toContain('less often');
  });

  it('says nothing without breakdowns', () => {
    const findings = { questions: [], themes: [] } as unknown as Findings;
    expect(breakdownSection(findings, new People(totals), () => [])).toEqual([]);
  });
});

describe('breakdownMethodology', () => {
  it('says no difference was tested when no attribute had two groups big enough', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({
      participant: `r${i}`,
      attributes: { country: ['Kenya', 'Ghana', 'Uganda'][i % 3] as string },
    }));
    const breakdowns = computeBreakdowns({
      attributes: ['country'],
      rows,
      participants: new Set(rows.map((r) => r.participant)),
      themes: [],
      splits: [],
      options: { breakdownMinGroup: 20, breakdownMinDifference: 0.1, breakdownMaxGroups: 12 },
    });
    expect(breakdownMethodology(breakdowns, 12)).toBe(
      'Groups by respondent attribute need 20 respondents each; no attribute had two such groups, so no differences between groups were tested.',
    );
  });
});
