// Participants' groups by respondent attribute: their values, small groups pooled, yes/no answers read.
import type { BreakdownGroup, Breakdowns } from '../../../schemas/findings.js';

/** A contribution's respondent attributes and who made it, in input order. */
export interface AttributeRow {
  participant: string;
  attributes: Readonly<Record<string, string>>;
}

/** The name of the pool of groups under the minimum size. */
export const OTHER_GROUP = 'Other groups';

/** An attribute's participants by group, the groups as the breakdown shows them. */
export interface GroupedAttribute {
  attribute: string;
  groups: BreakdownGroup[];
  /** Each grouped participant's group index. */
  groupOf: ReadonlyMap<string, number>;
  unanswered: number;
  leftOut: { groups: number; participants: number };
}

/** How groups are formed. */
export interface GroupingOptions {
  minGroup: number;
  maxGroups: number;
}

/** Each participant's value for an attribute: the first non-blank one their contributions carry. */
export function valuesOf(
  rows: readonly AttributeRow[],
  attribute: string,
  participants: ReadonlySet<string>,
): Map<string, string> {
  const values = new Map<string, string>();
  for (const { participant, attributes } of rows) {
    const value = attributes[attribute]?.trim();
    if (value && participants.has(participant) && !values.has(participant)) {
      values.set(participant, value);
    }
  }
  return values;
}

/** A value as compared: spacing and case do not make another group. */
export function valueKey(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('en');
}

/**
 * An attribute's groups: one per value (its first spelling) with at least `minGroup`
 * participants, largest first; the smaller ones pooled as "Other" when together they reach
 * `minGroup`, else left out. A skip reason instead when the attribute has more than `maxGroups`
 * distinct values (a free-text column, most likely) or fewer than two groups reach `minGroup`.
 */
export function groupsOf(
  attribute: string,
  values: ReadonlyMap<string, string>,
  participants: number,
  options: GroupingOptions,
): GroupedAttribute | Breakdowns['skipped'][number] {
  const byKey = new Map<string, { name: string; members: string[] }>();
  for (const [participant, value] of values) {
    const key = valueKey(value);
    const group = byKey.get(key) ?? { name: value, members: [] };
    group.members.push(participant);
    byKey.set(key, group);
  }
  if (byKey.size > options.maxGroups) {
    return { attribute, reason: 'too-many-values', values: byKey.size };
  }
  const big = ordered([...byKey.values()].filter((g) => g.members.length >= options.minGroup));
  if (big.length < 2) return { attribute, reason: 'too-few-groups', values: byKey.size };
  const small = [...byKey.values()]
    .filter((g) => g.members.length < options.minGroup)
    .sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
  const pooled = small.reduce((sum, g) => sum + g.members.length, 0);
  const shown = pooled >= options.minGroup ? [...big, poolOf(small)] : big;
  const groupOf = new Map<string, number>();
  shown.forEach((g, i) => {
    for (const member of g.members) groupOf.set(member, i);
  });
  return {
    attribute,
    groups: shown.map((g) => ({
      name: g.name,
      participants: g.members.length,
      pooled: g === shown[big.length] ? small.map((s) => s.name) : [],
    })),
    groupOf,
    unanswered: participants - values.size,
    leftOut:
      pooled >= options.minGroup
        ? { groups: 0, participants: 0 }
        : { groups: small.length, participants: pooled },
  };
}

/**
 * Groups in the order a reader expects: values that all open with a number (age bands, scores:
 * "18-24", "25-34") in their numeric order, others largest first.
 */
function ordered<T extends { name: string; members: readonly string[] }>(groups: T[]): T[] {
  if (groups.every((g) => /^\d/u.test(g.name))) {
    return groups.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  }
  return groups.sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
}

function poolOf(small: readonly { name: string; members: string[] }[]) {
  return { name: OTHER_GROUP, members: small.flatMap((g) => g.members) };
}
