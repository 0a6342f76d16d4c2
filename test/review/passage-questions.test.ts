import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeRun } from '../../bench/review.js';
import { corpusSession, reviewCorpus } from '../../bench/review-corpus.js';
import { indexPassages } from '../../pipeline/review/passage-index.js';

describe("a passage's question in the review app", () => {
  it('is the guiding question its value names, by id or text, case and spacing aside', async () => {
    const corpus = reviewCorpus(10);
    const run = await fakeRun(await mkdtemp(join(tmpdir(), 'brief-passage-question-')));
    const question = run.config.config.questions[0];
    if (!question) throw new Error('the example has a question');
    const [byId, loose, other] = corpus.contributions;
    if (!byId || !loose || !other) throw new Error('too few contributions');
    byId.question = question.id;
    loose.question = `  ${question.text.toUpperCase().replace(/ /g, '  ')} `;
    other.question = 'Something else entirely?';
    const passages = indexPassages(corpusSession(run, corpus));
    expect(passages.facts(byId.id).question).toBe(question.text);
    expect(passages.facts(loose.id).question).toBe(question.text);
    expect(passages.facts(other.id).question).toBe('Something else entirely?');
  });
});
