import { loadTokenizer } from '#libs/rag';
import { createTokenizerCounter, type TokenCounter } from '../tokens/token-counter.js';
import { splitOversizedInput } from './split-oversized-input.js';

let counter: TokenCounter;
beforeAll(async () => {
  counter = createTokenizerCounter(await loadTokenizer('cl100k_base'));
});

const paragraph = (index: number): string =>
  `Section ${index}. The supplier shall deliver the goods within ${index + 10} days of the order. Late delivery incurs a penalty of ${index}% of the order value per week. Either party may terminate with 30 days written notice.`;
const nonBlank = (text: string): string => text.replace(/\s+/g, '');

describe('splitOversizedInput', () => {
  const document = Array.from({ length: 60 }, (_, index) => paragraph(index)).join('\n\n');

  it('cuts a long paste into parts within the limit that together keep every character', () => {
    const parts = splitOversizedInput(document, 300, counter);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      expect(part.tokens).toBeLessThanOrEqual(300);
      expect(counter.count(part.text)).toBe(part.tokens);
      expect(document.slice(part.start, part.end)).toBe(part.text);
    }
    expect(parts.map((part) => nonBlank(part.text)).join('')).toBe(nonBlank(document));
    expect(parts.map((part) => part.index)).toEqual(parts.map((_, index) => index));
  });

  it('ends parts at paragraph breaks when paragraphs fit', () => {
    for (const part of splitOversizedInput(document, 300, counter)) {
      expect(part.text.startsWith('Section ')).toBe(true);
      expect(part.text.endsWith('notice.')).toBe(true);
    }
  });

  it('falls back to sentence ends, then to spaces, for a paragraph or sentence above the limit', () => {
    const longSentence = `The parties agree that ${'each obligation listed in the schedule applies '.repeat(40)}without exception.`;
    const text = `${paragraph(1)} ${paragraph(2)} ${longSentence}`;
    const parts = splitOversizedInput(text, 60, counter);
    for (const part of parts) expect(part.tokens).toBeLessThanOrEqual(60);
    expect(parts[0]?.text.endsWith('.')).toBe(true);
    expect(parts.map((part) => nonBlank(part.text)).join('')).toBe(nonBlank(text));
  });

  it('cuts a run without spaces between characters, and rejects a limit below 1', () => {
    const blob = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789abcdef'.repeat(30);
    const parts = splitOversizedInput(blob, 50, counter);
    expect(parts.every((part) => part.tokens <= 50)).toBe(true);
    expect(parts.map((part) => part.text).join('')).toBe(blob);
    expect(() => splitOversizedInput(blob, 0, counter)).toThrow(RangeError);
  });

  it('returns nothing for blank input and one part for a short one', () => {
    expect(splitOversizedInput(' \n\n ', 100, counter)).toEqual([]);
    expect(splitOversizedInput('Short text.', 100, counter)).toEqual([{ index: 0, text: 'Short text.', tokens: counter.count('Short text.'), start: 0, end: 11 }]);
  });
});
