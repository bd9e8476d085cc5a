import type { ParsedDocument, ParsedSection } from '../parse/parsed-document.js';
import { seededRandom, syntheticParagraph } from '../testing/synthetic-prose.js';
import { chunkDocument } from './chunk-document.js';
import { contentHash } from './chunk-id.js';
import { splitSentences } from './split-sentences.js';
import { loadTokenizer, type Tokenizer } from './tokenizer.js';

let tokenizer: Tokenizer;
beforeAll(async () => {
  tokenizer = await loadTokenizer('cl100k_base');
});

const settings = { targetTokens: 200, maxTokens: 260, overlapTokens: 32 };

function document(sections: ParsedSection[]): ParsedDocument {
  return { title: 'Test', sections };
}

function longSection(seed: number, headingPath: string[], paragraphs: number, extra: Partial<ParsedSection> = {}): ParsedSection {
  const random = seededRandom(seed);
  const text = Array.from({ length: paragraphs }, () => syntheticParagraph(random, 2 + Math.floor(random() * 5))).join('\n\n');
  return { headingPath, ...(headingPath.length > 0 ? { heading: headingPath.at(-1) } : {}), text, ...extra };
}

describe('chunkDocument', () => {
  it('keeps a short document in one chunk with its heading, counted exactly', () => {
    const chunks = chunkDocument(document([{ heading: 'Refunds', headingPath: ['Refunds'], text: 'Refunds take 14 days.\n\nAsk support.' }]), {}, tokenizer);

    expect(chunks).toEqual([
      {
        position: 0,
        text: 'Refunds\n\nRefunds take 14 days.\n\nAsk support.',
        tokenCount: tokenizer.countTokens('Refunds\n\nRefunds take 14 days.\n\nAsk support.'),
        headingPath: ['Refunds'],
        section: 'Refunds',
        contentHash: contentHash('Refunds\n\nRefunds take 14 days.\n\nAsk support.'),
      },
    ]);
  });

  it('fills chunks towards the target, never over the maximum, and is deterministic', () => {
    const parsed = document([longSection(1, [], 40)]);
    const chunks = chunkDocument(parsed, settings, tokenizer);

    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.map((chunk) => chunk.position)).toEqual(chunks.map((_chunk, index) => index));
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBe(tokenizer.countTokens(chunk.text));
      expect(chunk.tokenCount).toBeLessThanOrEqual(settings.maxTokens);
    }
    // All but the last chunk are at least half full.
    for (const chunk of chunks.slice(0, -1)) expect(chunk.tokenCount).toBeGreaterThanOrEqual(settings.targetTokens / 2);
    expect(chunkDocument(parsed, settings, tokenizer)).toEqual(chunks);
  });

  it('loses no sentence of the source', () => {
    const section = longSection(2, [], 30);
    const chunks = chunkDocument(document([section]), settings, tokenizer);
    const allChunkText = chunks.map((chunk) => chunk.text).join('\n');
    for (const range of splitSentences(section.text.replace(/\n\n/g, ' '))) {
      const sentence = section.text.replace(/\n\n/g, ' ').slice(range.start, range.end);
      expect(allChunkText).toContain(sentence);
    }
  });

  it('repeats whole trailing sentences of one chunk at the start of the next', () => {
    const chunks = chunkDocument(document([longSection(3, [], 40)]), settings, tokenizer);
    let overlapping = 0;
    for (let index = 1; index < chunks.length; index += 1) {
      const previous = chunks[index - 1]?.text ?? '';
      const next = chunks[index]?.text ?? '';
      // The longest run of whole trailing sentences of the previous chunk that the next one starts with.
      const overlap = splitSentences(previous)
        .map((range) => previous.slice(range.start))
        .find((tail) => next.startsWith(tail));
      if (overlap !== undefined) {
        overlapping += 1;
        expect(tokenizer.countTokens(overlap)).toBeLessThanOrEqual(settings.overlapTokens);
      }
    }
    expect(overlapping).toBeGreaterThan(chunks.length / 2);
  });

  it('does not run a chunk across top-level sections, unless the first one is tiny', () => {
    const parsed = document([
      longSection(4, ['Handbook', 'Refunds'], 3),
      longSection(5, ['Handbook', 'Shipping'], 3),
      { heading: 'Note', headingPath: ['Handbook', 'Note'], text: 'Short note.' },
      longSection(6, ['Handbook', 'Security'], 3),
    ]);
    const chunks = chunkDocument(parsed, { targetTokens: 1000, maxTokens: 1024, overlapTokens: 64 }, tokenizer);

    expect(chunks.map((chunk) => chunk.section)).toEqual(['Handbook > Refunds', 'Handbook > Shipping', 'Handbook > Note']);
    expect(chunks[0]?.text.startsWith('Refunds\n\n')).toBe(true);
    expect(chunks[1]?.text).not.toContain('Short note.');
    // The tiny "Note" section runs on into "Security" instead of standing alone.
    expect(chunks[2]?.text.startsWith('Note\n\nShort note.\n\nSecurity\n\n')).toBe(true);
  });

  it('groups by second-level headings under a single title heading, with no overlap across sections', () => {
    const parsed = document([longSection(7, ['Guide', 'Install'], 12), longSection(8, ['Guide', 'Configure'], 12)]);
    const chunks = chunkDocument(parsed, settings, tokenizer);
    const firstConfigure = chunks.findIndex((chunk) => chunk.section === 'Guide > Configure');

    expect(firstConfigure).toBeGreaterThan(0);
    expect(chunks[firstConfigure]?.text.startsWith('Configure\n\n')).toBe(true);
    expect(chunks.slice(firstConfigure).every((chunk) => chunk.section === 'Guide > Configure')).toBe(true);
  });

  it('keeps a code block whole when it fits, and cuts a long one between lines', () => {
    const code = '```python\n' + Array.from({ length: 8 }, (_value, index) => `print(${index})\n`).join('\n') + '```';
    const short = chunkDocument(document([{ headingPath: [], text: `Intro.\n\n${code}\n\nOutro.` }]), settings, tokenizer);
    expect(short[0]?.text).toContain(code);

    const longCode = '```\n' + Array.from({ length: 200 }, (_value, index) => `value_${index} = compute(${index}, "${'x'.repeat(index % 7)}")`).join('\n') + '\n```';
    const chunks = chunkDocument(document([{ headingPath: [], text: longCode }]), settings, tokenizer);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBeLessThanOrEqual(settings.maxTokens);
      expect(chunk.text.split('\n').every((line) => /^(```|value_\d+ = compute\(\d+, "x*"\))$/.test(line))).toBe(true);
    }
  });

  it('cuts a sentence longer than the target at words, and a run without spaces anywhere', () => {
    const random = seededRandom(9);
    const endless = Array.from({ length: 1200 }, () => (random() < 0.5 ? 'policy' : 'refund')).join(' ');
    const blob = 'QUJD'.repeat(3000);
    const chunks = chunkDocument(document([{ headingPath: [], text: `${endless}\n\n${blob}` }]), settings, tokenizer);

    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBeLessThanOrEqual(settings.maxTokens);
      expect(chunk.text).toMatch(/^(?:(?:policy|refund)(?: (?:policy|refund))*|(?:QUJD|[A-Za-z])+)(?:\n\n(?:QUJD|[A-Za-z])+)?$/);
    }
    expect(chunks.map((chunk) => chunk.text).join('').replace(/[^D]/g, '').length).toBeGreaterThanOrEqual(3000);
  });

  it('keeps the page where a chunk starts, and where it ends when it runs on', () => {
    const pages = [1, 2, 3, 4].map((page) => longSection(10 + page, [], 4, { page }));
    const chunks = chunkDocument({ title: 'PDF', sections: pages, pages: 4 }, settings, tokenizer);

    expect(chunks[0]?.page).toBe(1);
    expect(chunks.every((chunk) => chunk.page !== undefined && chunk.section === undefined)).toBe(true);
    expect(chunks.some((chunk) => chunk.pageEnd !== undefined && chunk.pageEnd > (chunk.page ?? 0))).toBe(true);
    expect(chunks.at(-1)?.pageEnd ?? chunks.at(-1)?.page).toBe(4);
  });

  it('treats special-token text as ordinary text', () => {
    const chunks = chunkDocument(document([{ headingPath: [], text: 'The marker <|endoftext|> is just text.' }]), {}, tokenizer);
    expect(chunks[0]?.text).toBe('The marker <|endoftext|> is just text.');
  });

  it('returns no chunks for a document without sections', () => {
    expect(chunkDocument(document([]), {}, tokenizer)).toEqual([]);
  });
});

describe('chunkDocument at the edge of its budget', () => {
  it('keeps every chunk within maxTokens when the target equals the maximum', () => {
    const random = seededRandom(21);
    const text = Array.from({ length: 30 }, () => syntheticParagraph(random, 4)).join('\n\n');
    const chunks = chunkDocument({ title: 'T', sections: [{ headingPath: [], text }] }, { targetTokens: 120, maxTokens: 120, overlapTokens: 30 }, tokenizer);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(chunk.tokenCount).toBeLessThanOrEqual(120);
  });
});
