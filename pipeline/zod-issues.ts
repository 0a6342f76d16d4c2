import type { z } from 'zod';
import { clipInput } from './quote-input.js';

/**
 * Formats zod issues as `path: message` lines, e.g. `input.files[0].path: expected a string`.
 * Messages and keys that quote input (an unknown key) are clipped to 200 characters.
 */
export function formatIssues(error: z.ZodError, root = ''): string {
  return error.issues
    .map((issue) => `${formatPath([...prefix(root), ...issue.path])}: ${clipInput(issue.message)}`)
    .join('; ');
}

function prefix(root: string): PropertyKey[] {
  return root ? [root] : [];
}

/** Renders a zod issue path as `a.b[0].c`, each key clipped to 200 characters. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${clipInput(String(part))}` : clipInput(String(part));
  }
  return out || '(top level)';
}
