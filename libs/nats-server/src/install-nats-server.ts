import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { findNatsServer, natsServerPaths, type NatsServerLocation } from './find-nats-server.js';
import { NATS_SERVER_GO_PACKAGE, NATS_SERVER_VERSION } from './nats-server-version.js';

/** The command that installs the pinned server (`GOBIN` set to {@link natsServerPaths}`().goBin`). */
export function natsServerInstallCommand(): string {
  return `GOBIN=${natsServerPaths().goBin} go install ${NATS_SERVER_GO_PACKAGE}@${NATS_SERVER_VERSION}`;
}

/** No server was found and `go install` could not build one; the message says what to run. */
export class NatsServerUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(
      `No NATS server could be found or installed: ${reason}\n` +
        `Fix: install Go (1.26 or newer, as its go.mod asks) able to reach its module proxy and run \`${natsServerInstallCommand()}\`, ` +
        'or put a nats-server 2.x on PATH, or set NATS_SERVER=/path/to/nats-server.',
    );
    this.name = 'NatsServerUnavailableError';
  }
}

/**
 * Finds the NATS server, building the pinned one into `.tools/` with `go install` if needed
 * (about 45 s on two cores the first time, then instant). Idempotent.
 */
export function ensureNatsServer(log: (line: string) => void = () => {}): NatsServerLocation {
  const found = findNatsServer();
  if (found) return found;
  const { goBin } = natsServerPaths();
  const go = spawnSync('go', ['version'], { encoding: 'utf8', timeout: 30_000 });
  if (go.error || go.status !== 0) throw new NatsServerUnavailableError('`go` is not on PATH (NATS_SERVER, .tools/ and PATH have no nats-server either)');

  log(`Installing NATS server (go install ${NATS_SERVER_GO_PACKAGE}@${NATS_SERVER_VERSION}) into ${goBin} ...`);
  mkdirSync(goBin, { recursive: true });
  const install = spawnSync('go', ['install', `${NATS_SERVER_GO_PACKAGE}@${NATS_SERVER_VERSION}`], {
    encoding: 'utf8',
    timeout: 900_000,
    env: { ...process.env, GOBIN: goBin },
  });
  const installed = findNatsServer();
  if (installed) return installed;
  throw new NatsServerUnavailableError(`\`${natsServerInstallCommand()}\` failed: ${summarize(install.error?.message ?? install.stderr)}`);
}

function summarize(text: string | undefined): string {
  const lines = (text ?? '').trim().split('\n').filter(Boolean);
  return lines.slice(-2).join(' / ') || 'failed without output';
}
