import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSuite } from '#libs/eval';
import { projectRoot } from '#libs/project';

const SUITE = join(projectRoot(), 'demo', 'golden.yaml');

describe('demo/golden.yaml', () => {
  const suite = loadSuite(readFileSync(SUITE, 'utf8'), { path: SUITE });

  test('loads as a suite with at least 60 queries of every kind the issue names', () => {
    expect(suite.queries.length).toBeGreaterThanOrEqual(60);
    const tagged = (tag: string) => suite.queries.filter((query) => query.tags.includes(tag)).length;
    expect({
      factual: tagged('factual') >= 20,
      multiDocument: tagged('multi-document') >= 10,
      numeric: tagged('numeric') >= 10,
      refusal: tagged('refusal') >= 8,
      multiTurn: tagged('multi-turn') >= 6,
      paraphrase: tagged('paraphrase') >= 8,
    }).toEqual({ factual: true, multiDocument: true, numeric: true, refusal: true, multiTurn: true, paraphrase: true });
    expect(suite.corpus?.paths).toEqual(['demo/corpus']);
  });

  test('multi-turn queries carry the earlier turns and end with the user', () => {
    for (const query of suite.queries.filter((candidate) => candidate.tags.includes('multi-turn'))) {
      expect(query.messages.length).toBeGreaterThanOrEqual(3);
      expect(query.messages.at(-1)?.role).toBe('user');
    }
  });
});
