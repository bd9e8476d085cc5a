import { splitBlocks } from './split-blocks.js';

describe('splitBlocks', () => {
  it('splits on blank lines and keeps fenced code whole', () => {
    const text = 'First para\nstill first.\n\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\nAfter code.\n\n~~~\nunclosed\n\nfence';
    expect(splitBlocks(text)).toEqual([
      { text: 'First para\nstill first.', kind: 'text' },
      { text: '```js\nconst a = 1;\n\nconst b = 2;\n```', kind: 'code' },
      { text: 'After code.', kind: 'text' },
      { text: '~~~\nunclosed\n\nfence', kind: 'code' },
    ]);
  });
});
