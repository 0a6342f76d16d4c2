import type { QuestionFindings } from '../../../schemas/findings.js';
import { contentWords } from '../../nlp/tokenise.js';
import { alignmentScores } from '../../nlp/word-alignment.js';
import type { SynthesisCorpus, SynthesisPassage } from './corpus.js';
import { nothingToChangeOf } from './nothing-answers.js';
import { mappedByField } from './question-match.js';
import { scopedPoints, themeCounts } from './scoped.js';
import { questionStance } from './stance-findings.js';
import { statementsOf } from './statement-groups.js';
import { supportOf } from './support.js';

/**
 * What contributors said on each guiding question. Passages are mapped by the input's question
 * field when most carry one; else, with one question, all answer it; else each goes to the
 * question whose words its words align with best (none when no word aligns).
 */
export function questionFindings(corpus: SynthesisCorpus): QuestionFindings[] {
  const { questions } = corpus.config;
  if (questions.length === 0) return [];
  const { mapping, questionOf } = mapQuestions(corpus);
  return questions.map((question, q) => {
    // Same mapping as questionScopes, which the grounding checks use.
    const passages = corpus.passages.filter((p) => questionOf[p.index] === q);
    return {
      questionId: question.id,
      text: question.text,
      mapping,
      passages: passages.length,
      ...supportOf(passages),
      themes: questionThemes(corpus, passages),
      keyPoints: scopedPoints(corpus, passages, 3),
      proposals: statementsOf(passages, corpus.readings).proposals.slice(0, 3),
      stance: questionStance(question.text, passages, corpus.readings),
      nothingToChange: nothingToChangeOf(corpus.nothingAnswers, question, passages, mapping),
    };
  });
}

/**
 * Every top-level theme holding some of a question's passages, most passages first, with how
 * many of the question's passages and contributions (as the question's own count) it holds.
 */
function questionThemes(
  corpus: SynthesisCorpus,
  passages: readonly SynthesisPassage[],
): QuestionFindings['themes'] {
  const inScope = new Set(passages.map((p) => p.id));
  return themeCounts(corpus, passages).map((count) => {
    const members = (corpus.themeById.get(count.themeId)?.passageIds ?? []).flatMap((id) =>
      inScope.has(id) ? (corpus.byId.get(id) ?? []) : [],
    );
    return { ...count, contributions: supportOf(members).contributions };
  });
}

/** The passage ids that answer each guiding question, by question id (see `questionFindings`). */
export function questionScopes(corpus: SynthesisCorpus): Map<string, Set<string>> {
  const { questionOf } = mapQuestions(corpus);
  return new Map(
    corpus.config.questions.map((question, q) => [
      question.id,
      new Set(corpus.passages.filter((p) => questionOf[p.index] === q).map((p) => p.id)),
    ]),
  );
}

interface QuestionMap {
  mapping: QuestionFindings['mapping'];
  questionOf: Int32Array;
}

/** Each corpus's question map, so the findings and the grounding checks align words once. */
const mapped = new WeakMap<SynthesisCorpus, QuestionMap>();

function mapQuestions(corpus: SynthesisCorpus): QuestionMap {
  const known = mapped.get(corpus);
  if (known) return known;
  const map = questionMap(corpus);
  mapped.set(corpus, map);
  return map;
}

function questionMap(corpus: SynthesisCorpus): QuestionMap {
  const { questions, language } = corpus.config;
  const { passages } = corpus;
  const ids = questions.map((q) => q.id);
  const withField = passages.filter((p) => p.questionId !== null).length;
  if (mappedByField(withField, passages.length)) {
    return {
      mapping: 'field',
      questionOf: Int32Array.from(passages, (p) =>
        p.questionId === null ? -1 : ids.indexOf(p.questionId),
      ),
    };
  }
  if (questions.length === 1) {
    return { mapping: 'only-question', questionOf: new Int32Array(passages.length) };
  }
  const scores = alignmentScores(
    passages.map((p) => contentWords(p.text, p.language)),
    questions.map((q) => contentWords(q.text, language)),
    corpus.words,
    language,
  );
  return {
    mapping: 'similarity',
    questionOf: Int32Array.from(passages, (p) => best(scores.data, p, ids.length)),
  };
}

function best(scores: Float32Array, passage: SynthesisPassage, count: number): number {
  let choice = -1;
  let top = 0;
  for (let q = 0; q < count; q++) {
    const score = scores[passage.index * count + q] as number;
    if (score > top) [choice, top] = [q, score];
  }
  return choice;
}
