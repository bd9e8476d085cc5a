/** Common English words, so the tokenizer and the embedder see realistic word shapes and lengths. */
const VOCABULARY = (
  'the of and to in is for that with as on by be are this from or at which an was it not can have has all their more ' +
  'will one about into other also its each when time only new some would these two may after first should been most ' +
  'over such used must where any through between both under same within while during without before because each ' +
  'customer order refund request payment invoice account shipping delivery warehouse package return policy period ' +
  'employee manager team department office building access badge visitor contractor training onboarding review ' +
  'security laptop device encryption password network incident report response backup recovery storage retention ' +
  'data record privacy consent personal information processing transfer vendor supplier contract agreement renewal ' +
  'budget expense travel receipt approval limit quarter annual forecast revenue margin cost price discount tax ' +
  'holiday leave benefit insurance pension salary bonus overtime schedule shift remote hybrid meeting calendar ' +
  'product release feature version support ticket priority escalation service level agreement uptime availability ' +
  'system server database cluster region latency throughput capacity monitoring alert dashboard metric threshold ' +
  'document section chapter appendix table figure reference note example summary overview procedure guideline ' +
  'required optional recommended approved rejected pending completed scheduled delayed cancelled updated reviewed ' +
  'quickly carefully regularly usually immediately annually monthly weekly daily promptly clearly fully directly'
).split(' ');

const HEADINGS = ['Overview', 'Scope', 'Responsibilities', 'Procedure', 'Exceptions', 'Records', 'Escalation', 'Review', 'Definitions', 'Examples'];

/** mulberry32: a small seeded PRNG, so the corpus is byte-for-byte the same on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** One section of the synthetic handbook. */
export interface CorpusSection {
  readonly heading: string;
  readonly paragraphs: readonly string[];
}

/** A synthetic handbook: a title and sections of prose paragraphs. */
export interface SyntheticCorpus {
  readonly title: string;
  readonly sections: readonly CorpusSection[];
  readonly characters: number;
  readonly words: number;
}

/** Characters of prose on a typical printed page (about 500 words). */
export const CHARACTERS_PER_PAGE = 3_000;

/**
 * A handbook of about `pages` printed pages: sections of three to eight paragraphs, each of
 * two to seven sentences of 8–28 words. Deterministic for a given seed.
 */
export function syntheticCorpus(pages: number, seed = 20_240_601): SyntheticCorpus {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (): string => {
    const words = Array.from({ length: 8 + Math.floor(random() * 21) }, () => pick(VOCABULARY));
    if (random() < 0.2) words.splice(Math.floor(random() * words.length), 0, String(Math.floor(random() * 1000)));
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}${random() < 0.1 ? '?' : '.'}`;
  };
  const sections: CorpusSection[] = [];
  let characters = 0;
  let words = 0;
  while (characters < pages * CHARACTERS_PER_PAGE) {
    const paragraphs = Array.from({ length: 3 + Math.floor(random() * 6) }, () => Array.from({ length: 2 + Math.floor(random() * 6) }, sentence).join(' '));
    const heading = `${sections.length + 1}. ${pick(HEADINGS)} of ${pick(VOCABULARY.slice(40))} ${pick(VOCABULARY.slice(40))}`;
    sections.push({ heading, paragraphs });
    for (const paragraph of paragraphs) {
      characters += paragraph.length;
      words += paragraph.split(' ').length;
    }
  }
  return { title: 'Synthetic Employee Handbook', sections, characters, words };
}

/** The corpus as Markdown: `#` title, `##` sections. */
export function corpusAsMarkdown(corpus: SyntheticCorpus): string {
  const parts = [`# ${corpus.title}`];
  for (const section of corpus.sections) parts.push(`## ${section.heading}`, ...section.paragraphs);
  return `${parts.join('\n\n')}\n`;
}

/** The corpus as a web page, with navigation and footer the parser must drop. */
export function corpusAsHtml(corpus: SyntheticCorpus): string {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = corpus.sections.map((section) => `<section><h2>${escape(section.heading)}</h2>\n${section.paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('\n')}</section>`);
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"><title>' + escape(corpus.title) + '</title><style>p{margin:0}</style></head><body>',
    '<nav><a href="/">Home</a> <a href="/policies">Policies</a></nav><main>',
    `<h1>${escape(corpus.title)}</h1>`,
    ...body,
    '</main><footer>Internal use only</footer></body></html>',
  ].join('\n');
}

/** The corpus as lines of at most `width` characters, blank lines between paragraphs (for the PDF). */
export function corpusAsLines(corpus: SyntheticCorpus, width = 80): string[] {
  const lines: string[] = [corpus.title, ''];
  for (const section of corpus.sections) {
    lines.push(section.heading, '');
    for (const paragraph of section.paragraphs) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line !== '' && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else {
          line = line === '' ? word : `${line} ${word}`;
        }
      }
      lines.push(line, '');
    }
  }
  return lines;
}
