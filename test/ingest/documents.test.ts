import { describe, expect, it } from 'vitest';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import { createTestContext, fileSource, memorySource } from '../helpers/context.js';

const FIXTURES = 'test/fixtures/ingest';

function documentContext(file: string) {
  // The table mapping must not apply to documents: `text: body` would fail if it did.
  return createTestContext({ input: { files: [file], fields: { id: 'id', text: 'body' } } });
}

describe('Markdown ingest', () => {
  it('splits at level-2 headings, not at a heading inside a code block', async () => {
    const ctx = documentContext('discussion.md');
    const { output } = await ingestContributions(
      [await fileSource(`${FIXTURES}/discussion.md`)],
      ctx,
    );
    expect(output.map((c) => [c.metadata.title, c.source.line])).toEqual([
      ['Amina, Nairobi', 5],
      ['Jonas — Berlin', 15],
      ['Empty heading', 20],
      ['Last one', 22],
    ]);
    const [amina, jonas, empty, last] = output;
    expect(amina?.text).toBe(
      'Justice must be **accessible** in rural areas.\n\n```markdown\n## This is inside a code block and must not split\n```\n\nMobile courts would help.',
    );
    expect(amina?.markup).toBe('markdown');
    expect(jonas?.text).toBe('1. Fund legal aid.\n2. Train paralegals.');
    expect(empty?.text).toBe('');
    expect(last?.text).toBe('A final word.');
    expect(ctx.logger.of('info')).toEqual([
      'discussion.md: lines 1-4 before the first level-2 heading are not a contribution',
    ]);
  });

  it('gives sections stable ids derived from file, position and text', async () => {
    const source = await fileSource(`${FIXTURES}/discussion.md`);
    const first = await ingestContributions([source], documentContext('discussion.md'));
    const again = await ingestContributions([source], documentContext('discussion.md'));
    const ids = first.output.map((c) => c.id);
    expect(ids).toEqual(again.output.map((c) => c.id));
    expect(new Set(ids).size).toBe(4);
    expect(ids.every((id) => /^[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it('splits at another heading level when asked', async () => {
    const md = '# One\ntext one\n## sub\nstill one\n# Two\ntext two\n';
    const ctx = documentContext('h1.md');
    const { output } = await ingestContributions(
      [memorySource('h1.md', md, { headingLevel: 1 })],
      ctx,
    );
    expect(output.map((c) => [c.metadata.title, c.text])).toEqual([
      ['One', 'text one\n## sub\nstill one'],
      ['Two', 'text two'],
    ]);
  });

  it('splits at separator lines outside code blocks, titling a section by its leading heading', async () => {
    const md = 'First post\n\n***\n\n### Second\nbody\n```\n***\n```\n***\nThird\n';
    const ctx = documentContext('posts.md');
    const source = memorySource('posts.md', md, { separator: '^\\*{3}$' });
    const { output } = await ingestContributions([source], ctx);
    expect(output.map((c) => [c.metadata.title ?? null, c.text, c.source.line])).toEqual([
      [null, 'First post', 1],
      ['Second', 'body\n```\n***\n```', 5],
      [null, 'Third', 11],
    ]);
  });

  it('reads a file with no heading as one contribution, with a warning', async () => {
    const ctx = documentContext('note.md');
    const { output } = await ingestContributions(
      [memorySource('note.md', 'Just *one* note.\n')],
      ctx,
    );
    expect(output.map((c) => c.text)).toEqual(['Just *one* note.']);
    expect(ctx.logger.of('warn')).toEqual([
      'note.md: no level-2 heading found; read the whole file as one contribution',
    ]);
  });
});

describe('HTML ingest', () => {
  it('splits at <h2>, keeping raw markup (a <script> too) and decoding the title', async () => {
    const ctx = documentContext('discussion.html');
    const { output } = await ingestContributions(
      [await fileSource(`${FIXTURES}/discussion.html`)],
      ctx,
    );
    expect(output.map((c) => [c.metadata.title, c.source.line, c.markup])).toEqual([
      ['Amina & friends', 7, 'html'],
      ['Jonas', 10, 'html'],
    ]);
    expect(output[0]?.text).toBe(
      '<p>Justice must be <em>accessible</em>.</p>\n<script>var banner = "<h2>not a heading</h2>";</script>',
    );
    expect(output[1]?.text).toBe(
      '<div><p>Fund legal aid.</p>\n<h3>A sub-heading that does not split</h3>\n<p>Train paralegals.</p></div>\n</body>\n</html>',
    );
  });

  it('splits at source lines matching a separator when one is given', async () => {
    const html = '<p>One</p>\n<hr>\n<p>Two</p>\n<hr/>\n';
    const ctx = documentContext('a.html');
    const source = memorySource('a.htm', html, { separator: '^<hr\\s*/?>$' });
    const { output } = await ingestContributions([source], ctx);
    expect(output.map((c) => c.text)).toEqual(['<p>One</p>', '<p>Two</p>']);
  });
});

describe('plain text ingest', () => {
  it('splits at the default separator lines, skipping empty stretches', async () => {
    const ctx = documentContext('submissions.txt');
    const { output } = await ingestContributions(
      [await fileSource(`${FIXTURES}/submissions.txt`)],
      ctx,
    );
    expect(output.map((c) => [c.text, c.source.line, c.markup])).toEqual([
      ['Submission from the Bar Association.\nCourts need more judges.', 1, 'plain'],
      ['Submission from a citizen:\nI waited three years for a hearing.', 4, 'plain'],
      ['Last submission.', 10, 'plain'],
    ]);
    expect(output[0]?.metadata).toEqual({});
  });

  it('uses a custom separator and reports an invalid one', async () => {
    const text = 'a\n%%\nb\n';
    const ctx = documentContext('s.txt');
    const { output } = await ingestContributions(
      [memorySource('s.txt', text, { separator: '^%%$' })],
      ctx,
    );
    expect(output.map((c) => c.text)).toEqual(['a', 'b']);
    await expect(
      ingestContributions([memorySource('s.txt', text, { separator: '^(%%$' })], ctx),
    ).rejects.toThrow(/^s\.txt: separator "\^\(%%\$" is not a valid regular expression \(/);
  });

  it('rejects a file of whitespace as empty', async () => {
    const ctx = documentContext('blank.txt');
    await expect(ingestContributions([memorySource('blank.txt', ' \n\t\n')], ctx)).rejects.toThrow(
      'blank.txt: the file is empty',
    );
  });
});
