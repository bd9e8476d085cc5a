import type { LoadConfigOptions } from '#libs/config';
import { checkBlobStore } from './check-blob-store.js';
import { checkConfig } from './check-config.js';
import { checkDataDir } from './check-data-dir.js';
import { checkProviders } from './check-providers.js';
import { checkStore } from './check-store.js';
import { checkStreamRelay } from './check-stream-relay.js';
import { checkTemporal } from './check-temporal.js';
import { checkVectorStore } from './check-vector-store.js';
import { errorMessage, type CheckResult, type DoctorCheck } from './doctor-check.js';
import { formatDoctorReport } from './format-doctor-report.js';

export const DOCTOR_USAGE = `ballast doctor [--json] [--timeout <ms>]

Loads the configuration as the API and worker do, then checks Temporal (reachable, namespace,
search attributes, a worker polling), the NATS stream relay when configured, the store (writable /
reachable, migrations), the vector store, every provider (key present and accepted), the blob store and the data dir.
Exit code 1 when any check fails (warnings do not fail), 2 on a usage error.

  --json          print { ok, checks: [{ name, status, detail, fix }] } instead of text
  --timeout <ms>  longest a network check may take (default 5000)
`;

/** Streams and inputs of the command; tests pass their own. */
export interface DoctorIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly fetch?: typeof fetch;
}

/** The checks after the configuration, in report order. */
const CHECKS: readonly DoctorCheck[] = [checkTemporal, checkStreamRelay, checkStore, checkVectorStore, checkProviders, checkBlobStore, checkDataDir];

/** The doctor's verdict. */
export interface DoctorReport {
  readonly ok: boolean;
  readonly checks: readonly CheckResult[];
  /** Why the checks after the configuration did not run. */
  readonly skipped?: string;
}

/** Runs every check; never throws for a broken setup (that is what it reports). */
export async function runDoctor(options: LoadConfigOptions & { readonly timeoutMs: number; readonly fetch: typeof fetch }): Promise<DoctorReport> {
  const { timeoutMs, fetch: fetchFunction, ...loadOptions } = options;
  const loaded = checkConfig(loadOptions);
  if (!loaded.config) return { ok: false, checks: loaded.results, skipped: 'connectivity checks: the configuration must load first' };
  const context = { config: loaded.config, timeoutMs, fetch: fetchFunction };
  const results = await Promise.all(
    CHECKS.map((check) =>
      check(context).catch((error: unknown): readonly CheckResult[] => [{ name: check.name, status: 'fail', detail: `the check crashed: ${errorMessage(error)}`, fix: 'report this as a Ballast bug' }]),
    ),
  );
  const checks = [...loaded.results, ...results.flat()];
  return { ok: checks.every((check) => check.status !== 'fail'), checks };
}

/** `ballast doctor [--json] [--timeout <ms>]`: 0 when nothing failed, 1 when something did, 2 on a usage error. */
export async function runDoctorCommand(argv: readonly string[], io: DoctorIo): Promise<number> {
  let json = false;
  let timeoutMs = 5000;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--json') json = true;
    else if (argument === '--help' || argument === '-h') {
      io.stdout.write(DOCTOR_USAGE);
      return 0;
    } else if (argument === '--timeout') {
      const value = Number(argv[++index]);
      if (!Number.isInteger(value) || value <= 0) {
        io.stderr.write(`ballast doctor: --timeout needs a positive number of milliseconds\n${DOCTOR_USAGE}`);
        return 2;
      }
      timeoutMs = value;
    } else {
      io.stderr.write(`ballast doctor: unknown argument ${argument}\n${DOCTOR_USAGE}`);
      return 2;
    }
  }
  const report = await runDoctor({
    timeoutMs,
    fetch: io.fetch ?? fetch,
    ...(io.env ? { env: io.env } : {}),
    ...(io.cwd ? { cwd: io.cwd } : {}),
  });
  io.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : formatDoctorReport(report.checks, report.skipped));
  return report.ok ? 0 : 1;
}
