import type { FetchFunction } from '../../http/ballast-api.js';
import type { OutputStream } from '../../progress/progress-display.js';
import type { BatchApi } from './batch-api.js';

/** What `runBatchCommand` talks to: injected so tests run it in-process. */
export interface BatchIo {
  /** Results, tables, progress (process.stdout). */
  readonly stdout: OutputStream;
  /** Errors and notes that must not mix with the results (process.stderr). */
  readonly stderr: OutputStream;
  /** Where BALLAST_API_URL / BALLAST_API_KEY are read; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Default the global fetch. */
  readonly fetch?: FetchFunction;
  /** Relative file paths resolve against this; default process.cwd(). */
  readonly cwd?: string;
  /** `--wait` polls this often at first (backing off while nothing changes); default 2000 ms. */
  readonly pollIntervalMs?: number;
  /** Wall clock in epoch milliseconds (elapsed times are counted from the batch's created_at); default Date.now. */
  readonly now?: () => number;
  /** Aborting it stops `--wait` (the batch goes on); default Ctrl-C (SIGINT) while waiting. */
  readonly interrupt?: AbortSignal;
}

/** What a subcommand runs with. */
export interface BatchContext {
  readonly api: BatchApi;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly cwd: string;
  readonly pollIntervalMs: number;
  readonly now: () => number;
  readonly interrupt: AbortSignal | undefined;
}

/** Exit codes: 0 ok, 1 API or usage error, 2 the batch ended failed/expired/cancelled (--wait), 130 stopped waiting. */
export type BatchExitCode = 0 | 1 | 2 | 130;
