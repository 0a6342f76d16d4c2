// How much of the machine's theme assignment the review kept: `review-summary.json`.
import type { ReviewedThemes } from '../../schemas/review.js';
import type { AgreementCounts, ReviewAgreement } from '../../schemas/review-summary.js';
import type { Theme, Themes } from '../../schemas/themes.js';

/** The id "other" (the passages that fit no theme) goes by in the summary. */
const OTHER = 'other';

/** What the review made of a theme of `themes.json`: the id it goes by now, and if it joined another. */
export type SuccessorOf = (id: string) => { id: string; joined: boolean };

const DEFINITION =
  "A passage is kept when its reviewed top-level theme is one the tool found it in (a renamed, merged or nested theme counts as the same theme, and 'other' as 'other'), moved when it now sits elsewhere, and excluded when a reviewer took it out. Overall each passage counts once; per theme, a passage the tool put in two themes counts in both.";

/**
 * Compares the themes found (`themes.json`) with the reviewed ones, passage by passage, at the
 * top level: see `ReviewAgreement`. `successorOf` follows renames by id, promotions and merges.
 */
export function reviewAgreement(
  found: Themes,
  reviewed: ReviewedThemes,
  successorOf: SuccessorOf,
): ReviewAgreement {
  const now = reviewedTops(reviewed);
  const excluded = new Set(reviewed.review.excluded.flatMap((e) => e.passageIds));
  const rows = foundTops(found).map((theme) => themeRow(theme, reviewed, successorOf));
  const whereFound = new Map<string, string[]>();
  rows.forEach((row, r) => {
    for (const id of row.passageIds) {
      const list = whereFound.get(id);
      if (list) list.push(row.nowTop ?? `gone:${r}`);
      else whereFound.set(id, [row.nowTop ?? `gone:${r}`]);
    }
  });
  const verdict = new Map<string, keyof Omit<AgreementCounts, 'passages'>>();
  for (const [id, tops] of whereFound) {
    const at = now.get(id) ?? [OTHER];
    verdict.set(
      id,
      excluded.has(id) ? 'excluded' : tops.some((top) => at.includes(top)) ? 'kept' : 'moved',
    );
  }
  return {
    format: 'consultation-brief review summary',
    version: 1,
    reviewed: reviewed.review.reviewed,
    definition: DEFINITION,
    overall: countOf(whereFound.keys(), verdict),
    themes: rows.map((row) => ({
      id: row.id,
      label: row.label,
      now: row.now,
      ...countOf(row.passageIds, verdict),
    })),
    merged: rows.flatMap((row) =>
      row.joined && row.now
        ? [{ id: row.id, label: row.label, into: row.now.id, intoLabel: row.now.label }]
        : [],
    ),
  };
}

/** The found top-level themes and "other", as rows of the summary. */
function foundTops(found: Themes): Pick<Theme, 'id' | 'label' | 'passageIds'>[] {
  return [
    ...found.themes.filter((t) => t.parentId === null),
    { id: OTHER, label: found.other.label, passageIds: found.other.passageIds },
  ];
}

interface Row {
  id: string;
  label: string;
  passageIds: readonly string[];
  /** The reviewed top-level theme it lives on as (OTHER for "other"), or null. */
  nowTop: string | null;
  now: { id: string; label: string } | null;
  joined: boolean;
}

function themeRow(
  theme: Pick<Theme, 'id' | 'label' | 'passageIds'>,
  reviewed: ReviewedThemes,
  successorOf: SuccessorOf,
): Row {
  const base = { id: theme.id, label: theme.label, passageIds: theme.passageIds };
  if (theme.id === OTHER)
    return {
      ...base,
      nowTop: OTHER,
      now: { id: OTHER, label: reviewed.other.label },
      joined: false,
    };
  const next = successorOf(theme.id);
  const successor = reviewed.themes.find((t) => t.id === next.id);
  const top = successor?.parentId
    ? reviewed.themes.find((t) => t.id === successor.parentId)
    : successor;
  if (!top) return { ...base, nowTop: null, now: null, joined: next.joined };
  return {
    ...base,
    nowTop: top.id,
    now: { id: top.id, label: top.label },
    joined: next.joined || top.id !== next.id,
  };
}

/** Each passage's reviewed top-level themes. */
function reviewedTops(reviewed: ReviewedThemes): Map<string, string[]> {
  const at = new Map<string, string[]>();
  for (const theme of reviewed.themes) {
    if (theme.parentId !== null) continue;
    for (const id of theme.passageIds) {
      const list = at.get(id);
      if (list) list.push(theme.id);
      else at.set(id, [theme.id]);
    }
  }
  return at;
}

function countOf(
  ids: Iterable<string>,
  verdict: ReadonlyMap<string, keyof Omit<AgreementCounts, 'passages'>>,
): AgreementCounts {
  const counts: AgreementCounts = { passages: 0, kept: 0, moved: 0, excluded: 0 };
  for (const id of ids) {
    counts.passages++;
    counts[verdict.get(id) ?? 'kept']++;
  }
  return counts;
}
