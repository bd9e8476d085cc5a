import { readFileSync } from 'node:fs';
import { parseLabelledQueries } from './labelled-query.js';

const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/labelled-queries.json', import.meta.url), 'utf8'),
) as unknown;

describe('parseLabelledQueries', () => {
  it('reads the shipped labelled set: 70+ queries, both labels in both splits', () => {
    const queries = parseLabelledQueries(fixture);
    expect(queries.length).toBeGreaterThanOrEqual(70);
    for (const split of ['tune', 'holdout']) {
      for (const label of ['simple', 'complex']) {
        expect(queries.filter((query) => query.split === split && query.label === label).length).toBeGreaterThan(5);
      }
    }
  });

  it('rejects a query without a split, naming the entry and field', () => {
    const broken = [{ id: 'a', label: 'simple', note: '', messages: [{ role: 'user', content: 'hi' }] }];
    expect(() => parseLabelledQueries(broken)).toThrow(/\[0\]\.split/);
  });

  it('rejects duplicate ids, which would double-count a query', () => {
    const query = { id: 'a', split: 'tune', label: 'simple', note: '', messages: [{ role: 'user', content: 'hi' }] };
    expect(() => parseLabelledQueries([query, query])).toThrow("id 'a' appears twice");
  });
});
