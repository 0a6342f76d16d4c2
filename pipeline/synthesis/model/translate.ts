import { languageName, TranslationsAnswer } from '../../llm/answers.js';
import { askForEach } from '../../llm/ask-for-each.js';
import { dataBlock, referenced } from '../../llm/data-block.js';
import type { LlmService } from '../../llm/llm-service.js';
import type { SynthesisCorpus, SynthesisPassage } from '../findings/corpus.js';
import { itemTokens } from './model-writing.js';

/** Tokens of passages translated in one request (the reply is about as long again). */
const TRANSLATION_BUDGET = 1500;

/**
 * The corpus with every passage not in the consultation's language translated by the model, so
 * that synthesis reads one language. Originals stay: they are what the brief quotes, and the
 * grounding checks accept a finding's words from either. A passage the model leaves out is
 * asked about on its own, and stays untranslated after that.
 */
export async function translatePassages(
  corpus: SynthesisCorpus,
  llm: LlmService,
  model: string,
): Promise<{ corpus: SynthesisCorpus; translated: number }> {
  const language = corpus.config.language;
  const foreign = corpus.passages.filter((p) => p.language !== '' && p.language !== language);
  if (foreign.length === 0) return { corpus, translated: 0 };
  const translations = await askForEach(foreign, {
    budget: TRANSLATION_BUDGET,
    maxItems: 20,
    tokens: (p) => itemTokens(llm, p.text),
    ask: async (batch) => {
      const { items, byRef: refs } = referenced('P', batch, (p) => p.text);
      const { value, from } = await llm.ask({
        task: 'translations',
        model,
        slots: {
          language: languageName(language),
          data: dataBlock(items),
        },
        schema: TranslationsAnswer,
        fallback: { translations: items },
      });
      // No answer (a dry run, or replies that kept breaking the schema): the originals stay.
      if (from === 'fallback') return new Map(batch.map((p) => [p, null]));
      const usable = new Map<SynthesisPassage, string | null>();
      for (const entry of value.translations) {
        const passage = refs.get(entry.ref);
        if (passage && entry.text.trim()) usable.set(passage, entry.text.trim());
      }
      return usable;
    },
  });
  const passages = corpus.passages.map((p) => {
    const translation = translations.get(p);
    return translation ? { ...p, translation } : p;
  });
  return {
    corpus: { ...corpus, passages, byId: new Map(passages.map((p) => [p.id, p])) },
    translated: passages.filter((p) => p.translation !== null).length,
  };
}
