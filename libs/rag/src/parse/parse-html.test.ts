import { readFileSync } from 'node:fs';
import { decodeHtmlEntities } from './html-entities.js';
import { parseHtml } from './parse-html.js';

const article = readFileSync(new URL('./__fixtures__/article.html', import.meta.url), 'utf8');

describe('parseHtml', () => {
  const parsed = parseHtml(article, 'refunds.html');
  const allText = parsed.sections.map((section) => section.text).join('\n');

  it('takes the title from <title>, entities decoded', () => {
    expect(parsed.title).toBe('Refund Policy – Acme');
  });

  it('drops scripts, styles, navigation, footer and hidden elements', () => {
    expect(allText).not.toMatch(/analytics|font-family|Home|Shop|Copyright|Secret draft/);
  });

  it('builds sections under h1–h6 with inline markup removed from headings', () => {
    expect(parsed.sections.map((section) => section.headingPath)).toEqual([
      ['Refund policy'],
      ['Refund policy', 'How to ask for a refund'],
      ['Refund policy', 'Shipping costs'],
    ]);
  });

  it('collapses source line breaks inside a paragraph into spaces', () => {
    expect(parsed.sections[0]?.text).toBe('Refunds are issued within fourteen days of a request & the customer must provide the order number.');
  });

  it('renders lists with markers, nested lists in the same block', () => {
    expect(parsed.sections[1]?.text).toBe('1. Open your orders.\n2. Choose Return.\n  - Pick a reason.');
  });

  it('renders table rows as lines of cells and <pre> as a fenced block', () => {
    const shipping = parsed.sections[2]?.text ?? '';
    expect(shipping).toContain('Region | Cost\nEU | €5');
    expect(shipping).toContain('```\ncurl -X POST /refunds\n  --data \'{"order": 42}\'\n```');
    expect(shipping).toContain('Questions? Write to us! Café ☃ &unknown; 3 < 4');
  });

  it('reads the whole body when there is no <main>, and survives broken markup', () => {
    const parsed = parseHtml('<p>One <b>bold<p>Two < three</div><h3>Deep</h3>text after');
    expect(parsed.sections).toEqual([
      { headingPath: [], text: 'One bold\n\nTwo < three' },
      { heading: 'Deep', headingPath: ['Deep'], text: 'text after' },
    ]);
    expect(parsed.title).toBe('One bold');
  });

  it('reads only the single <article> of a page that has one', () => {
    const parsed = parseHtml('<div>Sidebar junk</div><article><h1>Post</h1><p>Body.</p></article><div>More junk</div>');
    expect(parsed.sections).toEqual([{ heading: 'Post', headingPath: ['Post'], text: 'Body.' }]);
  });
});

describe('decodeHtmlEntities', () => {
  it('decodes numeric and named references and leaves unknown ones', () => {
    expect(decodeHtmlEntities('&#65;&#x42;&amp;&lt&copy; &foo; &#0; &#x110000;')).toBe('AB&<© &foo; \ufffd \ufffd');
  });
});
