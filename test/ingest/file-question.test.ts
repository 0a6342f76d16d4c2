import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConsultation } from '../../pipeline/config.js';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import { createQuestionMatcher } from '../../pipeline/synthesis/findings/question-match.js';
import { createTestContext, memorySource } from '../helpers/context.js';

const QUESTIONS = 'questions: [What works well?, How could we improve?]\n';

async function load(files: string) {
  const dir = await mkdtemp(join(tmpdir(), 'brief-file-question-'));
  const path = join(dir, 'consultation.yaml');
  await writeFile(
    path,
    `title: T\n${QUESTIONS}input:\n  fields: { question: question }\n  files:\n${files}`,
  );
  return loadConsultation(path);
}

describe("a file's question", () => {
  it("matches a guiding question ignoring case and spacing, as a record's question does", async () => {
    const loaded = await load(
      '    - { path: improve.csv, question: "how could we improve?  " }\n    - { path: rows.csv }\n',
    );
    const ctx = createTestContext({
      questions: loaded.config.questions,
      input: { files: ['improve.csv', 'rows.csv'], fields: { question: 'question' } },
    });
    const fileSpec = loaded.config.input.files[0];
    const { output } = await ingestContributions(
      [
        memorySource('improve.csv', 'text\nLonger opening hours.\n', {
          question: fileSpec?.question,
        }),
        memorySource(
          'rows.csv',
          'text,question\nMore staff.,"how could we improve?  "\nFriendly.,q1\n',
        ),
      ],
      ctx,
    );
    const matcher = createQuestionMatcher(loaded.config.questions);
    expect(output.map((c) => matcher.match(c.question))).toEqual(['q2', 'q2', 'q1']);
    expect(matcher.unmatched().count).toBe(0);
  });

  it('is a config error naming the file entry when it matches no question', async () => {
    const error = await load(
      '    - { path: a.csv, question: "How could we improve things?" }\n',
    ).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(error).toContain(
      'input.files[0].question: "How could we improve things?" is not one of the questions\' ids or texts, even ignoring case and spacing (q1, q2)',
    );
  });
});
