import { describe, expect, it } from 'vitest';
import { cleanContributions } from '../../pipeline/stages/clean.js';
import { ingestContributions } from '../../pipeline/stages/ingest.js';
import { createTestContext, memorySource } from '../helpers/context.js';

const CSV = [
  'id,title,body',
  '1,Parking,There is nowhere to park near the station.',
  '2,,"Buses stop running at nine, far too early."',
  '3,Bike lanes,',
  '4,  ,  ',
].join('\n');

function context(text: string | string[]) {
  return createTestContext({ input: { files: ['posts.csv'], fields: { id: 'id', text } } });
}

describe('text from several columns (input.fields.text as a list)', () => {
  it('joins the non-blank values with a blank line, in the order given', async () => {
    const { output } = await ingestContributions(
      [memorySource('posts.csv', CSV)],
      context(['title', 'body']),
    );
    expect(output.map((c) => c.text)).toEqual([
      'Parking\n\nThere is nowhere to park near the station.',
      'Buses stop running at nine, far too early.',
      'Bike lanes',
      '',
    ]);
    const reversed = await ingestContributions(
      [memorySource('posts.csv', CSV)],
      context(['body', 'title']),
    );
    expect(reversed.output[0]?.text).toBe('There is nowhere to park near the station.\n\nParking');
  });

  it('leaves a row whose columns are all blank an empty contribution, as one column does', async () => {
    const joined = context(['title', 'body']);
    const { output } = await ingestContributions([memorySource('posts.csv', CSV)], joined);
    const clean = await cleanContributions(output, joined);
    const single = context('body');
    const alone = await ingestContributions([memorySource('posts.csv', 'id,body\n4,  \n')], single);
    const aloneClean = await cleanContributions(alone.output, single);
    const last = clean.output.find((r) => r.id === '4');
    expect(last?.status).toBe('excluded');
    expect(last).toEqual({ ...aloneClean.output[0], id: '4' });
    expect(clean.output.find((r) => r.id === '1')?.status).toBe('kept');
  });

  it('names the missing column by its place in the list', async () => {
    await expect(
      ingestContributions([memorySource('posts.csv', CSV)], context(['title', 'Body '])),
    ).rejects.toThrow(
      'posts.csv: column "Body " (input.fields.text[1]) not found; columns are: id, title, body; did you mean "body"?',
    );
  });

  it('refuses an empty list in the config', () => {
    expect(() => context([])).toThrow(/List at least one text column/);
  });
});
