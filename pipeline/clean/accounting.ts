/** Where every record went: the counts behind the brief's annex and the manifest. */
import type { Accounting } from '../../schemas/accounting.js';
import { type CleanRecord, ExclusionReason, RedactionKind } from '../../schemas/clean-record.js';
import { maxOf } from '../arrays.js';

/** Counts the states, passages, languages and redactions of clean records. */
export function accountFor(records: readonly CleanRecord[]): Accounting {
  const excluded = Object.fromEntries(
    ExclusionReason.options.map((r) => [r, 0]),
  ) as Accounting['excluded'];
  const redactions = Object.fromEntries(
    RedactionKind.options.map((k) => [k, 0]),
  ) as Accounting['redactions'];
  const languages = new Map<string, number>();
  const acc: Accounting = {
    read: records.length,
    kept: 0,
    duplicates: { exact: 0, near: 0 },
    nothingToChange: 0,
    excluded,
    blankAnswers: 0,
    passages: 0,
    languages: {},
    redactions,
  };
  for (const record of records) {
    for (const { kind } of record.redactions) redactions[kind]++;
    acc.blankAnswers += record.blankAnswers ?? 0;
    if (record.status === 'kept') {
      acc.kept++;
      acc.passages += record.passages.length;
      languages.set(record.language, (languages.get(record.language) ?? 0) + 1);
    } else if (record.status === 'duplicate') acc.duplicates[record.match]++;
    else if (record.status === 'nothing-to-change') acc.nothingToChange++;
    else excluded[record.reason]++;
  }
  const byCount = [...languages].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  acc.languages = Object.fromEntries(byCount);
  return acc;
}

/** Human labels, so the table reads as prose. */
const REASON_LABELS: Record<ExclusionReason, string> = {
  'rejected-by-moderator': 'rejected by moderator',
  empty: 'empty after cleaning',
  'no-words': 'no words (only emoji, numbers or symbols)',
  'link-only': 'only a link',
  'no-answer': 'no answer given ("N/A", "Did not answer")',
  'too-short': 'too short',
};
const REDACTION_LABELS: Record<RedactionKind, string> = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  url: 'personal links',
  name: 'personal names (and masks standing for one)',
  mask: 'other masks in the source',
};

/** `1234567` -> `1,234,567`, independent of the machine's locale. */
function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * A plain-text table of the accounting. Indentation shows which lines add up to which: read =
 * kept + duplicates + nothing to change + excluded, duplicates = exact + near, excluded = the
 * sum of its reasons.
 */
export function formatAccountingTable(acc: Accounting): string {
  const duplicates = acc.duplicates.exact + acc.duplicates.near;
  const excludedTotal = Object.values(acc.excluded).reduce((a, b) => a + b, 0);
  const rows: [string, number | null][] = [
    ['Records read', acc.read],
    ['  kept', acc.kept],
    ['  duplicates (extra voices)', duplicates],
    ['    exact', acc.duplicates.exact],
    ['    near', acc.duplicates.near],
    ['  nothing to change (counted, not themed)', acc.nothingToChange],
    ['  excluded', excludedTotal],
    ...ExclusionReason.options.map((r): [string, number] => [
      `    ${REASON_LABELS[r]}`,
      acc.excluded[r],
    ]),
    ...(acc.blankAnswers > 0
      ? ([
          ['', null],
          ['Answers left blank (questions skipped, not records)', acc.blankAnswers],
        ] as [string, number | null][])
      : []),
    ['', null],
    ['Passages from kept records', acc.passages],
    ['', null],
    ['Kept records by language', null],
    ...Object.entries(acc.languages).map(([code, n]): [string, number] => [`  ${code}`, n]),
    ['', null],
    ['Redactions', null],
    ...RedactionKind.options.map((k): [string, number] => [
      `  ${REDACTION_LABELS[k]}`,
      acc.redactions[k],
    ]),
  ];
  const labelWidth = maxOf([...rows.map(([label]) => label.length)]) + 2;
  const numberWidth = maxOf([...rows.map(([, n]) => (n === null ? 0 : formatCount(n).length))]);
  return rows
    .map(([label, n]) =>
      n === null ? label : label.padEnd(labelWidth) + formatCount(n).padStart(numberWidth),
    )
    .join('\n');
}
