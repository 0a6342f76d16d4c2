// Who is deciding: this tab's id (kept across reloads) and the name this browser was given.

const TAB_KEY = 'brief-review-tab';
const NAME_KEY = 'brief-review-reviewer';

/** Storage that may be disabled (private modes): reads give null, writes are dropped. */
function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string): void {
  try {
    storage().setItem(key, value);
  } catch {
    // The value lives as long as the page then.
  }
}

/** 16 random bytes as hex (`crypto.randomUUID` needs a secure context; this does not). */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This tab's id, sent with its decisions: undo and redo act on the tab's own decisions. */
export const TAB_ID: string = (() => {
  const kept = read(() => sessionStorage, TAB_KEY);
  if (kept) return kept;
  const id = randomId();
  write(() => sessionStorage, TAB_KEY, id);
  return id;
})();

let name = read(() => localStorage, NAME_KEY);

/** The name this browser was given (null: none, or not asked yet). */
export function browserReviewer(): string | null {
  return name || null;
}

/** Whether this browser was asked its name already (an empty answer counts). */
export function nameAsked(): boolean {
  return name !== null;
}

/** Keeps the name for every tab of this browser; null keeps "asked, no name". */
export function setBrowserReviewer(value: string | null): void {
  name = value ?? '';
  write(() => localStorage, NAME_KEY, name);
}
