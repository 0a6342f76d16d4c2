// Opens the review app in the user's browser, when this machine has a way to.
import { spawn } from 'node:child_process';

/** The command that opens an address on each platform. */
function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

/** Starts the platform's opener, detached; a missing opener or browser is not an error. */
export function openBrowser(url: string): void {
  const [command, args] = opener(url);
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener: the address is printed, which is enough.
  }
}
