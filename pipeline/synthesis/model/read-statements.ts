/**
 * The model's reading of a corpus before its findings are built: the kinds of every distinct
 * sentence of its passages (under the question its passage answers), and the position of every
 * contribution answering a yes/no question. What the model does not read validly is left to the
 * rules, and counted.
 */
import type { Consultation } from '../../../schemas/consultation.js';
import type { ReadingCounts } from '../../../schemas/findings.js';
import type { LlmService } from '../../llm/llm-service.js';
import type { SynthesisCorpus, SynthesisPassage } from '../findings/corpus.js';
import { questionScopes } from '../findings/questions.js';
import { asksYesOrNo } from '../reading/answer-openings.js';
import type { StatementKind } from '../reading/reader.js';
import { positionKey, type Readings } from '../reading/readings.js';
import { sentencesOf } from '../reading/sentences.js';
import type { Position } from '../reading/stance.js';
import { type ReadingOptions, readKinds, readPositions } from './statement-reading.js';

/** The model's readings of a corpus, and how many items it read and left to the rules. */
export async function readStatements(
  corpus: SynthesisCorpus,
  llm: LlmService,
  options: ReadingOptions,
): Promise<{ readings: Readings; counts: ReadingCounts }> {
  const questionOf = passageQuestions(corpus);
  const sentences = new Map<string | null, string[]>();
  const seen = new Set<string>();
  for (const passage of corpus.passages) {
    const question = questionOf.get(passage.id) ?? null;
    for (const { text } of sentencesOf(passage.text, passage.language)) {
      if (seen.has(text)) continue;
      seen.add(text);
      const list = sentences.get(question?.text ?? null);
      if (list) list.push(text);
      else sentences.set(question?.text ?? null, [text]);
    }
  }
  const kinds = new Map<string, StatementKind[]>();
  const positions = new Map<string, Position>();
  const [readKindsByQuestion, readPositionsByQuestion] = await Promise.all([
    Promise.all(
      [...sentences].map(([question, texts]) => readKinds(texts, question, llm, options)),
    ),
    Promise.all(
      yesNoQuestions(corpus.config).map(async (question) => {
        const answers = contributionTexts(
          corpus.passages,
          (p) => questionOf.get(p.id) === question,
        );
        const read = await readPositions([...answers.values()], question.text, llm, options);
        return { question, answers, read };
      }),
    ),
  ]);
  for (const read of readKindsByQuestion) for (const [text, k] of read) kinds.set(text, k);
  let asked = 0;
  for (const { question, answers, read } of readPositionsByQuestion) {
    asked += answers.size;
    for (const [id, text] of answers) {
      const position = read.get(text);
      if (position !== undefined) positions.set(positionKey(question.text, id), position);
    }
  }
  return {
    readings: { kinds, positions },
    counts: {
      model: options.model,
      sentences: { model: kinds.size, rules: seen.size - kinds.size },
      positions: { model: positions.size, rules: asked - positions.size },
    },
  };
}

type Question = Consultation['questions'][number];

/** The guiding question each passage answers, mapped as the question findings map them. */
function passageQuestions(corpus: SynthesisCorpus): Map<string, Question> {
  const scopes = questionScopes(corpus);
  const questionOf = new Map<string, Question>();
  for (const question of corpus.config.questions) {
    for (const id of scopes.get(question.id) ?? []) {
      if (!questionOf.has(id)) questionOf.set(id, question);
    }
  }
  return questionOf;
}

/** The guiding questions that ask for a yes or a no. */
function yesNoQuestions(config: Consultation): Question[] {
  return config.questions.filter((question) => asksYesOrNo(question.text));
}

/** The whole text of each contribution with a passage that `answers`, by contribution id. */
function contributionTexts(
  passages: readonly SynthesisPassage[],
  answers: (passage: SynthesisPassage) => boolean,
): Map<string, string> {
  const answering = new Set(passages.filter(answers).map((p) => p.contributionId));
  const parts = new Map<string, string[]>();
  for (const passage of passages) {
    if (!answering.has(passage.contributionId)) continue;
    const list = parts.get(passage.contributionId);
    if (list) list.push(passage.text);
    else parts.set(passage.contributionId, [passage.text]);
  }
  return new Map([...parts].map(([id, texts]) => [id, texts.join(' ')]));
}
