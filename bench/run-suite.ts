/**
 * `npm run bench`: runs every benchmark of the suite one after another (each writes its JSON and
 * Markdown to bench/results), then writes bench/results/SUMMARY.md from those results.
 *
 *   npm run bench -- [--quick] [--only chat-latency,batch] [--summary-only]
 *
 * Runs take long (the full suite about an hour on 2 cores; `--quick` a fraction); each
 * benchmark's output goes to a log file named on the console.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '#libs/project';
import { BENCH_CATALOG, type SuiteBenchmark } from './suite/bench-catalog.js';
import { digestResult, renderSummary, type SuiteRunOutcome } from './suite/summarize-results.js';

async function runBenchmark(benchmark: SuiteBenchmark, quick: boolean, logDirectory: string): Promise<SuiteRunOutcome> {
  const logFile = join(logDirectory, `${benchmark.name}.log`);
  const log = openSync(logFile, 'a');
  const started = performance.now();
  const script = join(projectRoot(), 'dist', 'bench', benchmark.script);
  const child = spawn(process.execPath, [script, ...(quick ? benchmark.quickArgs : benchmark.args)], { cwd: projectRoot(), stdio: ['ignore', log, log] });
  closeSync(log);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (code === 0) return { name: benchmark.name, status: 'passed', seconds };
  const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-1)[0] ?? '';
  return { name: benchmark.name, status: 'failed', seconds, error: `exit ${code}; ${tail.slice(0, 160)} (log: ${logFile})` };
}

function selected(only: string | undefined): SuiteBenchmark[] {
  if (only === undefined) return [...BENCH_CATALOG];
  const names = only.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const unknown = names.filter((name) => !BENCH_CATALOG.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) throw new Error(`--only: unknown benchmark ${unknown.join(', ')}; known: ${BENCH_CATALOG.map((benchmark) => benchmark.name).join(', ')}`);
  return BENCH_CATALOG.filter((benchmark) => names.includes(benchmark.name));
}

function writeSummary(outcomes: readonly SuiteRunOutcome[]): string {
  const directory = join(projectRoot(), 'bench', 'results');
  const digests = readdirSync(directory)
    .filter((file) => file.endsWith('.md') && file !== 'SUMMARY.md')
    .sort()
    .map((file) => digestResult(file, readFileSync(join(directory, file), 'utf8')));
  const path = join(directory, 'SUMMARY.md');
  writeFileSync(path, renderSummary(digests, outcomes, new Date().toISOString()));
  return path;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, 'summary-only': { type: 'boolean', default: false } } });
  const outcomes: SuiteRunOutcome[] = [];
  if (values['summary-only'] !== true) {
    const benchmarks = selected(values.only);
    const logDirectory = mkdtempSync(join(tmpdir(), 'ballast-bench-'));
    console.log(`running ${benchmarks.length} benchmarks${values.quick ? ' (quick)' : ''}; logs in ${logDirectory}`);
    for (const benchmark of benchmarks) {
      console.log(`→ ${benchmark.name}: ${benchmark.measures}`);
      const outcome = await runBenchmark(benchmark, values.quick === true, logDirectory);
      outcomes.push(outcome);
      console.log(`  ${outcome.status} in ${(outcome.seconds ?? 0).toFixed(0)} s${outcome.error === undefined ? '' : ` — ${outcome.error}`}`);
    }
  }
  console.log(`summary: ${writeSummary(outcomes)}`);
  if (outcomes.some((outcome) => outcome.status === 'failed')) process.exitCode = 1;
}

await main();
