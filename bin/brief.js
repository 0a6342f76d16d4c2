#!/usr/bin/env node
// The `brief` command: wires the real process into the CLI's main(). The Ctrl-C handler is
// installed before the CLI is loaded, so an interrupt during start-up is handled like any other.
const controller = new AbortController();
process.once('SIGINT', () => {
  controller.abort();
  // A second Ctrl-C leaves at once; finished artifacts are already safe on disk.
  process.once('SIGINT', () => process.exit(130));
});

const { main } = await import('../dist/pipeline/cli.js');
process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
});
