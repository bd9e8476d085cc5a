import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '#libs/project';
import { BENCH_CATALOG } from '../bench/suite/bench-catalog.js';
import { digestResult, renderSummary } from '../bench/suite/summarize-results.js';

describe('benchmark suite (npm run bench)', () => {
  it('names only benchmarks that are built and whose result is committed', () => {
    for (const benchmark of BENCH_CATALOG) {
      expect({ name: benchmark.name, built: existsSync(join(projectRoot(), 'dist', 'bench', benchmark.script)) }).toEqual({ name: benchmark.name, built: true });
      expect({ name: benchmark.name, result: existsSync(join(projectRoot(), 'bench', 'results', benchmark.result)) }).toEqual({ name: benchmark.name, result: true });
    }
    expect(new Set(BENCH_CATALOG.map((benchmark) => benchmark.name)).size).toBe(BENCH_CATALOG.length);
  });

  it('digests a result: title, when and where it ran, goal lines', () => {
    const digest = digestResult(
      'x.md',
      ['# Context compression', '', '2026-11-27T20:01:21Z · AMD EPYC · 2 cores', '', 'Goals:', '- ✅ ≥ 2× fewer tokens', '- ❌ p99 ≤ 5 ms (9 ms)', '- a note'].join('\n'),
    );
    expect(digest).toEqual({ file: 'x.md', title: 'Context compression', ranOn: '2026-11-27T20:01:21Z · AMD EPYC · 2 cores', goals: ['✅ ≥ 2× fewer tokens', '❌ p99 ≤ 5 ms (9 ms)'] });
  });

  it('digests every committed result with its date', () => {
    for (const benchmark of BENCH_CATALOG) {
      const digest = digestResult(benchmark.result, readFileSync(join(projectRoot(), 'bench', 'results', benchmark.result), 'utf8'));
      expect({ file: digest.file, dated: digest.ranOn !== 'date not recorded' }).toEqual({ file: benchmark.result, dated: true });
    }
  });

  it('renders the summary with counts, this run and each result', () => {
    const summary = renderSummary(
      [digestResult('a.md', '# A\n2026-01-01 · m\n- ✅ fast\n- ❌ small'), digestResult('b.md', '# B\n2026-01-02 · m')],
      [{ name: 'a', status: 'passed', seconds: 12.4 }, { name: 'b', status: 'failed', seconds: 3, error: 'exit 1; boom | bang' }],
      '2026-01-03T00:00:00Z',
    );
    expect(summary).toContain('goals stated in them: 1 met, 1 not met');
    expect(summary).toContain('| a | passed | 12 |');
    expect(summary).toContain('| b | failed: exit 1; boom \\| bang | 3 |');
    expect(summary).toContain('### A (`a.md`)\n\n2026-01-01 · m\n\n- ✅ fast\n- ❌ small');
    expect(summary).toContain('### B (`b.md`)\n\n2026-01-02 · m');
  });
});
