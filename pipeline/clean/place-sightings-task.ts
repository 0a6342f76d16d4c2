// What the name finder learns of places from each text, as a worker task (see `placeSighter`).
import { placeSighter } from '../nlp/name-places.js';
import { firstNameLists } from '../nlp/person-names.js';
import type { WorkerTask } from '../workers/worker-task.js';

/** Each text's sightings of words used as places' names, with the first names of `languages`. */
export const placeSightingsTask: WorkerTask<{ languages: string[] }, string, string[]> = {
  async prepare({ languages }) {
    const sight = placeSighter(await firstNameLists(languages));
    return (texts) => texts.map(sight);
  },
};
