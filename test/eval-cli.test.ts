import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEvalCommand } from '../apps/cli/src/commands/eval/run-eval-command.js';
import { ADMIN_API_KEY, startTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let directory: string;

beforeAll(async () => {
  stack = await startTestStack({ config: { eval: { concurrency: 2 } } });
  directory = mkdtempSync(join(tmpdir(), 'ballast-eval-cli-'));
  mkdirSync(join(directory, 'corpus'));
  writeFileSync(join(directory, 'corpus', 'returns.md'), '# Returns policy\n\nRefunds are accepted within 30 days of delivery. Shipping fees are not refunded.\n');
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

function suiteFile(name: string, passRate: number): string {
  const path = join(directory, `${name}.yaml`);
  writeFileSync(
    path,
    `suite: ${name}
defaults: { model: gpt-4.1-mini, collections: [returns] }
corpus: { collection: returns, paths: [corpus] }
thresholds: { passRate: ${passRate} }
queries:
  - id: refund-window
    question: "Within how many days of delivery are refunds accepted?"
    assert: [{ type: contains-all, value: ["30 days"] }]
  - id: impossible
    question: "Are shipping fees refunded?"
    assert: [{ type: contains-all, value: ["a fact no answer states"] }]
`,
  );
  return path;
}

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runEvalCommand([...argv, '--api', stack.apiUrl, '--key', ADMIN_API_KEY], {
    stdout: { write: (text: string) => (stdout += text), columns: 100 },
    stderr: { write: (text: string) => (stderr += text) },
    env: {},
    pollIntervalMs: 100,
  });
  return { code, stdout, stderr };
}

test('ingests the corpus, prints the table, writes the three reports and the baseline; exit 0 when the gate passes', async () => {
  const suite = suiteFile('lenient', 0.5);
  const out = join(directory, 'out');
  const result = await run(['--suite', suite, '--out', out, '--update-baseline']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain("into collection 'returns'");
  expect(result.stdout).toMatch(/refund-window +PASS/);
  expect(result.stdout).toMatch(/impossible +FAIL/);
  expect(result.stdout).toContain('gate PASS: 1/2 passed (50%)');
  for (const extension of ['json', 'md', 'html']) expect(existsSync(join(out, `lenient.${extension}`))).toBe(true);
  const baseline = JSON.parse(readFileSync(join(directory, 'lenient.baseline.json'), 'utf8')) as { summary: { passRate: number; passedIds: string[] } };
  expect(baseline.summary).toMatchObject({ passRate: 0.5, passedIds: ['refund-window'] });
}, 120_000);

test('exit 1 when a bound is crossed: the pass rate, or a drop from the baseline beside the suite', async () => {
  const strict = await run(['--suite', suiteFile('strict', 0.9), '--out', join(directory, 'out')]);
  expect(strict.code).toBe(1);
  expect(strict.stdout).toContain('pass rate 50% is below the required 90%');

  // A baseline in which both passed: the pass rate dropped by 50 points, more than the 5 allowed.
  const suite = suiteFile('regressed', 0.5);
  writeFileSync(join(directory, 'regressed.baseline.json'), JSON.stringify({ summary: { passRate: 1, passedIds: ['refund-window', 'impossible'] } }));
  const regressed = await run(['--suite', suite, '--out', join(directory, 'out')]);
  expect(regressed.code).toBe(1);
  expect(regressed.stdout).toContain('pass rate dropped 50 points');
  expect(regressed.stdout).toContain('regressed: impossible');
  // The same run with the regression bound lifted passes.
  expect((await run(['--suite', suite, '--out', join(directory, 'out'), '--max-regression', '1'])).code).toBe(0);
}, 120_000);

test('exit 2 naming every problem when the suite or the arguments are wrong, before anything runs', async () => {
  const bad = join(directory, 'bad.yaml');
  writeFileSync(bad, 'suite: bad\nqueries:\n  - id: Bad\n    question: "?"\n    assert: [{ type: latency, threshold: soon }]\n');
  const result = await run(['--suite', bad]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain(`${bad}:3: queries[0].id: must be kebab-case`);
  expect(result.stderr).toContain(`${bad}:5: queries[0].assert[0].threshold: must be a number`);
  expect((await run(['--suite', join(directory, 'missing.yaml')])).stderr).toContain("--suite: no file");
  expect((await run(['--suite', bad, '--pass-rate', '2'])).code).toBe(2);
});
