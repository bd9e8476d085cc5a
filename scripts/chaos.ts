/**
 * `npm run chaos`: runs the fault drills (real Temporal dev server, worker processes, the
 * simulator's faults) and prints one pass/fail line per drill. Each drill asserts zero lost
 * requests and zero double charges. Exit code 1 when any drill fails.
 *
 *   npm run chaos -- [--json]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '#libs/project';

/** The drill files, in the order they run; files not in this checkout are left out. */
const DRILL_FILES = [
  'test/chaos/provider-faults.test.ts',
  'test/chaos/store-outage.test.ts',
  'test/worker-crash.test.ts',
  'test/ingest-crash.test.ts',
  'test/batch-restart.test.ts',
  'test/temporal-restart.test.ts',
  'test/multi-process.test.ts',
];

interface JestReport {
  readonly testResults: ReadonlyArray<{
    readonly name: string;
    readonly message: string;
    readonly assertionResults: ReadonlyArray<{ readonly title: string; readonly status: string; readonly duration?: number | null; readonly failureMessages: readonly string[] }>;
  }>;
}

/** One drill's outcome. */
export interface DrillOutcome {
  readonly file: string;
  readonly drill: string;
  readonly status: string;
  readonly seconds: number;
  readonly failure?: string;
}

function outcomesOf(report: JestReport, root: string): DrillOutcome[] {
  return report.testResults.flatMap((file) => {
    const relative = file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
    if (file.assertionResults.length === 0) return [{ file: relative, drill: '(the file did not run)', status: 'failed', seconds: 0, failure: file.message.split('\n')[0] ?? '' }];
    return file.assertionResults.map((result) => ({
      file: relative,
      drill: result.title,
      status: result.status,
      seconds: (result.duration ?? 0) / 1000,
      ...(result.failureMessages.length > 0 ? { failure: (result.failureMessages[0] ?? '').split('\n')[0] ?? '' } : {}),
    }));
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const root = projectRoot();
  const files = DRILL_FILES.filter((file) => existsSync(join(root, file)));
  const output = join(mkdtempSync(join(tmpdir(), 'ballast-chaos-')), 'drills.json');
  const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
  const child = spawn(process.execPath, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, '--runInBand', '--json', `--outputFile=${output}`, ...files], {
    cwd: root,
    stdio: ['ignore', 'ignore', values.json ? 'ignore' : 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (!existsSync(output)) throw new Error(`jest wrote no report (exit ${code})`);
  const outcomes = outcomesOf(JSON.parse(readFileSync(output, 'utf8')) as JestReport, root);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ drills: outcomes }, null, 2)}\n`);
  } else {
    console.log('\n| drill | file | result | seconds |\n| --- | --- | --- | ---: |');
    for (const outcome of outcomes) {
      const result = outcome.status === 'passed' ? 'PASS' : `FAIL${outcome.failure === undefined ? '' : `: ${outcome.failure.replaceAll('|', '\\|')}`}`;
      console.log(`| ${outcome.drill} | ${outcome.file} | ${result} | ${outcome.seconds.toFixed(1)} |`);
    }
    const passed = outcomes.filter((outcome) => outcome.status === 'passed').length;
    console.log(`\n${passed} of ${outcomes.length} drills passed`);
  }
  if (code !== 0 || outcomes.some((outcome) => outcome.status !== 'passed')) process.exitCode = 1;
}

await main();
