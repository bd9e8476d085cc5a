import { loadSuite, parseSuite } from './load-suite.js';
import { SuiteLoadError } from './suite-issues.js';
import { SAMPLE_SUITE_YAML } from './testing/sample-suite.js';

/** The issues `loadSuite` reports for `yaml`, as `path: message` lines. */
function problems(yaml: string): string[] {
  try {
    loadSuite(yaml);
  } catch (error) {
    if (error instanceof SuiteLoadError) return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
    throw error;
  }
  throw new Error('expected the suite to be rejected');
}

const suiteWith = (query: string, extra = '') => `suite: s\n${extra}queries:\n  - id: q-1\n    question: Why?\n${query}`;

describe('loadSuite', () => {
  it('loads the documented format and applies the defaults', () => {
    const suite = loadSuite(SAMPLE_SUITE_YAML, { path: 'suites/demo.yaml' });
    expect(suite).toMatchObject({ suite: 'demo', path: 'suites/demo.yaml', corpus: { collection: 'demo', paths: ['demo/corpus'] }, thresholds: { passRate: 0.8, maxRegression: 0.05 } });
    const [refund, salary, followUp] = suite.queries;
    expect(refund).toMatchObject({ id: 'refund-window', tags: ['factual'], model: 'auto', collections: ['demo'], messages: [{ role: 'user', content: 'How long do I have to return an item?' }] });
    expect(refund?.assert.map((assertion) => assertion.type)).toEqual(['contains-all', 'contains-any', 'not-contains', 'regex', 'groundedness', 'citations', 'latency', 'cost']);
    expect(refund?.assert[3]).toEqual({ type: 'regex', value: '\\b30\\b', flags: 'i' });
    expect(salary).toMatchObject({ question: "What is the CEO's salary?", collections: [] });
    // A query's own latency bound replaces the default one; other defaults are appended.
    expect(followUp).toMatchObject({ model: 'gpt-4o-mini', question: 'And is it refundable?' });
    expect(followUp?.messages).toHaveLength(3);
    expect(followUp?.assert).toEqual([
      { type: 'not-contains', value: ['non-refundable'] },
      { type: 'llm-rubric', value: 'Says the deposit is refundable.' },
      { type: 'latency', threshold: 60000 },
      { type: 'cost', threshold: 0.01 },
    ]);
  });

  it('fills in optional sections', () => {
    const suite = loadSuite(suiteWith('    assert: [{ type: refusal }]\n'));
    expect(suite.thresholds).toEqual({ passRate: 0.8, maxRegression: 0.05 });
    expect(suite.queries[0]).toEqual({ id: 'q-1', tags: [], question: 'Why?', messages: [{ role: 'user', content: 'Why?' }], assert: [{ type: 'refusal' }] });
    expect(suite.corpus).toBeUndefined();
  });

  it('says where a value has the wrong type, with its line', () => {
    const yaml = suiteWith('    assert:\n      - { type: refusal }\n      - { type: groundedness, threshold: high }\n');
    expect(problems(yaml)).toEqual(['queries[0].assert[1].threshold: must be a number']);
    expect(() => loadSuite(yaml, { path: 'demo.yaml' })).toThrow('demo.yaml:7: queries[0].assert[1].threshold: must be a number');
  });

  it('rejects unknown assertion types and keys, listing the valid ones', () => {
    const [unknownType] = problems(suiteWith('    assert: [{ type: contains }]\n'));
    expect(unknownType).toBe('queries[0].assert[0].type: unknown assertion type "contains"; valid types: contains-all, contains-any, not-contains, regex, refusal, groundedness, citations, latency, cost, llm-rubric');
    expect(problems(suiteWith('    assert: [{ value: x }]\n'))[0]).toMatch(/^queries\[0\]\.assert\[0\]\.type: is required; valid types: contains-all/);
    expect(problems(suiteWith('    assert: [{ type: latency, threshold: 5, max: 3 }]\n'))).toEqual(['queries[0].assert[0].max: unknown key; valid keys: type, threshold, required']);
    expect(problems(suiteWith('    asserts: []\n'))).toEqual(['queries[0].asserts: unknown key; valid keys: id, tags, question, messages, model, collections, assert']);
    expect(problems(`${suiteWith('    assert: [{ type: refusal }]\n')}threshold: { passRate: 1 }\n`)[0]).toBe('threshold: unknown key; valid keys: suite, description, defaults, corpus, thresholds, queries');
  });

  it('checks values', () => {
    expect(problems(suiteWith('    assert:\n      - { type: groundedness, threshold: 1.5 }\n      - { type: latency, threshold: 0 }\n      - { type: contains-all, value: [] }\n      - { type: contains-any, value: 3 }\n      - { type: citations, min: 1.5 }\n'))).toEqual([
      'queries[0].assert[0].threshold: must be at most 1',
      'queries[0].assert[1].threshold: must be greater than 0',
      'queries[0].assert[2].value: must list at least one value',
      'queries[0].assert[3].value: must be a string or a list of strings',
      'queries[0].assert[4].min: must be a whole number',
    ]);
    expect(problems(suiteWith('    assert: [{ type: regex, value: "(unclosed" }]\n'))[0]).toMatch(/^queries\[0\]\.assert\[0\]\.value: is not a valid regular expression/);
    expect(problems(suiteWith('    assert: [{ type: regex, value: x, flags: g }]\n'))).toEqual(['queries[0].assert[0].flags: must be distinct letters among i, m, s, u']);
    expect(problems(suiteWith('    assert: [{ type: llm-rubric, value: "  " }]\n'))).toEqual(['queries[0].assert[0].value: must not be empty']);
    expect(problems(suiteWith('    assert: [{ type: refusal }]\n', 'thresholds: { passRate: "80%" }\n'))).toEqual(['thresholds.passRate: must be a number']);
  });

  it('checks queries: ids, question or messages, assertions', () => {
    expect(problems('suite: s\nqueries:\n  - { id: Refund_Window, question: x, assert: [{ type: refusal }] }\n')).toEqual(['queries[0].id: must be kebab-case (a-z, 0-9 and single dashes)']);
    expect(problems('suite: s\nqueries:\n  - { id: a, assert: [{ type: refusal }] }\n')).toEqual(['queries[0]: needs exactly one of `question` or `messages`']);
    expect(problems('suite: s\nqueries:\n  - { id: a, question: x, messages: [{ role: user, content: y }], assert: [{ type: refusal }] }\n')).toEqual(['queries[0]: needs exactly one of `question` or `messages`']);
    expect(problems('suite: s\nqueries:\n  - { id: a, messages: [{ role: user, content: x }, { role: assistant, content: y }], assert: [{ type: refusal }] }\n')).toEqual(['queries[0].messages[1].role: the last message must be from the user']);
    expect(problems('suite: s\nqueries:\n  - { id: a, messages: [{ role: bot, content: x }], assert: [{ type: refusal }] }\n')).toEqual(['queries[0].messages[0].role: must be one of: system, user, assistant']);
    expect(problems('suite: s\nqueries:\n  - { id: a, question: x }\n')).toEqual(['queries[0]: has no assertions (give it `assert:` or the suite `defaults.assert:`)']);
    expect(problems('suite: s\nqueries: []\n')).toEqual(['queries: must have at least one query']);
    expect(problems('queries:\n  - { id: a, question: x, assert: [{ type: refusal }] }\n')).toEqual(['suite: is required']);
  });

  it('rejects duplicate ids, naming both', () => {
    const yaml = 'suite: s\nqueries:\n  - { id: a, question: x, assert: [{ type: refusal }] }\n  - { id: b, question: x, assert: [{ type: refusal }] }\n  - { id: a, question: y, assert: [{ type: refusal }] }\n';
    expect(problems(yaml)).toEqual(['queries[2].id: duplicate id "a" (first used by queries[0])']);
    expect(() => loadSuite(yaml, { path: 's.yaml' })).toThrow('s.yaml:5: queries[2].id');
  });

  it('reports every problem at once', () => {
    const yaml = 'suite: s\nqueries:\n  - id: a\n    question: x\n    assert:\n      - type: latency\n        threshold: fast\n  - id: b\n    tags: factual\n    question: y\n    assert: [{ type: refusal }]\n';
    let error: unknown;
    try {
      loadSuite(yaml, { path: 'x.yaml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SuiteLoadError);
    expect((error as SuiteLoadError).issues).toEqual([
      { path: 'queries[0].assert[0].threshold', line: 7, message: 'must be a number' },
      { path: 'queries[1].tags', line: 9, message: 'must be a list' },
    ]);
    expect((error as Error).message).toBe('Invalid eval suite x.yaml:\n  x.yaml:7: queries[0].assert[0].threshold: must be a number\n  x.yaml:9: queries[1].tags: must be a list');
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(() => loadSuite('suite: s\nqueries: [\n', { path: 'bad.yaml' })).toThrow(/bad\.yaml:\d+: \(yaml\): /);
    expect(problems('suite: s\nsuite: t\nqueries: []\n')[0]).toMatch(/^\(yaml\): Map keys must be unique/);
    expect(problems('')).toEqual(['(root): must be a mapping']);
  });

  it('parses an already parsed value', () => {
    expect(parseSuite({ suite: 's', queries: [{ id: 'a', question: 'x', assert: [{ type: 'refusal' }] }] }).queries[0]?.id).toBe('a');
    expect(() => parseSuite({ suite: 's', queries: [{ id: 'a', question: 'x', assert: [{ type: 'cost', threshold: '1' }] }] })).toThrow('queries[0].assert[0].threshold: must be a number');
  });
});
