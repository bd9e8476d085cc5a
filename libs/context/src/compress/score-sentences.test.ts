import { factMask } from './fact-features.js';
import { keyHits, scoreSentences as scoreWithHits, scoringQuery, type SentencesToScore } from './score-sentences.js';
import { scanSentence } from './scan-sentence.js';

interface Sentence {
  readonly keys: readonly string[];
  readonly length: number;
  readonly facts: number;
  readonly chunk: number;
  readonly heading: boolean;
  readonly continuation: boolean;
}

const sentence = (text: string, chunk = 0, heading = false): Sentence => {
  const scan = scanSentence(text);
  return { keys: scan.keys, length: scan.terms, facts: factMask(text), chunk, heading, continuation: /^(?:it|this)\b/i.test(text) };
};

const table = (sentences: readonly Sentence[]): SentencesToScore => ({
  count: sentences.length,
  length: sentences.map((item) => item.length),
  facts: sentences.map((item) => item.facts),
  chunk: sentences.map((item) => item.chunk),
  heading: sentences.map((item) => (item.heading ? 1 : 0)),
  continuation: sentences.map((item) => (item.continuation ? 1 : 0)),
});

const scoreSentences = (query: string, sentences: readonly Sentence[]): number[] => {
  const scoring = scoringQuery(query);
  return [...scoreWithHits(scoring, table(sentences), keyHits(scoring, sentences.map((item) => item.keys)))];
};

describe('scoreSentences', () => {
  it('ranks the sentence that answers above ones that only share words', () => {
    const sentences = [
      sentence('Our returns team is based in Ohio and answers emails about returns.'),
      sentence('Physical items can be returned within 30 days of delivery for a full refund.'),
      sentence('Gift cards cannot be returned.'),
    ];
    const scores = scoreSentences('How many days do I have to return a physical item?', sentences);
    expect(scores.indexOf(Math.max(...scores))).toBe(1);
  });

  it('favours a sentence holding the kind of fact the question asks for', () => {
    const sentences = [sentence('The Pro plan includes priority support and SSO.'), sentence('The Pro plan costs $39.99 per user per month.')];
    const [plain, priced] = scoreSentences('How much does the Pro plan cost?', sentences);
    expect(priced).toBeGreaterThan(plain ?? 0);
  });

  it('lifts a sentence continuing a relevant one, and a heading over a relevant sentence', () => {
    const sentences = [
      sentence('v3.8.2 — 2024-11-04', 0, true),
      sentence('Fixed: memory leak in the sync client when watching large folders.'),
      sentence('It took 3 weeks to find.'),
      sentence('v3.9.0 — 2024-12-02', 1, true),
      sentence('New: selective sync for shared folders.', 1),
      sentence('It is opt-in.', 1),
    ];
    const scores = scoreSentences('Which version fixed the memory leak?', sentences);
    expect(scores[0]).toBeGreaterThan(scores[3] ?? 0);
    expect(scores[2]).toBeGreaterThan(scores[5] ?? 0);
  });

  it('finds each query key, a prefix shared by two terms in both columns', () => {
    const query = scoringQuery('extension extended refund');
    expect(query.keys).toEqual(['extension', '~exten', 'extend', '~exten', 'refund', '~refun']);
    const hits = keyHits(query, [['other'], ['extend', '~exten', 'refund', '~refun', 'refund', '~refun']]);
    expect(hits).toEqual([[], [1, 1], [1, 1], [1, 1], [1, 2], [1, 2]]);
    expect(() => scoreWithHits(query, table([sentence('x')]), [[]])).toThrow(RangeError);
  });

  it('is deterministic and scores nothing when the query shares no terms', () => {
    const sentences = [sentence('Alpha beta.'), sentence('Gamma delta.')];
    expect(scoreSentences('zeta', sentences)).toEqual(scoreSentences('zeta', sentences));
    expect(scoreSentences('zeta', sentences).every((score) => score < 0.2)).toBe(true);
  });
});
