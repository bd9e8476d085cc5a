import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { projectRoot } from '#libs/project';
import { NATS_SERVER_VERSION } from './nats-server-version.js';

/** Where a NATS server binary was found, and how. */
export interface NatsServerLocation {
  readonly path: string;
  readonly source: 'NATS_SERVER' | '.tools (go)' | 'PATH';
}

/** The folder `go install` writes the pinned server to (`GOBIN`), and the binary in it. */
export function natsServerPaths(root = projectRoot()) {
  const goBin = join(root, '.tools', `nats-server-${NATS_SERVER_VERSION.replace(/^v/, '')}`);
  return { goBin, binary: join(goBin, 'nats-server') };
}

/**
 * Looks for a usable server without installing anything: `NATS_SERVER`, the pinned one in
 * `.tools/`, then `nats-server` on PATH (core subjects only are used, so any 2.x will do).
 */
export function findNatsServer(env: NodeJS.ProcessEnv = process.env): NatsServerLocation | undefined {
  const explicit = env['NATS_SERVER'];
  if (explicit && runs(explicit)) return { path: explicit, source: 'NATS_SERVER' };
  const { binary } = natsServerPaths();
  if (existsSync(binary) && runs(binary)) return { path: binary, source: '.tools (go)' };
  for (const directory of (env['PATH'] ?? '').split(delimiter)) {
    if (!directory) continue;
    const candidate = join(directory, 'nats-server');
    if (existsSync(candidate) && runs(candidate)) return { path: candidate, source: 'PATH' };
  }
  return undefined;
}

function runs(path: string): boolean {
  try {
    execFileSync(path, ['--version'], { stdio: 'ignore', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}
