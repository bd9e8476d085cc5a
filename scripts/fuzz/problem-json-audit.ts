/** One response of the fuzz run that breaks the error contract. */
export interface ErrorContractViolation {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
}

interface HarLog {
  readonly log: {
    readonly entries: ReadonlyArray<{
      readonly request: { readonly method: string; readonly url: string };
      readonly response: { readonly status: number; readonly headers: ReadonlyArray<{ readonly name: string; readonly value: string }> };
    }>;
  };
}

/** Counts of what the fuzzer sent and got, and every error response that was not problem+json. */
export interface ErrorContractAudit {
  readonly responses: number;
  readonly errors: number;
  readonly serverErrors: number;
  readonly violations: readonly ErrorContractViolation[];
}

/**
 * Reads schemathesis's HAR report: every 4xx/5xx must be `application/problem+json` (RFC 9457).
 * 404s for paths the app does not route are included: Ballast answers those as problems too.
 */
export function auditErrorResponses(har: HarLog): ErrorContractAudit {
  const violations: ErrorContractViolation[] = [];
  let errors = 0;
  let serverErrors = 0;
  for (const entry of har.log.entries) {
    const { status } = entry.response;
    if (status < 400) continue;
    errors += 1;
    if (status >= 500) serverErrors += 1;
    const contentType = entry.response.headers.find((header) => header.name.toLowerCase() === 'content-type')?.value ?? '';
    if (!contentType.startsWith('application/problem+json')) violations.push({ method: entry.request.method, url: entry.request.url, status, contentType });
  }
  return { responses: har.log.entries.length, errors, serverErrors, violations };
}
