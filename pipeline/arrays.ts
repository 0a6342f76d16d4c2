// Array helpers that work at any length: spreading an array into a call's arguments
// (`push(...rows)`, `Math.max(...values)`) throws a RangeError past about 100,000 items.

/** The largest of `values`, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = Number.NEGATIVE_INFINITY): number {
  let max = empty;
  let any = false;
  for (const value of values) {
    if (!any || value > max) max = value;
    any = true;
  }
  return max;
}

/** The smallest of `values`, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Number.POSITIVE_INFINITY): number {
  let min = empty;
  let any = false;
  for (const value of values) {
    if (!any || value < min) min = value;
    any = true;
  }
  return min;
}

/** Appends `items` to `target` one by one and returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
