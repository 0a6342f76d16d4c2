import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The folders whose code runs on users' data, of any size. */
const FOLDERS = ['pipeline', 'bench', 'schemas'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `file:line: call` for every call or `new` that spreads an array into its arguments. */
function spreadCalls(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
      node.arguments?.some(ts.isSpreadElement)
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${file}:${line + 1}: ${node.getText(source).split('\n')[0]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the code', () => {
  // `lines.push(...annex)` with 137,000 entries crashed the render stage at 100,000
  // contributions (RangeError: Maximum call stack size exceeded). Spreading into an array
  // literal is safe at any size; use `appendAll`, `maxOf` and `minOf` from pipeline/arrays.ts.
  it('never spreads an array into call arguments, which throws past ~100,000 items', () => {
    const found = FOLDERS.flatMap(sourceFiles).flatMap(spreadCalls);
    expect(found).toEqual([]);
  });
});
