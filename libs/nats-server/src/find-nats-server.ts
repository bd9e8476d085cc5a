import { join } from 'node:path';
import { findBinary, projectRoot } from '#libs/project';
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
  return findBinary<NatsServerLocation['source']>(
    [
      { source: 'NATS_SERVER', env: 'NATS_SERVER' },
      { source: '.tools (go)', file: () => natsServerPaths().binary },
      { source: 'PATH', onPath: 'nats-server' },
    ],
    env,
  );
}
