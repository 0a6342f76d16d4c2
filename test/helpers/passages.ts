/** Synthesis passages for unit tests of the findings. */
import type { SynthesisPassage } from '../../pipeline/synthesis/findings/corpus.js';

let next = 0;

/** An English passage of its own contribution and participant, numbered in order of making. */
export function ownPassage(text: string): SynthesisPassage {
  next++;
  return {
    id: `c${next}#1`,
    index: next,
    text,
    language: 'en',
    translation: null,
    contributionId: `c${next}`,
    voices: [`c${next}`],
    participants: [`a${next}`],
    date: null,
    week: -1,
    voiceWeeks: [],
    questionId: null,
    votes: null,
  };
}

/** An English passage that is its own contribution, named `id`, by participant `p-<id>`. */
export function namedPassage(id: string, text: string): SynthesisPassage {
  return {
    id,
    index: 0,
    text,
    language: 'en',
    translation: null,
    contributionId: id,
    voices: [id],
    participants: [`p-${id}`],
    date: null,
    week: -1,
    voiceWeeks: [],
    questionId: null,
    votes: null,
  };
}
