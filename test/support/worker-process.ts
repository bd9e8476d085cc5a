import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConfig } from '#libs/config';
import { projectRoot } from '#libs/project';

const workerMain = join(projectRoot(), 'dist', 'apps', 'worker', 'src', 'main.js');

/** Fails early, with the fix, when the built worker the crash tests spawn is missing. */
export function assertWorkerBuilt(): void {
  if (!existsSync(workerMain)) throw new Error(`${workerMain} is missing: run \`npm run build\` first (npm test does).`);
}

/**
 * The real worker main as its own process, on the test's Temporal server, task queue, simulator
 * and stores; `environment` adds variables (a shared database URL, shorter timeouts).
 */
export function startWorkerProcess(config: ResolvedConfig, simulatorUrl: string, environment: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [workerMain], {
    env: {
      PATH: process.env['PATH'] ?? '',
      TEMPORAL_ADDRESS: config.temporal.address,
      BALLAST_TASK_QUEUE: config.temporal.taskQueue,
      BALLAST_SIMULATOR: 'always',
      BALLAST_SIMULATOR_URL: simulatorUrl,
      BALLAST_ENV: 'test',
      // The same stores as the API, so what the worker writes is what the test reads.
      BALLAST_DATA_DIR: config.dataDir,
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Resolves when the process prints `pattern` (default: the worker polls its queue); rejects if it exits first. */
export function waitForOutput(child: ChildProcess, pattern: RegExp = /polling task queue/): Promise<void> {
  return new Promise((resolveOutput, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) resolveOutput();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before ${pattern}: ${seen}`)));
  });
}

/** Sends `signal` and waits for the exit (at once if it has exited already). */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  child.kill(signal);
  await exited;
}
