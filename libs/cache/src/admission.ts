import type { FinishReason } from '#libs/contracts';

/** What decides whether an answer may be cached. */
export interface AdmissionCandidate {
  readonly finishReason: FinishReason;
  readonly content: string;
  /** Answers from the simulator are never cached: a real request must not replay a fake answer. */
  readonly simulated?: boolean;
  /** Answer validation flagged it: claims its sources do not support. */
  readonly ungrounded?: boolean;
}

/** Whether to cache an answer, and why not. */
export type AdmissionDecision = { readonly admit: true } | { readonly admit: false; readonly reason: string };

/**
 * Only successful answers enter the cache: a complete (`stop`) non-empty answer from a real
 * provider. Truncated (`length`), filtered, tool-calling and failed answers would be served again
 * to everyone who asks the same question, so they are turned away.
 */
export function decideAdmission(candidate: AdmissionCandidate): AdmissionDecision {
  if (candidate.finishReason !== 'stop') return { admit: false, reason: `finish reason ${candidate.finishReason}` };
  if (candidate.content.trim() === '') return { admit: false, reason: 'empty answer' };
  if (candidate.simulated === true) return { admit: false, reason: 'simulated answer' };
  // An answer its own sources do not support would be served to everyone who asks again.
  if (candidate.ungrounded === true) return { admit: false, reason: 'answer not supported by its sources' };
  return { admit: true };
}
