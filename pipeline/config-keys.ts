import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

/** The object keys a schema accepts at `path` (array indices skipped), for "did you mean" hints. */
export function knownKeysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  const keys = new Set<string>();
  for (const node of objectsAt(schema, path)) {
    for (const key of Object.keys(shapeOf(node) ?? {})) keys.add(key);
  }
  return [...keys];
}

function objectsAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema[] {
  const candidates = unwrap(schema);
  if (path.length === 0) return candidates.filter((s) => shapeOf(s));
  const [head, ...rest] = path;
  const next: AnySchema[] = [];
  for (const node of candidates) {
    const def = node._zod.def as { type: string; element?: AnySchema };
    if (typeof head === 'number' && def.type === 'array' && def.element) next.push(def.element);
    const child = shapeOf(node)?.[String(head)];
    if (typeof head === 'string' && child) next.push(child);
  }
  return next.flatMap((node) => objectsAt(node, rest));
}

/** Looks through wrappers (optional, default, pipe, union) to the schemas that hold values. */
function unwrap(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as {
    type: string;
    innerType?: AnySchema;
    in?: AnySchema;
    options?: AnySchema[];
  };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [schema];
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> | undefined {
  const def = schema._zod.def as { type: string; shape?: Record<string, AnySchema> };
  return def.type === 'object' ? def.shape : undefined;
}

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a 20 MB key is compared with none.
    if (Math.abs(word.length - candidate.length) >= bestDistance) continue;
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Edit distance counting a swap of neighbours as one edit, as typos usually are. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(at(i, j), at(i - 2, j - 2) + 1);
      }
    }
  }
  return at(a.length, b.length);
}
