// Narrowing the review's lists to the passages of respondents with given attributes (country, group).
import { AttributeFilter } from '../../schemas/review.js';
import { formatIssues } from '../zod-issues.js';
import type { AttributeView } from './views.js';

export type { AttributeFilter } from '../../schemas/review.js';

/** Values offered per attribute, most passages first: a closed question has a handful. */
export const MAX_ATTRIBUTE_VALUES = 200;

/** Filters whose passages are kept: a reviewer pages through one filter's lists at a time. */
const REMEMBERED_FILTERS = 8;

/**
 * `find` remembered for the last few filters (the passages never change within a session), so
 * that paging, counting and searching under one filter scan the passages once.
 */
export function memoiseFilters(
  find: (filter: AttributeFilter) => ReadonlySet<string>,
): (filter: AttributeFilter) => ReadonlySet<string> {
  const found = new Map<string, ReadonlySet<string>>();
  return (filter) => {
    const key = JSON.stringify(Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : 1)));
    let set = found.get(key);
    if (!set) {
      set = find(filter);
      if (found.size >= REMEMBERED_FILTERS) found.delete(found.keys().next().value as string);
    }
    // Most recently used last, so the oldest goes first.
    found.delete(key);
    found.set(key, set);
    return set;
  };
}

/** Whether `attributes` holds every value `filter` asks for. */
export function hasAttributes(
  attributes: Readonly<Record<string, string>>,
  filter: AttributeFilter,
): boolean {
  for (const name in filter) if (attributes[name] !== filter[name]) return false;
  return true;
}

/**
 * The attributes the passages carry, in the config's order (`input.attributes`, then any other
 * in name order), each with its values and their passages, most first; none without attributes.
 */
export function attributeViews(
  passages: Iterable<{ attributes: Readonly<Record<string, string>> }>,
  order: readonly string[],
): AttributeView[] {
  const counts = new Map<string, Map<string, number>>();
  for (const { attributes } of passages) {
    for (const name in attributes) {
      const value = attributes[name] as string;
      let values = counts.get(name);
      if (!values) {
        values = new Map();
        counts.set(name, values);
      }
      values.set(value, (values.get(value) ?? 0) + 1);
    }
  }
  const rank = (name: string) => {
    const at = order.indexOf(name);
    return at < 0 ? order.length : at;
  };
  const names = [...counts.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => ({
    name,
    values: [...(counts.get(name) ?? [])]
      .sort(([a, n], [b, m]) => m - n || a.localeCompare(b))
      .slice(0, MAX_ATTRIBUTE_VALUES)
      .map(([value, count]) => ({ value, passages: count })),
  }));
}

/**
 * The filter a request's `where` parameter gives (JSON: `{"Country":"Kenya"}`); none when the
 * parameter is absent; an error message when it is not such an object.
 */
export function parseAttributeFilter(
  where: string | undefined,
): { filter: AttributeFilter } | { error: string } {
  if (where === undefined || where === '') return { filter: {} };
  let value: unknown;
  try {
    value = JSON.parse(where);
  } catch {
    return { error: 'Invalid where: expected a JSON object of attribute values' };
  }
  const parsed = AttributeFilter.safeParse(value);
  return parsed.success
    ? { filter: parsed.data }
    : { error: `Invalid where: ${formatIssues(parsed.error)}` };
}
