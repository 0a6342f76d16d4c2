import type { CleanRecord } from '../../schemas/clean-record.js';
import type { Consultation } from '../../schemas/consultation.js';
import type { Contribution } from '../../schemas/contribution.js';
import type { DecisionOutcome, ReviewedThemes } from '../../schemas/review.js';
import type { Themes } from '../../schemas/themes.js';
import { participantsByContribution } from '../participants.js';
import { countPhase, stageProgress } from '../progress-counter.js';
import { clipInput } from '../quote-input.js';
import { reviewAgreement } from '../review/agreement.js';
import { type PassageFacts, ReviewApplication } from '../review/apply.js';
import type { PassageText } from '../review/theme-wording.js';
import type { ReviewInput, StageContext, StageResult } from '../stage.js';
import { subjectWords } from '../themes/labels.js';

/**
 * The review stage: applies the facilitators' decisions (`review.json`) to the themes stage's
 * output. Decisions that no longer apply are listed in the run output, never dropped in silence.
 * How much of the tool's assignment the review kept goes in `review.agreement`
 * (`review-summary.json`).
 */
export function applyReviewStage(
  themes: Themes,
  records: readonly CleanRecord[],
  contributions: readonly Contribution[],
  review: ReviewInput,
  ctx: StageContext,
): StageResult<ReviewedThemes> {
  const steps = countPhase(stageProgress(ctx, 'review'), 'decisions', 'steps', 3);
  const facts = passageFacts(records, contributions, ctx.config);
  steps.add();
  const application = ReviewApplication.of(themes, review.log, facts);
  const applied = application.result(review.base);
  steps.add();
  const reviewed: ReviewedThemes = {
    ...applied,
    review: {
      ...applied.review,
      agreement: reviewAgreement(themes, applied, (id) => application.successorOf(id)),
    },
  };
  steps.add();
  const orphans = reviewed.review.decisions.filter((d) => d.status === 'orphaned');
  warnOrphans(orphans, ctx);
  const newSince = Object.values(reviewed.review.themes).reduce(
    (sum, theme) => sum + theme.newSinceReview.length,
    0,
  );
  if (review.log && newSince > 0)
    ctx.logger.info(
      `review: ${newSince} passages are new since the review; they are marked in the app`,
    );
  return {
    output: reviewed,
    counts: {
      decisions: reviewed.review.decisions.filter((d) => d.status === 'applied').length,
      orphaned: orphans.length,
      excludedPassages: reviewed.review.excluded.reduce((sum, e) => sum + e.passageIds.length, 0),
      changedThemes: Object.values(reviewed.review.themes).filter((t) => t.changed).length,
    },
  };
}

/**
 * Passages, their contributions and participants, as the themes stage counted them; with
 * `config`, their texts too, so that themes whose passages change are worded afresh.
 */
export function passageFacts(
  records: readonly CleanRecord[],
  contributions: readonly Contribution[],
  config?: Consultation,
): PassageFacts {
  const participantOf = participantsByContribution(contributions);
  const voices = new Map<string, readonly string[]>();
  const texts = new Map<string, { text: string; language: string }>();
  const passageIds: string[] = [];
  for (const record of records) {
    if (record.status !== 'kept') continue;
    const ids = [record.id, ...record.duplicates];
    for (const passage of record.passages) {
      passageIds.push(passage.id);
      voices.set(passage.id, ids);
      if (config) texts.set(passage.id, { text: passage.text, language: record.language });
    }
  }
  return {
    passageIds,
    contributionsOf: (id) => voices.get(id) ?? [],
    participantsOf: (id) => (voices.get(id) ?? []).map(participantOf),
    ...(config ? { text: passageText(texts, config) } : {}),
  };
}

function passageText(
  texts: ReadonlyMap<string, { text: string; language: string }>,
  config: Consultation,
): PassageText {
  return {
    textOf: (id) => texts.get(id)?.text ?? '',
    languageOf: (id) => texts.get(id)?.language ?? config.language,
    context: subjectWords(config),
    taxonomy: new Map(config.themes.map((t) => [t.id, t])),
  };
}

/** Decisions named in the orphans' warning line; the rest are in its details. */
const MAX_ORPHAN_EXAMPLES = 2;

/** Characters of each example's detail in that line. */
const ORPHAN_DETAIL_CHARS = 60;

/** One line for the decisions that no longer apply (each in the details), if any. */
function warnOrphans(orphans: readonly DecisionOutcome[], ctx: StageContext): void {
  if (orphans.length === 0) return;
  const name = (d: DecisionOutcome) => `decision ${d.n} (${d.kind})`;
  if (orphans.length === 1) {
    const [orphan] = orphans as [DecisionOutcome];
    ctx.logger.warn(`review: ${name(orphan)} no longer applies: ${clipInput(orphan.detail)}`);
    return;
  }
  const examples = orphans
    .slice(0, MAX_ORPHAN_EXAMPLES)
    .map((d) => `${name(d)}: ${clipInput(d.detail, ORPHAN_DETAIL_CHARS)}`)
    .join('; ');
  ctx.logger.warn(`review: ${orphans.length} decisions no longer apply, e.g. ${examples}`, {
    warning: 'decision no longer applies',
    entries: orphans.map((d) => ({ decision: d.n, kind: d.kind, detail: d.detail })),
  });
}
