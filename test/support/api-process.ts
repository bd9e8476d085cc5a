import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '#libs/config';
import { projectRoot } from '#libs/project';
import { TEST_API_KEY } from './test-stack.js';

const apiMain = join(projectRoot(), 'dist', 'apps', 'api', 'src', 'main.js');

/** An API process and the URL it listens on. */
export interface ApiProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything it printed so far. */
  output(): string;
}

/**
 * The real API main as its own process on the test's Temporal server, task queue, simulator
 * and stores, with the test key of tenant-a; resolves once it listens (on a free port).
 */
export async function startApiProcess(config: ResolvedConfig, simulatorUrl: string, environment: Record<string, string> = {}): Promise<ApiProcess> {
  if (!existsSync(apiMain)) throw new Error(`${apiMain} is missing: run \`npm run build\` first (npm test does).`);
  const child = spawn(process.execPath, [apiMain], {
    env: {
      PATH: process.env['PATH'] ?? '',
      TEMPORAL_ADDRESS: config.temporal.address,
      BALLAST_TASK_QUEUE: config.temporal.taskQueue,
      BALLAST_SIMULATOR: 'always',
      BALLAST_SIMULATOR_URL: simulatorUrl,
      BALLAST_ENV: 'test',
      BALLAST_DATA_DIR: config.dataDir,
      BALLAST_PORT: '0',
      BALLAST_API_KEYS: `${TEST_API_KEY}:tenant-a:alice`,
      BALLAST_REQUEST_TIMEOUT_MS: String(config.server.requestTimeoutMs),
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let seen = '';
  child.stdout.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (seen += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) resolveUrl(match[1]);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`API exited with ${code} before listening: ${seen}`)));
  });
  return { child, url, output: () => seen };
}
