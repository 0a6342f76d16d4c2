import type { ThemeFindings } from '../../../schemas/findings.js';
import { throwIfAborted } from '../../stage.js';
import type { Synthesiser } from '../synthesiser.js';
import { crossCutting } from './cross-cutting.js';
import { executiveSummary } from './executive.js';
import { OPINION_GROUPS_METHOD } from './opinion-groups.js';
import { questionFindings } from './questions.js';
import { themeFindings } from './theme-findings.js';
import { weekDigests } from './weeks.js';

/**
 * The offline synthesiser: extractive and template-based. Every statement is a contributor's
 * own sentence (the most typical of the passages making a point) or a fixed frame around such
 * sentences and counted figures; it paraphrases nothing, so it never says what the passages do
 * not.
 */
export function createOfflineSynthesiser(): Synthesiser {
  return {
    kind: 'offline',
    name: 'offline (extractive, template-based)',
    async synthesise(corpus, { signal, subject, reused }) {
      const themes: ThemeFindings[] = [];
      for (const theme of corpus.themes.themes) {
        throwIfAborted(signal, 'Synthesis');
        themes.push(reused?.get(theme.id) ?? themeFindings(corpus, theme, subject));
      }
      const questions = questionFindings(corpus);
      return {
        synthesiser: { kind: 'offline', name: this.name },
        totals: {
          contributions: corpus.keptContributions.length,
          participants: corpus.participantCount,
          identifiedParticipants: corpus.identifiedParticipantCount,
          passages: corpus.passages.length,
        },
        executiveSummary: executiveSummary(corpus, themes, questions),
        themes,
        questions,
        crossCutting: crossCutting(corpus, subject),
        weeks: weekDigests(corpus),
        opinionGroups: corpus.opinions
          ? {
              sizes: corpus.opinions.sizes,
              method: OPINION_GROUPS_METHOD,
            }
          : null,
      };
    },
  };
}
