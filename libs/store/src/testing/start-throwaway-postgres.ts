import { execFile, execFileSync } from 'node:child_process';
import { access, chown, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PostgreSQL server in a temporary directory, listening on loopback only. */
export interface ThrowawayPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, no password). */
  readonly url: string;
  readonly port: number;
  /** Holds the cluster, its socket and `server.log`; removed by `stop`. */
  readonly directory: string;
  /** Stops the server (immediate shutdown) and removes the directory. */
  stop(): Promise<void>;
}

/** Where `initdb` and `pg_ctl` were found. */
export interface PostgresBinaries {
  readonly initdb: string;
  readonly pgCtl: string;
}

/**
 * Finds `initdb` and `pg_ctl`: newest `/usr/lib/postgresql/<version>/bin` (Debian's
 * `postgresql` package), then `/usr/local/pgsql/bin`, then PATH. Undefined when absent.
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries | undefined> {
  const candidates: string[] = [];
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  versions.sort((left, right) => Number(right) - Number(left));
  candidates.push(...versions.map((version) => join('/usr/lib/postgresql', version, 'bin')), '/usr/local/pgsql/bin');
  // PATH is read here, in test tooling, on purpose: it is where an operator's own build lives.
  candidates.push(...(process.env.PATH ?? '').split(delimiter).filter((entry) => entry !== ''));
  for (const directory of candidates) {
    const initdb = join(directory, 'initdb');
    const pgCtl = join(directory, 'pg_ctl');
    if ((await isExecutable(initdb)) && (await isExecutable(pgCtl))) {
      return { initdb, pgCtl };
    }
  }
  return undefined;
}

/**
 * Starts a throwaway cluster on a free loopback port (initdb, then `pg_ctl start -w`), tuned
 * for tests (fsync off). PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user via `runuser` and the directory is chowned to it. Throws, with the server
 * log, if it cannot start. Needs Debian's `postgresql` package (or any initdb/pg_ctl).
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const binaries = await findPostgresBinaries();
  if (binaries === undefined) {
    throw new Error('cannot start a test PostgreSQL: no initdb/pg_ctl under /usr/lib/postgresql/*/bin or on PATH (apt-get install -y postgresql)');
  }
  const directory = await mkdtemp(join(tmpdir(), 'ballast-pg-'));
  const dataDirectory = join(directory, 'data');
  const logFile = join(directory, 'server.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    await chown(directory, uid, gid);
  }
  const asServerUser = (command: string, args: readonly string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: directory }) : run(command, [...args], { cwd: directory });

  const port = await freeLoopbackPort();
  const serverOptions = [`-p ${port}`, `-k ${directory}`, '-c listen_addresses=127.0.0.1', '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'].join(' ');
  const stopNow = () => {
    try {
      execFileSync(asRoot ? 'runuser' : binaries.pgCtl, [...(asRoot ? ['-u', 'postgres', '--', binaries.pgCtl] : []), '-D', dataDirectory, '-m', 'immediate', '-w', 'stop'], { stdio: 'ignore' });
    } catch {
      // Not running (never started, or already stopped): nothing to stop.
    }
  };
  try {
    await asServerUser(binaries.initdb, ['-D', dataDirectory, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    await asServerUser(binaries.pgCtl, ['-D', dataDirectory, '-l', logFile, '-w', '-t', '60', '-o', serverOptions, 'start']);
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '(no server log)');
    stopNow();
    await rm(directory, { recursive: true, force: true });
    throw new Error(`test PostgreSQL did not start on port ${port}: ${error instanceof Error ? error.message : String(error)}\n${log}`, { cause: error });
  }
  // If the test process dies without calling stop, do not leave a server behind.
  process.once('exit', stopNow);

  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    directory,
    async stop() {
      process.removeListener('exit', stopNow);
      await asServerUser(binaries.pgCtl, ['-D', dataDirectory, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(directory, { recursive: true, force: true });
    },
  };
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, 1).then(
    () => true,
    () => false,
  );
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port === 0 ? reject(new Error('no free loopback port')) : resolve(port)));
    });
  });
}
