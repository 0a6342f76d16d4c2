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

let tab = read(() => sessionStorage, TAB_KEY) ?? newTab();

function newTab(): string {
  const id = randomId();
  write(() => sessionStorage, TAB_KEY, id);
  return id;
}

/** This tab's id, sent with its decisions: undo and redo act on the tab's own decisions. */
export function tabId(): string {
  return tab;
}

const tabListeners: (() => void)[] = [];

/** Calls `listener` when this tab takes a new id (it was a duplicate of another tab). */
export function onNewTab(listener: () => void): void {
  tabListeners.push(listener);
}

/**
 * A duplicated tab starts with a copy of its original's `sessionStorage`, and so its id: it asks
 * the other tabs of the app whether one holds the id already, and takes a new one if so. A
 * reloaded tab gets no answer (its old page is gone) and keeps its id and its undo history.
 */
function claimTab(): void {
  if (typeof BroadcastChannel !== 'function') return;
  const channel = new BroadcastChannel('brief-review-tab');
  const asker = randomId();
  channel.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { ask?: string; taken?: string; from?: string };
    if (data.ask === tab) channel.postMessage({ taken: tab, from: data.from });
    else if (data.taken === tab && data.from === asker) {
      tab = newTab();
      for (const listener of tabListeners) listener();
    }
  });
  channel.postMessage({ ask: tab, from: asker });
}

claimTab();

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
