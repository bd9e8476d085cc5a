import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** One place to look for a pinned tool's binary; {@link findBinary} tries them in order. */
export type BinaryLookup<S extends string> =
  /** An environment variable naming the binary, taken as given (it may be a command on PATH). */
  | { readonly source: S; readonly env: string }
  /** A file, e.g. the pinned one under `.tools/` (computed only when this lookup is reached). */
  | { readonly source: S; readonly file: () => string }
  /** A command name, looked for in each PATH folder. */
  | { readonly source: S; readonly onPath: string };

/** Where a binary was found, and how. */
export interface BinaryLocation<S extends string> {
  readonly path: string;
  readonly source: S;
}

/** The first binary of `lookups` that runs (`--version`), without installing anything. */
export function findBinary<S extends string>(lookups: readonly BinaryLookup<S>[], env: NodeJS.ProcessEnv = process.env): BinaryLocation<S> | undefined {
  for (const lookup of lookups) {
    if ('env' in lookup) {
      const explicit = env[lookup.env];
      if (explicit && binaryRuns(explicit)) return { path: explicit, source: lookup.source };
    } else if ('file' in lookup) {
      const file = lookup.file();
      if (existsSync(file) && binaryRuns(file)) return { path: file, source: lookup.source };
    } else {
      for (const directory of (env['PATH'] ?? '').split(delimiter)) {
        if (!directory) continue;
        const candidate = join(directory, lookup.onPath);
        if (existsSync(candidate) && binaryRuns(candidate)) return { path: candidate, source: lookup.source };
      }
    }
  }
  return undefined;
}

/** True when `path --version` runs and exits 0. */
export function binaryRuns(path: string): boolean {
  try {
    execFileSync(path, ['--version'], { stdio: 'ignore', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

/** A spawned server process with the last lines of its output. */
export interface SpawnedServer {
  readonly child: ChildProcess;
  /** The last 50 lines of stdout and stderr. */
  readonly output: string[];
  /** Settles with the exit code when the process exits. */
  readonly exited: Promise<number | null>;
}

/** Spawns a server, keeping the last 50 lines of its output (each also given to `onOutput`). */
export function spawnServer(
  command: string,
  args: readonly string[],
  options: { readonly env?: Readonly<Record<string, string>> | undefined; readonly onOutput?: ((line: string) => void) | undefined } = {},
): SpawnedServer {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(options.env ? { env: { ...process.env, ...options.env } } : {}) });
  const output: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      output.push(line);
      if (output.length > 50) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  return { child, output, exited };
}

export interface ServerReadiness {
  /** The server's name in errors, e.g. `NATS server`. */
  readonly name: string;
  /** Where it listens, as errors say it, e.g. `on 127.0.0.1:4222`. */
  readonly where: string;
  readonly timeoutMs: number;
  /** The pause between two probes. */
  readonly intervalMs: number;
  /** True when the server accepts; a rejection is "not yet", and the last one is in the timeout's error. */
  readonly probe: () => Promise<boolean>;
}

/**
 * Probes a spawned server until it accepts; throws if it exits first, or (killing it) when
 * it is not ready in time, with its last output.
 */
export async function waitUntilReady(server: SpawnedServer, readiness: ServerReadiness): Promise<void> {
  const { child, output } = server;
  const deadline = Date.now() + readiness.timeoutMs;
  let lastError: unknown;
  let failed = false;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${readiness.name} exited with code ${child.exitCode}:\n${output.join('\n')}`);
    try {
      if (await readiness.probe()) return;
    } catch (error) {
      lastError = error;
      failed = true;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${readiness.name} ${readiness.where} not ready in time:${failed ? ` ${String(lastError)}` : ''}\n${output.join('\n')}`);
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, readiness.intervalMs));
  }
}
