import { describe, expect, it } from 'vitest';
import { cleanText } from '../../pipeline/clean/clean-text.js';
import { htmlToText, markdownToText } from '../../pipeline/nlp/markup.js';

const OPTIONS = {
  redact: { emails: false, phones: false, personalUrls: false, allUrls: false },
  stripBoilerplate: true,
};

describe('images keep their alt text and list their address', () => {
  it('writes an HTML image as [image: alt] and lists its src and title', () => {
    const html =
      '<p>Trees <img src="https://img.example/oaks.png" alt="a row of  oaks" title="Oaks"> here</p>';
    expect(htmlToText(html)).toEqual({
      text: 'Trees [image: a row of oaks] here',
      dropped: [
        { text: 'https://img.example/oaks.png', at: 28 },
        { text: 'Oaks', at: 28 },
      ],
    });
  });

  it('writes a Markdown image the same way', () => {
    expect(
      markdownToText('Look: ![a *map* of the park](https://img.example/map.png "Map")'),
    ).toEqual({
      text: 'Look: [image: a map of the park]',
      dropped: [
        { text: 'https://img.example/map.png', at: 32 },
        { text: 'Map', at: 32 },
      ],
    });
  });

  it('writes nothing for an image without alt text, but lists its src', () => {
    const { text, removed } = cleanText(
      'Buses <img src=x onerror=alert(1)> at rush hour.',
      'html',
      OPTIONS,
    );
    expect(text).toBe('Buses at rush hour.');
    expect(removed).toEqual([{ kind: 'markup', text: 'x', at: 5 }]);
  });
});

describe('link addresses the contributor wrote stay text', () => {
  it('keeps a Markdown link target after its text, and lists its title', () => {
    expect(markdownToText('See [the plan](https://council.example/plan "The plan").')).toEqual({
      text: 'See the plan (https://council.example/plan).',
      dropped: [{ text: 'The plan', at: 43 }],
    });
  });

  it('keeps an HTML link target after its text, and lists its title after it', () => {
    expect(
      htmlToText('See <a href="https://x.org/a?b=1&amp;c=2" title="Plan">the plan</a>.'),
    ).toEqual({
      text: 'See the plan (https://x.org/a?b=1&c=2).',
      dropped: [{ text: 'Plan', at: 38 }],
    });
  });

  it('keeps an HTML link target across Markdown inline HTML tokens', () => {
    expect(markdownToText('See <a href="https://x.org">the *plan*</a> now').text).toBe(
      'See the plan (https://x.org) now',
    );
  });

  it('writes the address once when the link text already shows it', () => {
    expect(
      markdownToText('[www.x.org](https://www.x.org/) and <https://y.org> and z.org/').text,
    ).toBe('www.x.org and https://y.org and z.org/');
    expect(htmlToText('<a href="mailto:ana@x.org">ana@x.org</a>').text).toBe('ana@x.org');
  });

  it('writes the address alone for a link without text', () => {
    expect(htmlToText('Map: <a href="https://x.org/map"><img src="m.png"></a>').text).toBe(
      'Map: https://x.org/map',
    );
  });

  it('lists a target that is not an address (fragment, relative path, script)', () => {
    const { text, removed } = cleanText(
      '[top](#top), [docs](/docs) and [click](javascript:alert(1))',
      'markdown',
      OPTIONS,
    );
    expect(text).toBe('top, docs and click');
    expect(removed).toEqual([
      { kind: 'markup', text: '#top', at: 3 },
      { kind: 'markup', text: '/docs', at: 9 },
      { kind: 'markup', text: 'javascript:alert(1)', at: 19 },
    ]);
  });

  it('keeps the address of a link that never closes at the end', () => {
    expect(htmlToText('<p><a href="https://x.org">the plan</p>').text).toBe(
      'the plan (https://x.org)',
    );
  });
});

describe('Markdown reference definitions stay text where they were written', () => {
  it('keeps each definition as a line, and the reference as its text', () => {
    const md =
      'See [the plan][1] and [Two].\n\n[1]: https://council.example/plan "The plan"\n[Two]: <http://q.org>\n';
    expect(markdownToText(md)).toEqual({
      text: 'See the plan and Two.\n\n[1]: https://council.example/plan "The plan"\n[Two]: <http://q.org>',
      dropped: [],
    });
  });
});

describe('other Markdown that carried words', () => {
  it("keeps task list boxes: ticked or not is the contributor's answer", () => {
    expect(markdownToText('- [x] more buses\n- [ ] more parking').text).toBe(
      '[x] more buses\n[ ] more parking',
    );
  });

  it('lists the info string of a fenced code block', () => {
    expect(markdownToText('```python\nprint(1)\n```')).toEqual({
      text: 'print(1)',
      dropped: [{ text: 'python', at: 0 }],
    });
  });
});
