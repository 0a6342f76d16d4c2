import type { Findings } from '../../../schemas/findings.js';
import { maxOf } from '../../arrays.js';

/**
 * The findings in a few lines for the terminal: what was written, how much of the
 * consultation it cites, and what the grounding checks dropped.
 */
export function formatFindingsSummary(findings: Findings): string {
  const { grounding } = findings;
  const top = findings.themes.filter((t) => t.parentId === null).length;
  const dropped = Object.entries(grounding.dropped);
  const droppedText =
    dropped.length === 0
      ? 'none'
      : dropped.map(([reason, n]) => `${n} ${reason.replaceAll('-', ' ')}`).join(', ');
  const rows: [string, string][] = [
    ['key messages', String(findings.executiveSummary.length)],
    ['themes described', `${top} top-level, ${findings.themes.length - top} sub-themes`],
    ['guiding questions', String(findings.questions.length)],
    ['weekly digests', String(findings.weeks.length)],
    ['cross-cutting issues', String(findings.crossCutting.length)],
    ['minority views kept', String(grounding.minorityViews)],
    [
      'coverage',
      `${Math.round(grounding.coverage * 100)}% (${grounding.citedContributions.toLocaleString('en')} of ${grounding.keptContributions.toLocaleString('en')} kept contributions cited)`,
    ],
    ['failed grounding checks', droppedText],
  ];
  const width = maxOf([...rows.map(([name]) => name.length)]);
  return [
    findings.synthesiser.kind === 'offline'
      ? `Findings, by the ${findings.synthesiser.name} synthesiser`
      : `Findings, written by the language model ${findings.synthesiser.name}`,
    ...rows.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`),
  ].join('\n');
}
