import { extractSearchTerms, MAX_SEARCH_TERMS, toFts5Query, toTsQuery } from './full-text-query.js';

test('words of any script are kept, lower-cased and de-duplicated; syntax is dropped', () => {
  expect(extractSearchTerms('"Eiffel" tower? eiffel NEAR(x) * AND -y:z')).toEqual(['eiffel', 'tower', 'near', 'x', 'y', 'z']);
  expect(extractSearchTerms('Grüße aus Köln — 東京 2024')).toEqual(['grüße', 'aus', 'köln', '東京', '2024']);
  expect(extractSearchTerms("'; drop table --")).toEqual(['drop', 'table']);
});

test('stop words are dropped unless the query has nothing else', () => {
  expect(extractSearchTerms('Where is the Eiffel tower?')).toEqual(['eiffel', 'tower']);
  expect(extractSearchTerms('To be or not to be')).toEqual(['to', 'be', 'or', 'not']);
});

test('very long queries are cut to the first MAX_SEARCH_TERMS distinct words', () => {
  const words = Array.from({ length: 200 }, (_, index) => `w${index}`);
  expect(extractSearchTerms(words.join(' '))).toEqual(words.slice(0, MAX_SEARCH_TERMS));
});

test('FTS5 queries quote every term and OR them; tsquery quotes and ORs them', () => {
  expect(toFts5Query('NEAR paris*')).toBe('"near" OR "paris"');
  expect(toFts5Query('AND OR')).toBe('"and" OR "or"');
  expect(toTsQuery('paris & !tower')).toBe("'paris' | 'tower'");
});

test('a query without words gives no search at all', () => {
  expect(toFts5Query(' ?! "" ')).toBeUndefined();
  expect(toTsQuery('')).toBeUndefined();
});
