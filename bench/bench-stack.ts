import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '#libs/project';
import { ensureTemporalCli, startDevServer } from '#libs/temporal-cli';
import { spawnNode, track, type ChildHandle } from './child-processes.js';
import { SERVER_PROFILES, type Variant } from './variants.js';

/** The compiled tree this file runs from (`dist/`), so processes run the same build. */
export const DIST_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** The key the benchmark's clients present to the API. */
export const BENCH_API_KEY = 'sk-bench-000000000000';

/** Where Temporal keeps workflow state during the run. */
export type TemporalStore = 'memory' | 'sqlite';

/** One Temporal dev server of the run. */
export interface TemporalServer {
  readonly profile: string;
  readonly address: string;
  readonly pid: number;
  readonly store: TemporalStore;
}

/** The simulator and the Temporal dev servers (one per server profile used), shared by every variant. */
export interface Infrastructure {
  readonly simulatorUrl: string;
  readonly workDir: string;
  readonly simulatorPid: number;
  /** The dev server of a profile, started on first use. */
  temporal(profile: string): Promise<TemporalServer>;
  stop(): Promise<void>;
}

/**
 * Starts the simulator as its own process with no latency configured; Temporal dev servers
 * (headless, free ports, in memory or a SQLite file in WAL mode like `npm start`) start on demand.
 */
export async function startInfrastructure(options: { store: TemporalStore; workDir: string }): Promise<Infrastructure> {
  const cli = ensureTemporalCli();
  const servers = new Map<string, Promise<{ server: TemporalServer; stop: () => Promise<void> }>>();
  const startServer = async (profile: string) => {
    const settings = SERVER_PROFILES[profile];
    if (!settings) throw new Error(`unknown server profile ${profile}`);
    const store = settings.store ?? options.store;
    const dbFile = store === 'sqlite' ? join(options.workDir, `temporal-${profile}`, 'temporal.db') : undefined;
    const devServer = await startDevServer({
      cliPath: cli.path,
      headless: true,
      ...(dbFile ? { dbFile } : {}),
      ...(settings.dynamicConfig ? { dynamicConfig: settings.dynamicConfig } : {}),
      ...(settings.env ? { env: settings.env } : {}),
    });
    const child = track(`temporal-${profile}`, devServer.process);
    return {
      server: { profile, address: devServer.address, pid: child.pid, store },
      async stop() {
        await devServer.stop();
        await child.stop();
      },
    };
  };

  const port = await freePort();
  const simulator = spawnNode('simulator', join(DIST_ROOT, 'apps/simulator/src/main.js'), [], {
    env: baseEnvironment({ SIMULATOR_PORT: String(port), SIMULATOR_HOST: '127.0.0.1', SIMULATOR_SEED: '7' }),
    cwd: options.workDir,
    logFile: join(options.workDir, 'simulator.log'),
  });
  const simulatorUrl = `http://127.0.0.1:${port}`;
  await waitFor(`simulator at ${simulatorUrl}`, simulator, async () => (await fetch(`${simulatorUrl}/v1/models`)).ok);

  return {
    simulatorUrl,
    workDir: options.workDir,
    simulatorPid: simulator.pid,
    async temporal(profile) {
      let started = servers.get(profile);
      if (!started) {
        started = startServer(profile);
        servers.set(profile, started);
      }
      return (await started).server;
    },
    async stop() {
      await simulator.stop();
      for (const started of servers.values()) await (await started.catch(() => undefined))?.stop();
    },
  };
}

/** A variant's API (and worker) processes, ready to answer chat requests. */
export interface RunningVariant {
  readonly apiUrl: string;
  readonly taskQueue: string;
  readonly temporal: TemporalServer;
  /** Processes to sample: `api` and `worker`, or `api+worker` for one combined process. */
  readonly pids: Readonly<Record<string, number>>;
  stop(): Promise<void>;
}

/** Starts the processes of one variant on a fresh task queue and waits until a chat request succeeds. */
export async function startVariant(
  variant: Variant,
  infrastructure: Infrastructure,
  label: string,
  nodeArgs: readonly string[] = [],
  /** More environment for the API and worker (a config file, a probe); per-process values by process name. */
  extraEnv: (processName: string) => Record<string, string> = () => ({}),
): Promise<RunningVariant> {
  const temporal = await infrastructure.temporal(variant.serverProfile);
  const port = await freePort();
  const taskQueue = `bench-${label.replace(/[^A-Za-z0-9-]/g, '_')}-${randomUUID().slice(0, 8)}`;
  const logDir = join(infrastructure.workDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const env = baseEnvironment({
    TEMPORAL_ADDRESS: temporal.address,
    BALLAST_HOST: '127.0.0.1',
    BALLAST_PORT: String(port),
    BALLAST_TASK_QUEUE: taskQueue,
    BALLAST_SIMULATOR: 'always',
    BALLAST_SIMULATOR_URL: infrastructure.simulatorUrl,
    BALLAST_START_MODE: variant.startMode,
    BALLAST_CALL_MODEL_AS: variant.callModelAs,
    BALLAST_API_KEYS: `${BENCH_API_KEY}:bench:bench`,
    BALLAST_DATA_DIR: join(infrastructure.workDir, 'data'),
  });
  const start = (name: string, script: string, args: string[] = []) =>
    spawnNode(name, script, args, { env: { ...env, ...extraEnv(name) }, cwd: infrastructure.workDir, logFile: join(logDir, `${label.replace(/[^A-Za-z0-9-]/g, '_')}-${name}.log`), nodeArgs: [...(variant.nodeArgs ?? []), ...nodeArgs] });
  const benchNode = join(DIST_ROOT, 'bench/bench-node.js');
  const workerOptions = variant.workerOptions ? ['--worker-options', JSON.stringify(variant.workerOptions)] : [];

  const children: ChildHandle[] = [];
  const pids: Record<string, number> = {};
  try {
    if (variant.topology === 'combined') {
      const both = start('api+worker', benchNode, ['--role', 'both', ...workerOptions]);
      children.push(both);
      pids['api+worker'] = both.pid;
    } else {
      const worker = workerOptions.length > 0 ? start('worker', benchNode, ['--role', 'worker', ...workerOptions]) : start('worker', join(DIST_ROOT, 'apps/worker/src/main.js'));
      const api =
        variant.topology === 'native-api' ? start('api', benchNode, ['--role', 'api', '--connection', 'native']) : start('api', join(DIST_ROOT, 'apps/api/src/main.js'));
      children.push(api, worker);
      pids['api'] = api.pid;
      pids['worker'] = worker.pid;
    }
    const apiUrl = `http://127.0.0.1:${port}`;
    for (const child of children) {
      await waitFor(`${child.name} of ${variant.id}`, child, async () => {
        const response = await fetch(`${apiUrl}/health/live`);
        return response.ok;
      });
    }
    for (const child of children) {
      await waitFor(`a first chat answer from ${variant.id}`, child, async () => (await firstChat(apiUrl)).ok);
    }
    return {
      apiUrl,
      taskQueue,
      temporal,
      pids,
      async stop() {
        for (const child of children) await child.stop();
      },
    };
  } catch (error) {
    for (const child of children) await child.stop();
    throw error;
  }
}

function firstChat(apiUrl: string): Promise<Response> {
  return fetch(`${apiUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'ready?' }] }),
    signal: AbortSignal.timeout(10_000),
  });
}

/** Polls `check` every 100 ms (bounded), failing early with the log tail if the process died. */
async function waitFor(what: string, child: ChildHandle, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'not yet';
  while (Date.now() < deadline) {
    if (child.exited()) throw new Error(`${child.name} exited while waiting for ${what}:\n${child.logTail()}`);
    try {
      if (await check()) return;
      lastError = 'answered, but not OK';
    } catch (error) {
      lastError = (error as Error).message;
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
  }
  throw new Error(`timed out waiting for ${what} (${lastError}):\n${child.logTail()}`);
}

/** A minimal environment: no provider keys or config file from the caller's shell leak in. */
function baseEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'TEMPORAL_CLI']) if (process.env[name] !== undefined) inherited[name] = process.env[name];
  return { ...inherited, NODE_ENV: 'production', ...extra };
}
