import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** A process the benchmark started and must stop. */
export interface ChildHandle {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  readonly process: ChildProcess;
  /** True once the process has exited, for whatever reason. */
  exited(): boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  stop(graceMs?: number): Promise<void>;
  /** The last lines of its output, for error messages. */
  logTail(lines?: number): string;
}

const running = new Set<ChildHandle>();

/** Starts `node <script> <args>` with its output appended to `logFile`. */
export function spawnNode(
  name: string,
  script: string,
  args: readonly string[],
  options: { env: NodeJS.ProcessEnv; cwd: string; logFile: string; nodeArgs?: readonly string[] },
): ChildHandle {
  const log = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', log, log] });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`could not start ${name} (${script})`);
  return track(name, child, options.logFile);
}

/** Registers a process started elsewhere (the Temporal dev server) so it is stopped with the rest. */
export function track(name: string, child: ChildProcess, logFile = ''): ChildHandle {
  let exited = child.exitCode !== null || child.signalCode !== null;
  const gone = new Promise<void>((resolveExit) => {
    if (exited) resolveExit();
    child.once('exit', () => {
      exited = true;
      resolveExit();
    });
  });
  const handle: ChildHandle = {
    name,
    pid: child.pid as number,
    logFile,
    process: child,
    exited: () => exited,
    async stop(graceMs = 10_000) {
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await gone;
        clearTimeout(timer);
      }
      running.delete(handle);
    },
    logTail(lines = 20) {
      if (!logFile) return '';
      try {
        return readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '';
      }
    },
  };
  running.add(handle);
  return handle;
}

/** Stops every process still registered, newest first. */
export async function stopAllChildren(): Promise<void> {
  for (const handle of [...running].reverse()) await handle.stop(5_000).catch(() => undefined);
}

/** Last resort on an abrupt exit: SIGKILL whatever is still registered. */
export function killAllChildrenNow(): void {
  for (const handle of running) if (!handle.exited()) handle.process.kill('SIGKILL');
}
