// Participants' groups by respondent attribute: their values, small groups pooled, large ones kept.
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
  /** By participant index, the group's index, or -1 for none. */
  groupOf: Int32Array;
  unanswered: number;
  leftOut: { groups: number; participants: number };
}

/** How groups are formed. */
export interface GroupingOptions {
  minGroup: number;
  maxGroups: number;
}

/**
 * By participant index (see `index`), the participant's value for an attribute: the first
 * non-blank one their contributions carry, trimmed; undefined where none does.
 */
export function valuesOf(
  rows: readonly AttributeRow[],
  attribute: string,
  index: ReadonlyMap<string, number>,
): (string | undefined)[] {
  const values = new Array<string | undefined>(index.size).fill(undefined);
  for (const { participant, attributes } of rows) {
    const value = attributes[attribute]?.trim();
    if (!value) continue;
    const i = index.get(participant);
    if (i !== undefined && values[i] === undefined) values[i] = value;
  }
  return values;
}

/** A value as compared: spacing and case do not make another group. */
export function valueKey(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('en');
}

/**
 * An attribute's groups: one per value (its first spelling) with at least `minGroup`
 * participants; the smaller ones pooled as "Other groups" when together they reach `minGroup`,
 * else left out. A skip reason instead when the attribute has more than `maxGroups` distinct
 * values (a free-text column, most likely) or fewer than two groups reach `minGroup`.
 */
export function groupsOf(
  attribute: string,
  values: readonly (string | undefined)[],
  options: GroupingOptions,
): GroupedAttribute | Breakdowns['skipped'][number] {
  const keys = new Map<string, string>();
  const byKey = new Map<string, { name: string; members: number[] }>();
  for (const [i, value] of values.entries()) {
    if (value === undefined) continue;
    let key = keys.get(value);
    if (key === undefined) {
      key = valueKey(value);
      keys.set(value, key);
    }
    const group = byKey.get(key);
    if (group) group.members.push(i);
    else byKey.set(key, { name: value, members: [i] });
    // A free-text column stops here, its values counted but not grouped.
    if (byKey.size > options.maxGroups) {
      const distinct = new Set(values);
      distinct.delete(undefined);
      return { attribute, reason: 'too-many-values', values: distinct.size };
    }
  }
  const big = ordered([...byKey.values()].filter((g) => g.members.length >= options.minGroup));
  if (big.length < 2) return { attribute, reason: 'too-few-groups', values: byKey.size };
  const small = [...byKey.values()]
    .filter((g) => g.members.length < options.minGroup)
    .sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
  const pooled = small.reduce((sum, g) => sum + g.members.length, 0);
  const pool = { name: OTHER_GROUP, members: small.flatMap((g) => g.members) };
  const shown = pooled >= options.minGroup ? [...big, pool] : big;
  const groupOf = new Int32Array(values.length).fill(-1);
  shown.forEach((g, i) => {
    for (const member of g.members) groupOf[member] = i;
  });
  return {
    attribute,
    groups: shown.map((g) => ({
      name: g.name,
      participants: g.members.length,
      pooled: g === pool ? small.map((s) => s.name) : [],
    })),
    groupOf,
    unanswered: values.filter((v) => v === undefined).length,
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
function ordered<T extends { name: string; members: readonly number[] }>(groups: T[]): T[] {
  if (groups.every((g) => /^\d/u.test(g.name))) {
    return groups.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  }
  return groups.sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
}
