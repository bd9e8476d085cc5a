import { releasePieces } from './answer-text-tracker.js';

describe('releasePieces', () => {
  test('a short answer is one piece; a long one several, cut at spaces, joined back unchanged', () => {
    expect(releasePieces('short')).toEqual(['short']);
    expect(releasePieces('')).toEqual(['']);
    const long = Array.from({ length: 200 }, (_, index) => `word${index}`).join(' ');
    const pieces = releasePieces(long, 100);
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.join('')).toBe(long);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(100);
    for (const piece of pieces.slice(0, -1)) expect(piece.endsWith(' ')).toBe(true);
  });

  test('text without spaces is cut at the limit', () => {
    expect(releasePieces('x'.repeat(250), 100).map((piece) => piece.length)).toEqual([100, 100, 50]);
  });
});
