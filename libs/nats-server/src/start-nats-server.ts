import type { ChildProcess } from 'node:child_process';
import { connect as connectTcp } from 'node:net';
import { freePort, spawnServer, waitUntilReady } from '#libs/project';

export interface NatsServerOptions {
  /** The binary ({@link ensureNatsServer}`().path`). */
  readonly serverPath: string;
  readonly host?: string;
  /** Client port; 0 or undefined picks a free one. Reuse a port to restart "the same" server. */
  readonly port?: number;
  readonly readyTimeoutMs?: number;
  readonly onOutput?: (line: string) => void;
}

export interface NatsServerHandle {
  /** `nats://host:port`, what `BALLAST_NATS_URL` takes. */
  readonly url: string;
  readonly port: number;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a core NATS server (no JetStream, no persistence) and waits until it answers the
 * client protocol (`INFO`) on its port.
 */
export async function startNatsServer(options: NatsServerOptions): Promise<NatsServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort(host));
  const server = spawnServer(options.serverPath, ['--addr', host, '--port', String(port)], { onOutput: options.onOutput });
  const { child, exited } = server;
  await waitUntilReady(server, {
    name: 'NATS server',
    where: `on ${host}:${port}`,
    timeoutMs: options.readyTimeoutMs ?? 15_000,
    intervalMs: 50,
    probe: () => answersInfo(host, port),
  });

  return {
    url: `nats://${host}:${port}`,
    port,
    process: child,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** True when something on host:port greets a TCP client with NATS's `INFO {...}` line. */
function answersInfo(host: string, port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = connectTcp({ host, port });
    let received = '';
    const done = (answer: boolean) => {
      socket.destroy();
      resolveAnswer(answer);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8');
      if (received.includes('\n')) done(received.startsWith('INFO '));
    });
  });
}
