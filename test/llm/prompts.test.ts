import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadPrompt,
  PROMPT_TASKS,
  PromptError,
  parsePrompt,
  promptHashes,
  renderPrompt,
} from '../../pipeline/llm/prompts.js';
import { PACKAGE_ROOT } from '../../pipeline/package-info.js';

const HEX64 = /^[0-9a-f]{64}$/;

function fileText(task: string): string {
  return readFileSync(join(PACKAGE_ROOT, 'prompts', `${task}.md`), 'utf8');
}

const TEMPLATE = [
  '# system',
  '',
  'You write in {{language}}.',
  '',
  '# user',
  'Title: {{ title }}',
  '{{data}}',
  'Again: {{title}}',
].join('\n');

describe('loadPrompt', () => {
  it.each(PROMPT_TASKS)('loads prompts/%s.md with system and user text and its hash', (task) => {
    const prompt = loadPrompt(task);
    expect(prompt.task).toBe(task);
    expect(prompt.system.length).toBeGreaterThan(20);
    expect(prompt.user.length).toBeGreaterThan(0);
    // The section headings are not part of the messages.
    expect(prompt.system).not.toMatch(/^# (system|user)\s*$/m);
    expect(prompt.user).not.toMatch(/^# (system|user)\s*$/m);
    expect(prompt.hash).toMatch(HEX64);
    expect(prompt.hash).toBe(createHash('sha256').update(fileText(task)).digest('hex'));
    // Every prompt takes its data through at least one slot.
    expect(prompt.slots.size).toBeGreaterThan(0);
  });

  it.each(PROMPT_TASKS)('renders %s with all its slots filled and none left over', (task) => {
    const prompt = loadPrompt(task);
    const values = Object.fromEntries([...prompt.slots].map((slot) => [slot, `<${slot}-value>`]));
    const messages = renderPrompt(prompt, values);
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    const all = messages.map((m) => m.content).join('\n');
    expect(all).not.toMatch(/\{\{/);
    for (const slot of prompt.slots) expect(all).toContain(`<${slot}-value>`);
  });

  it('reads a prompt once per process', () => {
    expect(loadPrompt('theme-labels')).toBe(loadPrompt('theme-labels'));
  });
});

describe('parsePrompt', () => {
  it('splits the sections, trims them and finds the slots', () => {
    const prompt = parsePrompt('theme-notes', TEMPLATE);
    expect(prompt.system).toBe('You write in {{language}}.');
    expect(prompt.user).toBe('Title: {{ title }}\n{{data}}\nAgain: {{title}}');
    expect([...prompt.slots].sort()).toEqual(['data', 'language', 'title']);
  });

  it('rejects a file without sections', () => {
    expect(() => parsePrompt('theme-notes', 'Just some text with {{data}}.')).toThrow(PromptError);
    expect(() => parsePrompt('theme-notes', 'Just some text.')).toThrow(
      /prompts\/theme-notes\.md needs a "# system" and a "# user" section/,
    );
  });

  it('rejects a file missing one section or with an empty one', () => {
    expect(() => parsePrompt('week-digest', '# system\nBe brief.\n')).toThrow(PromptError);
    expect(() => parsePrompt('week-digest', '# user\n{{data}}\n')).toThrow(PromptError);
    expect(() => parsePrompt('week-digest', '# system\nBe brief.\n# user\n   \n\n')).toThrow(
      PromptError,
    );
    // A deeper heading is not a section.
    expect(() => parsePrompt('week-digest', '## system\nBe brief.\n## user\n{{data}}')).toThrow(
      PromptError,
    );
  });

  it('hashes the file text: the same text gives the same hash, a changed text another', () => {
    const a = parsePrompt('theme-notes', TEMPLATE);
    const b = parsePrompt('theme-notes', TEMPLATE);
    const changed = parsePrompt('theme-notes', TEMPLATE.replace('You write', 'You now write'));
    // Even a change that leaves the trimmed messages alone changes the hash.
    const trailing = parsePrompt('theme-notes', `${TEMPLATE}\n`);
    expect(a.hash).toMatch(HEX64);
    expect(b.hash).toBe(a.hash);
    expect(changed.hash).toMatch(HEX64);
    expect(changed.hash).not.toBe(a.hash);
    expect(trailing.user).toBe(a.user);
    expect(trailing.hash).not.toBe(a.hash);
  });
});

describe('renderPrompt', () => {
  const prompt = parsePrompt('theme-notes', TEMPLATE);

  it('fills every slot, with or without spaces inside the braces, as often as it occurs', () => {
    const messages = renderPrompt(prompt, {
      language: 'English',
      title: 'Water',
      data: 'line 1\nline 2',
    });
    expect(messages).toEqual([
      { role: 'system', content: 'You write in English.' },
      { role: 'user', content: 'Title: Water\nline 1\nline 2\nAgain: Water' },
    ]);
  });

  it('inserts values literally: no replacement patterns, no slots inside values', () => {
    const [, user] = renderPrompt(prompt, {
      language: 'English',
      title: "$& $1 $$ $` $'",
      data: '{{language}}',
    });
    expect(user?.content).toBe("Title: $& $1 $$ $` $'\n{{language}}\nAgain: $& $1 $$ $` $'");
  });

  it('throws a PromptError naming both unknown and missing slots', () => {
    let caught: unknown;
    try {
      renderPrompt(prompt, { language: 'English', titel: 'Water', extra: 'x' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PromptError);
    const message = (caught as PromptError).message;
    expect(message).toContain('prompts/theme-notes.md');
    expect(message).toMatch(/unknown slot\(s\) titel, extra/);
    expect(message).toMatch(/missing slot\(s\) (title, data|data, title)/);
    expect((caught as PromptError).name).toBe('PromptError');
  });

  it('throws for only missing or only unknown slots', () => {
    expect(() => renderPrompt(prompt, { language: 'English', title: 'Water' })).toThrow(
      /missing slot\(s\) data/,
    );
    expect(() => renderPrompt(prompt, { language: 'English', title: 'Water' })).not.toThrow(
      /unknown/,
    );
    expect(() =>
      renderPrompt(prompt, { language: 'English', title: 'Water', data: '', more: '' }),
    ).toThrow(/unknown slot\(s\) more$/);
  });

  it('accepts an empty string as a value', () => {
    const [system] = renderPrompt(prompt, { language: '', title: 'T', data: 'D' });
    expect(system?.content).toBe('You write in .');
  });
});

describe('promptHashes', () => {
  it('returns the hash of every task', () => {
    const hashes = promptHashes(PROMPT_TASKS);
    expect(Object.keys(hashes).sort()).toEqual([...PROMPT_TASKS].sort());
    for (const task of PROMPT_TASKS) {
      expect(hashes[task]).toBe(loadPrompt(task).hash);
      expect(hashes[task]).toMatch(HEX64);
    }
    // Different files, different hashes.
    expect(new Set(Object.values(hashes)).size).toBe(PROMPT_TASKS.length);
  });

  it('returns only the tasks asked for', () => {
    expect(Object.keys(promptHashes(['translations', 'week-digest']))).toEqual([
      'translations',
      'week-digest',
    ]);
    expect(promptHashes([])).toEqual({});
  });
});
