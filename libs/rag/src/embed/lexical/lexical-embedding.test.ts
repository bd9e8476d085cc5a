import { cosineSimilarity } from '../../retrieve/cosine-similarity.js';
import { lexicalEmbedding } from './lexical-embedding.js';
import { forEachWordHash, wordHash } from './lexical-tokens.js';

const similarity = (left: string, right: string): number => cosineSimilarity(lexicalEmbedding(left, 384), lexicalEmbedding(right, 384));

describe('lexicalEmbedding', () => {
  it('is a deterministic unit vector', () => {
    const vector = lexicalEmbedding('Refunds are issued within fourteen days.', 384);
    expect(vector).toEqual(lexicalEmbedding('Refunds are issued within fourteen days.', 384));
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
  });

  it('matches across case, accents, plurals and -ing/-ed forms', () => {
    expect(similarity('REFUNDS for Café orders', 'refund for cafe order')).toBeGreaterThan(0.99);
    expect(similarity('shipping delayed parcels', 'ship delay parcel')).toBeGreaterThan(0.99);
  });

  it('ranks a paraphrase sharing content words above texts sharing only stop words', () => {
    const document = 'Refunds are issued within fourteen days of the request.';
    const paraphrase = similarity(document, 'How many days does a refund take to be issued?');
    const stopWordsOnly = similarity(document, 'What are the days of the week in the office?');
    const unrelated = similarity(document, 'The cafeteria serves vegetarian lunch at noon.');
    expect(paraphrase).toBeGreaterThan(0.4);
    expect(paraphrase).toBeGreaterThan(stopWordsOnly + 0.2);
    expect(unrelated).toBeLessThan(0.15);
  });

  it('rewards word order through bigrams', () => {
    const query = 'password reset';
    expect(similarity(query, 'how to do a password reset')).toBeGreaterThan(similarity(query, 'reset the router and change the wifi password'));
  });

  it('gives texts without words distinct, stable unit vectors', () => {
    const dots = lexicalEmbedding('...', 64);
    expect(Math.hypot(...dots)).toBeCloseTo(1, 5);
    expect(dots).toEqual(lexicalEmbedding('...', 64));
    expect(cosineSimilarity(dots, lexicalEmbedding('!!!', 64))).toBeLessThan(0.9);
  });

  it('treats each CJK character as a word', () => {
    expect(similarity('退款需要十四天', '退款要多久')).toBeGreaterThan(similarity('退款需要十四天', '午餐在中午'));
  });
});

describe('forEachWordHash', () => {
  it('folds, stems and drops single Latin letters but keeps digits', () => {
    const lengths: number[] = [];
    forEachWordHash("The customer's 3 parties", (_hash, length) => lengths.push(length));
    expect(lengths).toEqual([3, 8, 1, 5]);
    expect(wordHash('Parties')).toBe(wordHash('party'));
    expect(wordHash('naïve')).toBe(wordHash('naive'));
  });
});
