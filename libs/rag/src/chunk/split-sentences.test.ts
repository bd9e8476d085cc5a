import { splitSentences } from './split-sentences.js';

const sentences = (text: string): string[] => splitSentences(text).map((range) => text.slice(range.start, range.end));

describe('splitSentences', () => {
  it('splits on terminal punctuation followed by space, keeping closing quotes', () => {
    expect(sentences('Refunds take 14 days. Is that long? “Yes!” he said.  Done')).toEqual(['Refunds take 14 days.', 'Is that long?', '“Yes!”', 'he said.', 'Done']);
  });

  it('does not split after abbreviations, initials, decimals or before a lower-case word', () => {
    expect(sentences('Ask Dr. Smith about fig. 3 and J. R. Tolkien. Pi is 3.14 e.g. here. Next one.')).toEqual([
      'Ask Dr. Smith about fig. 3 and J. R. Tolkien.',
      'Pi is 3.14 e.g. here.',
      'Next one.',
    ]);
  });

  it('splits list items and table rows onto their own lines', () => {
    expect(sentences('Steps:\n- open the app\n- press Return\n1. then wait\n| a | b |')).toEqual(['Steps:', '- open the app', '- press Return', '1. then wait', '| a | b |']);
  });

  it('splits CJK sentences that have no space after the full stop', () => {
    expect(sentences('退款需要十四天。请提供订单号。')).toEqual(['退款需要十四天。', '请提供订单号。']);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('  \n ')).toEqual([]);
  });
});
