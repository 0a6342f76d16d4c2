import type { z } from 'zod';

/** Formats zod issues as `path: message` lines, e.g. `input.files[0].path: expected a string`. */
export function formatIssues(error: z.ZodError, root = ''): string {
  return error.issues
    .map((issue) => `${formatPath([...prefix(root), ...issue.path])}: ${issue.message}`)
    .join('; ');
}

function prefix(root: string): PropertyKey[] {
  return root ? [root] : [];
}

/** Renders a zod issue path as `a.b[0].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(top level)';
}
