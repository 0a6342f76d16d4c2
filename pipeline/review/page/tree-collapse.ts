// Which top-level themes are collapsed in the tree: kept across redraws and reloads of the tab.
const KEY = 'review-collapsed-themes';

const collapsed = new Set<string>(load());

function load(): string[] {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    // Storage refused (privacy settings) or garbled: start expanded.
    return [];
  }
}

function save(): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...collapsed]));
  } catch {
    // Storage refused: the state lasts until the page reloads.
  }
}

/** Whether a top-level theme's sub-themes are hidden. */
export function isCollapsed(id: string): boolean {
  return collapsed.has(id);
}

/** Collapses or expands one top-level theme. */
export function setCollapsed(id: string, value: boolean): void {
  if (value) collapsed.add(id);
  else collapsed.delete(id);
  save();
}

/** Collapses every one of `ids`, or expands every theme. */
export function setAllCollapsed(ids: readonly string[], value: boolean): void {
  collapsed.clear();
  if (value) for (const id of ids) collapsed.add(id);
  save();
}
