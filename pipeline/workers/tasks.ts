// The tasks worker threads can run, by name; each loads its module only when first used.
import type { WorkerTask } from './worker-task.js';

/**
 * Every task the pool knows, as a loader of its module's task, so that a worker (and the main
 * thread) loads only the code of the tasks it runs. Tasks are pure: the same items and shared
 * data give the same results in any thread.
 */
export const TASKS = {
  'place-sightings': async () =>
    (await import('../clean/place-sightings-task.js')).placeSightingsTask,
  'clean-texts': async () => (await import('../clean/clean-texts-task.js')).cleanTextsTask,
  'export-pdf': async () => (await import('../brief/export-tasks.js')).exportPdfTask,
  'export-docx': async () => (await import('../brief/export-tasks.js')).exportDocxTask,
  'tag-sentences': async () =>
    (await import('../synthesis/reading/en/tag-task.js')).tagSentencesTask,
};

/** The name of a registered task. */
export type TaskName = keyof typeof TASKS;

type TaskOf<N extends TaskName> = Awaited<ReturnType<(typeof TASKS)[N]>>;
type Parts<N extends TaskName> =
  TaskOf<N> extends WorkerTask<infer S, infer I, infer R>
    ? { shared: S; item: I; result: R }
    : never;
/** The data every worker of task `N` gets once. */
export type SharedOf<N extends TaskName> = Parts<N>['shared'];
/** One item of task `N`. */
export type ItemOf<N extends TaskName> = Parts<N>['item'];
/** The result of one item of task `N`. */
export type ResultOf<N extends TaskName> = Parts<N>['result'];

/** Whether `name` is a registered task (a worker checks what it is asked to run). */
export function isTaskName(name: unknown): name is TaskName {
  return typeof name === 'string' && Object.hasOwn(TASKS, name);
}

/** The task named `name`, loaded. */
export async function loadTask<N extends TaskName>(
  name: N,
): Promise<WorkerTask<SharedOf<N>, ItemOf<N>, ResultOf<N>>> {
  return (await TASKS[name]()) as unknown as WorkerTask<SharedOf<N>, ItemOf<N>, ResultOf<N>>;
}
