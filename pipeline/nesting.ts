// How deep parsed JSON or YAML nests, checked without recursion: a hostile file cannot overflow the stack.

/** The deepest nesting of arrays and objects accepted in an input record or the config. */
export const MAX_NESTING = 100;

/**
 * True when `value` nests arrays or objects more than `limit` levels deep (default 100). Walks
 * with an explicit stack and stops at the first level too deep, so a 100,000-deep value is
 * cheap to refuse.
 */
export function nestsDeeperThan(value: unknown, limit = MAX_NESTING): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [item, depth] = top;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}
