/** One piece of an HTML document, as a tolerant scanner sees it. */
export type HtmlToken =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'open'; readonly name: string; readonly attributes: string; readonly selfClosing: boolean }
  | { readonly type: 'close'; readonly name: string };

/** Elements whose content is not markup: it runs until the matching end tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes']);

const rawTextEndTags = new Map<string, RegExp>();

function rawTextEndTag(name: string): RegExp {
  let pattern = rawTextEndTags.get(name);
  if (pattern === undefined) {
    pattern = new RegExp(`</${name}(?=[\\s/>]|$)`, 'gi');
    rawTextEndTags.set(name, pattern);
  }
  return pattern;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
const MARKUP_DECLARATION = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>?|<\?[^>]*>?/y;

/**
 * Splits HTML into text and tags without building a tree: real pages have unclosed `<p>`s,
 * stray `</div>`s and `<` in text, and a reader of text needs no more than this. Comments,
 * doctypes and processing instructions are dropped; a `<` that starts no tag is text.
 * Tag names come out lower-case; attributes stay raw (callers look for a few of them).
 */
export function* scanHtml(html: string): Generator<HtmlToken> {
  let position = 0;
  while (position < html.length) {
    const next = html.indexOf('<', position);
    if (next === -1) {
      yield { type: 'text', text: html.slice(position) };
      return;
    }
    if (next > position) yield { type: 'text', text: html.slice(position, next) };
    position = next;

    MARKUP_DECLARATION.lastIndex = position;
    const declaration = MARKUP_DECLARATION.exec(html);
    if (declaration !== null) {
      position += Math.max(declaration[0].length, 1);
      continue;
    }
    TAG.lastIndex = position;
    const tag = TAG.exec(html);
    if (tag === null) {
      yield { type: 'text', text: '<' };
      position += 1;
      continue;
    }
    position += tag[0].length;
    const name = (tag[2] ?? '').toLowerCase();
    if (tag[1] === '/') {
      yield { type: 'close', name };
      continue;
    }
    const attributes = tag[3] ?? '';
    const selfClosing = attributes.trimEnd().endsWith('/');
    yield { type: 'open', name, attributes, selfClosing };
    if (RAW_TEXT_ELEMENTS.has(name) && !selfClosing) {
      const endTag = rawTextEndTag(name);
      endTag.lastIndex = position;
      const contentEnd = endTag.exec(html)?.index ?? html.length;
      if (contentEnd > position) yield { type: 'text', text: html.slice(position, contentEnd) };
      position = contentEnd;
    }
  }
}
