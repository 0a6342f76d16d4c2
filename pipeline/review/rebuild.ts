// "Rebuild the brief": the whole pipeline in-process, one run at a time, with its progress.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { type RunOptions, type RunSummary, runPipeline } from '../runner.js';
import { STAGE_NAMES } from '../stages/index.js';
import type { RebuildView } from './views.js';

/** The rebuilt files the app serves, by the fixed names they have in the run folder. */
export const BRIEF_FILES: ReadonlyMap<string, string> = new Map([
  ['brief.md', 'text/plain; charset=utf-8'],
  ['brief.pdf', 'application/pdf'],
  ['report.html', 'text/html; charset=utf-8'],
  ['brief.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
]);

/** Runs rebuilds of the brief and reports where the current one stands. */
export interface Rebuilder {
  view(): RebuildView;
  running(): boolean;
  /** Starts a rebuild; false when one is running already. */
  start(): boolean;
  /** Settles when no rebuild is running (for a clean shutdown). */
  idle(): Promise<void>;
}

/**
 * A rebuilder for the run `run` describes (the app holds the run folder's lock, so the run is
 * told `holdsLock`). `done` gets the finished run, for the app to reload its review session.
 */
export function createRebuilder(
  run: RunOptions,
  done: (summary: RunSummary) => Promise<void>,
): Rebuilder {
  let view: RebuildView = idleView();
  let current: Promise<void> | null = null;
  const rebuild = async () => {
    try {
      const summary = await runPipeline({
        ...run,
        holdsLock: true,
        progress(event) {
          view = { ...view, stage: event.stage, progress: { ...event } };
          run.progress?.(event);
        },
        onStageDone(name, status) {
          view = { ...view, stage: name, stagesDone: view.stagesDone + 1, progress: null };
          run.onStageDone?.(name, status);
        },
      });
      await done(summary);
      view = { ...view, status: 'done', message: null, files: await present(summary.outDir) };
    } catch (error) {
      view = { ...view, status: 'failed', message: (error as Error).message };
    } finally {
      current = null;
    }
  };
  return {
    view: () => view,
    running: () => current !== null,
    start() {
      if (current) return false;
      view = { ...idleView(), status: 'running' };
      current = rebuild();
      return true;
    },
    idle: async () => {
      await current;
    },
  };
}

function idleView(): RebuildView {
  return {
    status: 'idle',
    stage: null,
    stagesDone: 0,
    // Every stage and the export report when done, cached or not.
    stagesTotal: STAGE_NAMES.length + 1,
    progress: null,
    message: null,
    files: [],
  };
}

async function present(outDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const name of BRIEF_FILES.keys()) {
    const found = await access(join(outDir, name)).then(
      () => true,
      () => false,
    );
    if (found) files.push(name);
  }
  return files;
}
