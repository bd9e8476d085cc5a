import { compareToBaseline } from '../compare-baseline.js';
import { summarize } from '../summarize.js';
import { queryResult } from '../testing/results.js';
import { toConsoleTable } from './console-table.js';
import { toHtmlReport } from './html-report.js';
import { toJsonReport } from './json-report.js';
import { toMarkdownReport } from './markdown-report.js';

const results = [
  queryResult('refund-window', {
    tags: ['factual'],
    groundedness: 0.92,
    latencyMs: 1240,
    costUsd: 0.0021,
    assertions: [{ type: 'contains-all', status: 'pass', required: true, expected: 'all of "30 days"', actual: 'all found', reason: 'states "30 days"' }],
  }),
  queryResult('xss-probe', {
    tags: ['factual', 'numeric'],
    status: 'fail',
    answer: 'Here: <script>alert("x")</script> & more',
    question: 'What does <b>this</b> do?',
    reason: 'contains-all: missing "<img src=x onerror=alert(1)>" | pipe',
    groundedness: 0.4,
    latencyMs: 3100,
    assertions: [{ type: 'contains-all', status: 'fail', required: true, expected: 'all of "<img>"', actual: 'missing "<img>"', reason: 'missing "<img>"' }],
  }),
  queryResult('ceo-salary', { tags: ['refusal'], status: 'error', reason: 'request failed: PROVIDER_TIMEOUT: upstream timed out', error: { code: 'PROVIDER_TIMEOUT', message: 'upstream timed out' } }),
];
const summary = summarize(results);
const thresholds = { passRate: 0.8, maxRegression: 0.05 };
const comparison = compareToBaseline(summary, { passRate: 1, passedIds: ['refund-window', 'xss-probe', 'ceo-salary'] }, thresholds);
const context = { suite: 'demo', description: 'Demo suite', generatedAt: '2025-01-02T03:04:05Z', thresholds, comparison };

describe('toJsonReport', () => {
  it('serialises the run with its gate', () => {
    const report = JSON.parse(toJsonReport(summary, results, context)) as Record<string, unknown>;
    expect(report).toMatchObject({ version: 1, suite: 'demo', generatedAt: '2025-01-02T03:04:05Z', gate: { gate: 'fail' }, summary: { queries: 3, passed: 1 } });
    expect(report['results']).toHaveLength(3);
    expect(JSON.parse(toJsonReport(summary, results))).toMatchObject({ suite: null, gate: null });
  });
});

describe('toMarkdownReport', () => {
  const markdown = toMarkdownReport(summary, results, context);

  it('has the gate, the totals, tags, regressions, failures and every query', () => {
    expect(markdown).toContain('# Eval: demo');
    expect(markdown).toContain('**Gate: FAIL** — 1/3 passed (33.3%), 80% required');
    expect(markdown).toContain('- pass rate 33.3% is below the required 80%');
    expect(markdown).toContain('| factual | 2 | 1 | 50% |');
    expect(markdown).toContain('## Regressions');
    expect(markdown).toContain('- `ceo-salary` (error): request failed: PROVIDER_TIMEOUT: upstream timed out');
    expect(markdown).toContain('| `refund-window` | factual | PASS | 0.92 | 1,240 ms | $0.0021 |  |');
  });

  it('escapes pipes and markup in cells', () => {
    expect(markdown).toContain('missing "&lt;img src=x onerror=alert(1)&gt;" \\| pipe');
    expect(markdown).not.toContain('<img');
  });
});

describe('toHtmlReport', () => {
  const html = toHtmlReport(summary, results, context);

  it('escapes every text, a <script> in an answer included', () => {
    expect(html).not.toContain('<script');
    expect(html).toContain('Here: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).toContain('What does &lt;b&gt;this&lt;/b&gt; do?');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
  });

  it('is self-contained', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(?:link|img|script|iframe)\b|\b(?:src|href)="|@import|url\(/i);
    expect(html).toContain('Gate: FAIL');
    expect(html).toContain('PROVIDER_TIMEOUT: upstream timed out');
  });

  it('escapes the suite name too', () => {
    expect(toHtmlReport(summary, [], { suite: '<x>' })).toContain('<title>Eval: &lt;x&gt;</title>');
  });
});

describe('toConsoleTable', () => {
  it('lines up one query a line with the first failing reason, totals after', () => {
    const table = toConsoleTable(summary, results, { width: 200, comparison });
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^ID\s+TAGS\s+RESULT\s+GROUND\s+LATENCY\s+COST\s+REASON$/);
    expect(lines[2]).toMatch(/^refund-window\s+factual\s+PASS\s+0\.92\s+1,240 ms\s+\$0\.0021$/);
    expect(lines[3]).toContain('FAIL');
    expect(lines[3]).toContain('contains-all: missing "<img src=x onerror=alert(1)>" | pipe');
    expect(lines[4]).toMatch(/ERROR\s+–\s+1,000 ms\s+\$0\.001\s+request failed: PROVIDER_TIMEOUT/);
    expect(table).toContain('gate FAIL: 1/3 passed (33.3%)');
    expect(table).toContain('regressed: xss-probe, ceo-salary');
    // The columns line up: every row starts its RESULT column at the same place.
    const at = lines[0]?.indexOf('RESULT');
    expect(lines.slice(2, 5).map((line) => line.slice(at).split(/\s/)[0])).toEqual(['PASS', 'FAIL', 'ERROR']);
  });

  it('truncates every line to the width', () => {
    const table = toConsoleTable(summary, results, { width: 60, comparison });
    for (const line of table.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    expect(table).toContain('…');
    expect(toConsoleTable(summary, results).split('\n').every((line) => line.length <= 120)).toBe(true);
  });
});
