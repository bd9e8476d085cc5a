import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_DECLARATIONS } from '#libs/contracts';
import { freePort, spawnServer, waitUntilReady } from '#libs/project';

export interface DevServerOptions {
  readonly cliPath: string;
  readonly host?: string;
  /** gRPC port; 0 or undefined picks a free one. */
  readonly port?: number;
  readonly uiPort?: number;
  /** SQLite file for durable state; undefined keeps everything in memory (tests). */
  readonly dbFile?: string;
  readonly headless?: boolean;
  readonly namespace?: string;
  readonly readyTimeoutMs?: number;
  readonly onOutput?: (line: string) => void;
  /** Extra `--dynamic-config-value` settings, applied after (and so over) the defaults. */
  readonly dynamicConfig?: Readonly<Record<string, string | number | boolean>>;
  /** Environment variables over this process's for the server (e.g. Go's GOGC, GOMAXPROCS). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface DevServerHandle {
  readonly address: string;
  readonly uiUrl: string | undefined;
  readonly namespace: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` with Ballast's search attributes registered, SQLite in
 * WAL mode, and waits until the frontend answers for the namespace.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServerHandle> {
  // Besides the two ports it is given, the dev server binds ports its services pick themselves;
  // with several servers starting at once (parallel tests) one can lose a race for a port and
  // panic at start (CI saw exit code 2 in fx's invoke). New free ports make a second try succeed.
  // A caller that fixed the ports (a restart on the same address) gets the failure as it is.
  const attempts = options.port || options.uiPort ? 1 : START_ATTEMPTS;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startDevServerOnce(options);
    } catch (error) {
      if (!(error instanceof DevServerExitedAtStart) || attempt >= attempts) throw error;
    }
  }
}

/** How often a dev server that exits while starting is started again on new ports. */
const START_ATTEMPTS = 3;

/** The dev server process ended before it answered (as opposed to never answering). */
class DevServerExitedAtStart extends Error {}

async function startDevServerOnce(options: DevServerOptions): Promise<DevServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort(host));
  const uiPort = options.uiPort || (await freePort(host));
  const namespace = options.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', host, '--port', String(port), '--log-level', 'warn', '--namespace', namespace];
  args.push('--dynamic-config-value', 'system.enableEagerWorkflowStart=true');
  args.push('--dynamic-config-value', 'frontend.enableUpdateWorkflowExecution=true');
  args.push('--dynamic-config-value', 'frontend.enableExecuteMultiOperation=true');
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  for (const attribute of SEARCH_ATTRIBUTE_DECLARATIONS) args.push('--search-attribute', `${attribute.name}=${attribute.type}`);
  if (options.dbFile) {
    mkdirSync(dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal');
  }
  if (options.headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort), '--ui-ip', host, '--ui-disable-news-fetch');

  const server = spawnServer(options.cliPath, args, { env: options.env, onOutput: options.onOutput });
  const { child, exited } = server;

  const address = `${host}:${port}`;
  try {
    await waitUntilReady(server, {
      name: 'Temporal dev server',
      where: `at ${address}`,
      timeoutMs: options.readyTimeoutMs ?? 60_000,
      intervalMs: 100,
      // Ready when the frontend answers for the namespace; a failure is reported if it never does.
      probe: async () => {
        const connection = await Connection.connect({ address, connectTimeout: 1_000 });
        try {
          await connection.workflowService.describeNamespace({ namespace });
          return true;
        } finally {
          await connection.close();
        }
      },
    });
  } catch (error) {
    if (child.exitCode !== null || child.signalCode !== null) throw new DevServerExitedAtStart(error instanceof Error ? error.message : String(error), { cause: error });
    throw error;
  }

  return {
    address,
    uiUrl: options.headless ? undefined : `http://${host}:${uiPort}`,
    namespace,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
