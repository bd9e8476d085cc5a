/**
 * `npm run fuzz`: fuzzes the API from its own OpenAPI document with schemathesis (installed from
 * the Python package index into .tools/ on first use). Starts Ballast on its embedded defaults
 * (fresh data directory, free ports, the simulator), runs schemathesis with the `not_a_server_error`
 * check, then audits every error response it got: each must be RFC 9457 problem+json. Exit code 1
 * on any 5xx or any other error body.
 *
 *   npm run fuzz -- [--max-examples 30]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '#libs/project';
import { auditErrorResponses } from './fuzz/problem-json-audit.js';
import { ensureSchemathesis } from './fuzz/schemathesis-install.js';

const DEV_KEY = 'sk-ballast-dev-0000';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startBallast(root: string, workDir: string): Promise<{ child: ChildProcess; apiUrl: string }> {
  const [api, temporal, ui, simulator] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', 'cli', 'src', 'main.js'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      BALLAST_DATA_DIR: join(workDir, 'data'),
      BALLAST_PORT: String(api),
      TEMPORAL_ADDRESS: `127.0.0.1:${temporal}`,
      TEMPORAL_UI_URL: `http://127.0.0.1:${ui}`,
      BALLAST_SIMULATOR_URL: `http://127.0.0.1:${simulator}`,
      BALLAST_DEMO_CORPUS: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Ballast did not start within 180 s:\n${output.slice(-2000)}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ballast is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`Ballast exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
  return { child, apiUrl: `http://127.0.0.1:${api}` };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'max-examples': { type: 'string', default: '30' } } });
  const root = projectRoot();
  const st = ensureSchemathesis(root);
  const workDir = mkdtempSync(join(tmpdir(), 'ballast-fuzz-'));
  const { child, apiUrl } = await startBallast(root, workDir);
  try {
    const har = join(workDir, 'responses.har');
    console.log(`fuzzing ${apiUrl} from ${apiUrl}/docs/json (reports in ${workDir})`);
    const fuzz = spawn(
      st,
      ['run', `${apiUrl}/docs/json`, '--url', apiUrl, '-H', `Authorization: Bearer ${DEV_KEY}`, '--checks', 'not_a_server_error', '--max-examples', values['max-examples'], '--workers', '2', '--report', 'har', '--report-har-path', har, '--no-color'],
      { stdio: 'inherit' },
    );
    const stExit = await new Promise<number | null>((resolve) => fuzz.once('exit', resolve));
    const audit = auditErrorResponses(JSON.parse(readFileSync(har, 'utf8')));
    console.log(`\nerror contract: ${audit.responses} responses, ${audit.errors} errors (${audit.serverErrors} 5xx), ${audit.violations.length} not problem+json`);
    for (const violation of audit.violations.slice(0, 20)) console.log(`  ${violation.status} ${violation.method} ${violation.url} (${violation.contentType || 'no content type'})`);
    if (stExit !== 0 || audit.serverErrors > 0 || audit.violations.length > 0) process.exitCode = 1;
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
}

await main();
