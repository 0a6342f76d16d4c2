// The per-record work of the clean stage as a worker task: clean one text and say whether it is excluded.
import type { ExclusionReason } from '../../schemas/clean-record.js';
import type { Contribution } from '../../schemas/contribution.js';
import { primaryLanguage } from '../nlp/language.js';
import { createNameFinderWithPlaces } from '../nlp/person-names.js';
import type { RedactOptions } from '../nlp/redact.js';
import type { WorkerTask } from '../workers/worker-task.js';
import { type CleanedText, cleanText } from './clean-text.js';
import { exclusionReason } from './exclusions.js';

/** A cleaned text and its exclusion reason (null: kept so far). */
export interface Draft extends CleanedText {
  reason: ExclusionReason | null;
}

/** What cleaning reads of one contribution. */
export type CleanItem = Pick<Contribution, 'text' | 'markup' | 'rejected' | 'language'>;

/** What cleaning every text needs: the config's options, and the name finder's making. */
export interface CleanShared {
  redact: RedactOptions;
  stripBoilerplate: boolean;
  minLetters: number;
  /** The configured language, for texts that declare none. */
  language: string;
  /**
   * When names are redacted: the languages of the name finder and the places it learnt from all
   * contributions (`namePlacesOf`), so each thread rebuilds the same finder.
   */
  names: { languages: string[]; places: string[] } | null;
}

/** Cleans each text (see `cleanText`) and gives its exclusion reason (see `exclusionReason`). */
export const cleanTextsTask: WorkerTask<CleanShared, CleanItem, Draft> = {
  async prepare(shared) {
    const { names } = shared;
    const finder = names && (await createNameFinderWithPlaces(names.languages, names.places));
    return (items, onShare) =>
      items.map(({ text, markup, rejected, language }, i) => {
        const options = {
          redact: shared.redact,
          stripBoilerplate: shared.stripBoilerplate,
          findNames:
            finder && ((t: string) => finder(t, primaryLanguage(language) ?? shared.language)),
        };
        const cleaned = cleanText(text, markup, options, onShare && ((s) => onShare(i, s)));
        const reason = exclusionReason(cleaned.text, rejected, shared.minLetters);
        onShare?.(i, 1);
        return { ...cleaned, reason };
      });
  },
};
