// The page's bundled script and style (built by `npm run build` with esbuild) and its HTML.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../package-info.js';

/** Where `npm run build` writes the page bundle. */
export const PAGE_DIR = join(PACKAGE_ROOT, 'dist', 'review-app');

/** The page's assets by the fixed paths they are served at. */
export type PageAssets = ReadonlyMap<string, { body: string; type: string }>;

/** Reads the bundle once; a missing bundle is served as a script that says how to build it. */
export async function loadPageAssets(dir: string = PAGE_DIR): Promise<PageAssets> {
  const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => null);
  const script = await read('app.js');
  const style = (await read('app.css')) ?? '';
  return new Map([
    ['/', { body: PAGE_HTML, type: 'text/html; charset=utf-8' }],
    [
      '/app.js',
      {
        body:
          script ??
          "document.body.textContent = 'The review page is not built: run npm run build.';",
        type: 'text/javascript; charset=utf-8',
      },
    ],
    ['/app.css', { body: style, type: 'text/css; charset=utf-8' }],
  ]);
}

const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review the themes</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/app.css">
<script type="module" src="/app.js"></script>
</head>
<body><p class="loading">Loading the review…</p></body>
</html>
`;
