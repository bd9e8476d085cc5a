import type { ResolvedConfig } from '#libs/config';

/** How one check went: `warn` does not fail the command, `fail` does. */
export type CheckStatus = 'pass' | 'warn' | 'fail';

/** One line of the doctor's report. */
export interface CheckResult {
  /** What was checked, e.g. `temporal.namespace`. */
  readonly name: string;
  readonly status: CheckStatus;
  /** What was found: the address reached, the version, or what is wrong. */
  readonly detail: string;
  /** How to fix it; set on every `fail` and on most `warn`s. */
  readonly fix?: string;
}

/** What every check is given. */
export interface DoctorContext {
  readonly config: ResolvedConfig;
  /** Longest any network call of a check may take. */
  readonly timeoutMs: number;
  /** HTTP client of the provider and vector-store checks (tests inject one). */
  readonly fetch: typeof fetch;
}

/** A check: answers one or more results and never throws (an unexpected error is a `fail`). */
export type DoctorCheck = (context: DoctorContext) => Promise<readonly CheckResult[]>;

/** The message of an unknown thrown value. */
export function errorMessage(error: unknown): string {
  // Duck-typed: errors from Node internals (fetch, DOMException) are not `instanceof Error` in every realm.
  const message = messageOf(error);
  if (message === undefined) return String(error);
  const cause = messageOf((error as { cause?: unknown }).cause);
  return cause && !message.includes(cause) ? `${message}: ${cause}` : message;
}

function messageOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string' ? (value as { message: string }).message : undefined;
}

/** Runs `work`, rejecting with a clear message once `timeoutMs` passes. */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
