import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runDoctorCommand } from '../apps/cli/src/commands/doctor/run-doctor-command.js';
import { projectRoot } from '#libs/project';
import { startTestStack, type TestStack } from './support/test-stack.js';

const run = promisify(execFile);
const cliMain = join(projectRoot(), 'dist', 'apps', 'cli', 'src', 'main.js');

/** Collects what the command writes. */
function capture() {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk) }, text: () => text };
}

/** The environment an operator would set to point Ballast at the test stack. */
function stackEnvironment(stack: TestStack): NodeJS.ProcessEnv {
  return {
    BALLAST_ENV: 'test',
    TEMPORAL_ADDRESS: stack.config.temporal.address,
    BALLAST_TASK_QUEUE: stack.config.temporal.taskQueue,
    BALLAST_SIMULATOR: 'always',
    BALLAST_SIMULATOR_URL: stack.simulator.url,
    BALLAST_DATA_DIR: stack.config.dataDir,
  };
}

describe('ballast doctor', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it('passes every check against a running stack, in JSON', async () => {
    const stdout = capture();
    const stderr = capture();
    const code = await runDoctorCommand(['--json'], { stdout: stdout.stream, stderr: stderr.stream, env: stackEnvironment(stack), cwd: '/nonexistent' });
    const report = JSON.parse(stdout.text()) as { ok: boolean; checks: { name: string; status: string; detail: string }[] };
    expect(report.checks.filter((check) => check.status !== 'pass')).toEqual([]);
    expect(code).toBe(0);
    expect(report.ok).toBe(true);
    expect(report.checks.map((check) => check.name)).toEqual([
      'configuration',
      'temporal',
      'temporal namespace',
      'temporal search attributes',
      'temporal worker',
      'store',
      'store migrations',
      'vector store',
      'provider openai (simulator)',
      'provider anthropic (simulator)',
      'blob store',
      'data dir',
    ]);
    expect(report.checks.find((check) => check.name === 'temporal worker')?.detail).toContain(`polling task queue '${stack.config.temporal.taskQueue}'`);
    expect(stderr.text()).toBe('');
  });

  it('fails a wrong Temporal port, says how to fix it, and still checks the rest', async () => {
    const stdout = capture();
    const environment = { ...stackEnvironment(stack), TEMPORAL_ADDRESS: '127.0.0.1:1' };
    const code = await runDoctorCommand(['--timeout', '1500'], { stdout: stdout.stream, stderr: capture().stream, env: environment, cwd: '/nonexistent' });
    expect(code).toBe(1);
    const text = stdout.text();
    expect(text).toMatch(/^FAIL {2}temporal +cannot reach Temporal at 127\.0\.0\.1:1/m);
    expect(text).toMatch(/^ +fix: start it .* or set TEMPORAL_ADDRESS/m);
    expect(text).toMatch(/^PASS {2}provider openai \(simulator\)/m);
    expect(text).toMatch(/^PASS {2}store migrations +up to date/m);
    expect(text).toMatch(/1 failed\n$/);
  });

  it('fails a provider whose key variable is unset with the loader’s message, and skips the rest', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'ballast-doctor-'));
    writeFileSync(
      join(directory, 'ballast.yaml'),
      [
        'providers:',
        '  - name: openai',
        '    kind: openai',
        '    apiKeyEnv: DOCTOR_TEST_OPENAI_KEY',
        'routes:',
        '  simple: { targets: [{ provider: openai, model: gpt-4o-mini }] }',
        '  complex: { targets: [{ provider: openai, model: gpt-4o }] }',
        '',
      ].join('\n'),
    );
    const stdout = capture();
    const code = await runDoctorCommand([], { stdout: stdout.stream, stderr: capture().stream, env: { ...stackEnvironment(stack), BALLAST_SIMULATOR: 'never' }, cwd: directory });
    expect(code).toBe(1);
    expect(stdout.text()).toContain('FAIL  configuration providers[0].apiKey  environment variable DOCTOR_TEST_OPENAI_KEY is not set');
    expect(stdout.text()).toContain('SKIP  connectivity checks: the configuration must load first');
  });

  it('is a command of the built CLI: exit code 1 and JSON on a broken setup', async () => {
    const environment = { PATH: process.env['PATH'] ?? '', ...stackEnvironment(stack), BALLAST_SIMULATOR_URL: 'http://127.0.0.1:1' };
    const failure = await run(process.execPath, [cliMain, 'doctor', '--json', '--timeout', '2000'], { env: environment, cwd: tmpdir() }).then(
      () => undefined,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    const report = JSON.parse(failure?.stdout ?? '{}') as { ok: boolean; checks: { name: string; status: string; fix?: string }[] };
    expect(report.ok).toBe(false);
    expect(report.checks.filter((check) => check.status === 'fail').map((check) => check.name)).toEqual(['provider openai (simulator)', 'provider anthropic (simulator)']);
    expect(report.checks.find((check) => check.name === 'temporal worker')?.status).toBe('pass');
  });
});
