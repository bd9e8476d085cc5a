import { createPhraseMatcher, splitWords } from './phrase-matcher.js';

describe('phrase matcher', () => {
  const matcher = createPhraseMatcher(['step by step', 'step', 'trade-offs', 'why']);

  it('keeps hyphenated words whole and drops punctuation', () => {
    expect(splitWords("what are the trade-offs? don't know.")).toEqual(['what', 'are', 'the', 'trade-offs', "don't", 'know']);
  });

  it('prefers the longest phrase starting at a word', () => {
    expect([...matcher.matches(splitWords('go step by step'))]).toEqual(['step by step']);
  });

  it('matches whole words only', () => {
    expect(matcher.matches(splitWords('whys and footsteps')).size).toBe(0);
  });
});
