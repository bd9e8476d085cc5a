import { readFileSync } from 'node:fs';
import { cleanInlineMarkdown, parseMarkdown } from './parse-markdown.js';

const handbook = readFileSync(new URL('./__fixtures__/handbook.md', import.meta.url), 'utf8');

describe('parseMarkdown', () => {
  const parsed = parseMarkdown(handbook, 'handbook.md');

  it('takes the title from front matter and leaves the front matter out of the text', () => {
    expect(parsed.title).toBe('Employee Handbook');
    expect(parsed.sections.map((section) => section.text).join('\n')).not.toContain('people-team');
  });

  it('builds heading paths from ATX and setext headings', () => {
    expect(parsed.sections.map((section) => section.headingPath)).toEqual([
      [],
      ['Policies', 'Refunds'],
      ['Policies', 'Shipping'],
      ['Policies', 'Shipping', 'Express delivery'],
      ['Security'],
    ]);
    expect(parsed.sections[1]).toMatchObject({ heading: 'Refunds' });
    expect(parsed.sections[1]?.text).toBe('Refunds are issued within **fourteen days** of a request.\nThe customer must provide the order number.');
  });

  it('keeps a fenced code block whole, blank lines and # lines included', () => {
    const shipping = parsed.sections[2]?.text ?? '';
    expect(shipping).toContain('```bash\n# This is a comment inside a code block, not a heading\nship --express\n\nship --standard\n```');
  });

  it('falls back to the first h1, then the file name, for the title', () => {
    expect(parseMarkdown('# Release notes\n\nFixed things.').title).toBe('Release notes');
    expect(parseMarkdown('Just text.', 'notes/todo.md').title).toBe('todo');
  });

  it('keeps an unclosed fence as code to the end', () => {
    const parsed = parseMarkdown('# A\n\n```\ncode\n# not a heading');
    expect(parsed.sections).toEqual([{ heading: 'A', headingPath: ['A'], text: '```\ncode\n# not a heading' }]);
  });

  it('treats a --- after a blank line as a break, not a heading', () => {
    const parsed = parseMarkdown('First paragraph.\n\n---\n\nSecond paragraph.');
    expect(parsed.sections).toEqual([{ headingPath: [], text: 'First paragraph.\n\nSecond paragraph.' }]);
  });

  it('cleans inline markup from heading text but leaves snake_case alone', () => {
    expect(cleanInlineMarkdown('The **[refund](https://x) `policy`** for _new_ my_var_name')).toBe('The refund policy for new my_var_name');
  });
});
