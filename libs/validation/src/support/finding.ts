/** What a consistency check compared. */
export type CheckName = 'overlap' | 'number' | 'unit' | 'date' | 'entity' | 'negation' | 'condition';

/**
 * How bad a finding is: a fact that differs from the source's (`contradiction`), one no source
 * states (`absent`), or a softer doubt (`weak`).
 */
export type Severity = 'contradiction' | 'absent' | 'weak';

/** One thing a check found, with the reason a person reads ("number 60 days differs from source's 30 days"). */
export interface Finding {
  readonly check: CheckName;
  readonly severity: Severity;
  readonly reason: string;
}
