import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { Findings } from '../../schemas/findings.js';
import type { ReviewedThemes } from '../../schemas/review.js';
import type { Brief } from '../artifacts.js';
import { ASSIGNMENTS_CSV, assignmentsCsv } from '../brief/assignments.js';
import { CHARTS_DIR } from '../brief/charts.js';
import { renderBrief } from '../brief/render-brief.js';
import { stanceColumns } from '../brief/stance-columns.js';
import { countPhase, stageProgress } from '../progress-counter.js';
import { excludedPassages } from '../review/exclusions.js';
import type { StageContext, StageResult } from '../stage.js';

export interface RenderInputs {
  findings: Findings;
  themes: ReviewedThemes;
  records: readonly CleanRecord[];
  contributions: readonly Contribution[];
}

/**
 * The render stage: `brief.md` from the findings, with its charts (`charts/*.svg`),
 * `assignments.csv` and `sources.csv` (`sources.csv.gz` when large) beside it.
 */
export function renderStage(inputs: RenderInputs, ctx: StageContext): StageResult<Brief> {
  const steps = countPhase(stageProgress(ctx, 'render'), 'brief', 'steps', 2);
  const { markdown, charts, sources } = renderBrief({
    ...inputs,
    config: ctx.config,
    date: ctx.today,
  });
  steps.add();
  const assignments = assignmentsCsv(
    inputs.records,
    inputs.themes,
    excludedPassages(inputs.themes.review),
    stanceColumns(inputs.findings.questions, inputs.records),
  );
  steps.add();
  return {
    output: {
      markdown,
      attachments: [
        ...charts.map((chart) => ({ file: `${CHARTS_DIR}/${chart.name}.svg`, content: chart.svg })),
        { file: ASSIGNMENTS_CSV, content: assignments },
        sources,
      ],
    },
    counts: { lines: markdown.split('\n').length, charts: charts.length },
  };
}
