import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, Connection } from '@temporalio/client';
import { createApiApp } from '#apps/api';
import { startSimulator, type SimulatorHandle } from '#apps/simulator';
import type { ResolvedConfig } from '#libs/config';
import { freePort } from '#libs/project';
import { createRagRuntime, type RagRuntime } from '#libs/rag-runtime';
import { ensureTemporalCli, startDevServer, type DevServerHandle } from '#libs/temporal-cli';
import { testConfig } from './test-stack.js';
import { assertWorkerBuilt } from './worker-process.js';

/** What a Temporal restart drill needs up: workers are the test's own (separate processes, so they can be killed). */
export interface RestartableStack {
  readonly simulator: SimulatorHandle;
  readonly config: ResolvedConfig;
  readonly connection: Connection;
  readonly rag: RagRuntime;
  readonly apiUrl: string;
  /**
   * Stops the Temporal dev server and starts it again on the same port and SQLite file, so its
   * history survives and clients reconnect; `downMs` keeps it down that long in between.
   */
  restartTemporal(options?: { readonly downMs?: number }): Promise<void>;
}

export interface RestartableStackOptions {
  /** Names the temporary directory (`ballast-<name>-…`). */
  readonly name: string;
  readonly simulatorSeed: number;
  /** Overrides of the test configuration (same shape as ballast.yaml). */
  readonly config: Record<string, unknown>;
}

/**
 * Starts, before the file's tests, a Temporal dev server kept in a file (unlike the test stack's
 * in-memory one, it can be restarted without losing workflows), the simulator and the API in
 * this process; stops all of it after them, whatever part of it had started.
 */
export function useRestartableStack(options: RestartableStackOptions): RestartableStack {
  let workDir: string | undefined;
  let temporalPort: number;
  let temporal: DevServerHandle | undefined;
  let simulator: SimulatorHandle | undefined;
  let config: ResolvedConfig | undefined;
  let connection: Connection | undefined;
  let rag: RagRuntime | undefined;
  let app: NestFastifyApplication | undefined;
  let apiUrl: string | undefined;

  // The same port and database file every time: what makes a restart a restart.
  const startTemporal = (dir: string): Promise<DevServerHandle> =>
    startDevServer({ cliPath: ensureTemporalCli().path, headless: true, port: temporalPort, dbFile: join(dir, 'temporal', 'temporal.db') });

  beforeAll(async () => {
    assertWorkerBuilt();
    workDir = mkdtempSync(join(tmpdir(), `ballast-${options.name}-`));
    temporalPort = await freePort();
    temporal = await startTemporal(workDir);
    simulator = await startSimulator({ port: 0, seed: options.simulatorSeed });
    config = testConfig(temporal.address, simulator.url, { dataDir: join(workDir, 'data'), ...options.config });
    connection = await Connection.connect({ address: temporal.address });
    rag = await createRagRuntime(config);
    app = await createApiApp({ config, client: new Client({ connection, namespace: config.temporal.namespace }), rag, logger: false });
    await app.listen(0, '127.0.0.1');
    apiUrl = await app.getUrl();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await rag?.close();
    await connection?.close();
    await simulator?.close();
    await temporal?.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }, 60_000);

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the restartable stack's ${what} is used before beforeAll started it`);
    return value;
  };
  return {
    get simulator() {
      return started(simulator, 'simulator');
    },
    get config() {
      return started(config, 'config');
    },
    get connection() {
      return started(connection, 'connection');
    },
    get rag() {
      return started(rag, 'store');
    },
    get apiUrl() {
      return started(apiUrl, 'API');
    },
    async restartTemporal(restart = {}) {
      await started(temporal, 'Temporal').stop();
      if (restart.downMs !== undefined) await new Promise((resolveDelay) => setTimeout(resolveDelay, restart.downMs));
      temporal = await startTemporal(started(workDir, 'work directory'));
    },
  };
}
