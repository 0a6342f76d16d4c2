// "Rebuild the brief": starts the run, shows its progress, then links to the files.
import type { RebuildView } from '../views.js';
import { getJson, postJson } from './api.js';
import { button, h, replace } from './dom.js';
import { loadState, notify } from './store.js';

const POLL_MS = 500;

/** Starts a rebuild and reports its progress in `panel` until it ends. */
export async function rebuild(panel: HTMLElement, trigger: HTMLButtonElement): Promise<void> {
  trigger.disabled = true;
  try {
    let view = await postJson<RebuildView>('/api/rebuild', {});
    panel.hidden = false;
    await loadState();
    while (view.status === 'running') {
      draw(panel, view);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      view = await getJson<RebuildView>('/api/rebuild');
    }
    draw(panel, view);
    await loadState();
  } catch (error) {
    notify((error as Error).message, 'error');
  } finally {
    trigger.disabled = false;
  }
}

function draw(panel: HTMLElement, view: RebuildView): void {
  const close = button('×', () => (panel.hidden = true), {
    className: 'quiet close',
    'aria-label': 'Close',
  });
  if (view.status === 'running') {
    const bar = h('progress', { max: view.stagesTotal, value: view.stagesDone });
    const detail = view.progress
      ? ` (${view.progress.phase ? `${view.progress.phase}: ` : ''}${view.progress.done.toLocaleString('en')} of ${view.progress.total.toLocaleString('en')} ${view.progress.unit})`
      : '';
    replace(
      panel,
      h('strong', null, 'Rebuilding the brief…'),
      bar,
      h('span', { className: 'stage' }, `${view.stage ?? 'starting'}${detail}`),
    );
    return;
  }
  if (view.status === 'failed') {
    replace(panel, h('strong', null, 'The rebuild failed: '), view.message ?? '', close);
    return;
  }
  replace(
    panel,
    h('strong', null, 'The brief is rebuilt:'),
    view.files.map((name) =>
      h('a', { href: `/files/${name}`, target: '_blank', rel: 'noopener' }, name),
    ),
    close,
  );
}
