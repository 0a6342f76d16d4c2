import type { ThemeFindings } from '../../../schemas/findings.js';
import { countPhase } from '../../progress-counter.js';
import { throwIfAborted } from '../../stage.js';
import type { Synthesiser } from '../synthesiser.js';
import { crossCutting } from './cross-cutting.js';
import { executiveSummary } from './executive.js';
import { OPINION_GROUPS_METHOD } from './opinion-groups.js';
import { questionFindings } from './questions.js';
import { THEME_FINDING_PARTS, themeFindings } from './theme-findings.js';
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
    async synthesise(corpus, { signal, subject, reused, progress }) {
      const themes: ThemeFindings[] = [];
      const sizes = corpus.themes.themes.map((theme) => theme.passageIds.length);
      const read = countPhase(
        progress,
        'themes',
        'passages',
        sizes.reduce((a, b) => a + b, 0),
      );
      for (const [t, theme] of corpus.themes.themes.entries()) {
        throwIfAborted(signal, 'Synthesis');
        // A large theme takes long: its passages count a share at each part done.
        const size = sizes[t] as number;
        let counted = 0;
        const part = () => {
          const share = Math.min(size, counted + Math.ceil(size / THEME_FINDING_PARTS));
          read.add(share - counted);
          counted = share;
        };
        themes.push(reused?.get(theme.id) ?? themeFindings(corpus, theme, subject, part));
        read.add(size - counted);
      }
      const across = countPhase(progress, 'across themes', 'steps', 4);
      const questions = questionFindings(corpus);
      across.add();
      const executive = executiveSummary(corpus, themes, questions);
      across.add();
      const cross = crossCutting(corpus, subject);
      across.add();
      const weeks = weekDigests(corpus);
      across.add();
      return {
        synthesiser: { kind: 'offline', name: this.name },
        totals: {
          contributions: corpus.keptContributions.length,
          participants: corpus.participantCount,
          identifiedParticipants: corpus.identifiedParticipantCount,
          passages: corpus.passages.length,
        },
        executiveSummary: executive,
        themes,
        questions,
        crossCutting: cross,
        weeks,
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
