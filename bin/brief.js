#!/usr/bin/env node
// The `brief` command: wires the real process into the CLI's main().
import { main } from '../dist/pipeline/cli.js';

const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  // A second Ctrl-C leaves at once; finished artifacts are already safe on disk.
  process.once('SIGINT', () => process.exit(130));
});

process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
