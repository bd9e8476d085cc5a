import { budgetExceededProblem } from '#libs/access';
import type { ChatFailure } from '#libs/contracts';
import { problem, ProblemError } from '../problems/problem-error.js';
import { toWireAttempt } from './to-openai-response.js';

const TITLES: Record<ChatFailure['code'], string> = {
  'all-targets-failed': 'All Providers Failed',
  'caller-error': 'Rejected By Provider',
  'provider-auth': 'Provider Credentials Rejected',
  'no-target-fits': 'Request Too Large For Every Model',
  'input-too-large': 'Message Too Large For This Route',
  'budget-exceeded': 'Budget Exceeded',
  'unknown-model': 'Unknown Model',
  'unknown-collection': 'Unknown Collection',
  cancelled: 'Request Cancelled',
  internal: 'Internal Error',
};

/** A workflow's failure → problem+json naming every attempt. */
export function chatFailureProblem(failure: ChatFailure, requestId: string, temporalUiUrl: string): ProblemError {
  if (failure.code === 'budget-exceeded' && failure.budget) {
    const body = budgetExceededProblem(failure.budget.cap, { requestedUsd: failure.budget.requestedUsd });
    return new ProblemError({ ...body, request_id: requestId, temporal_ui_url: temporalUiUrl }, { 'x-ballast-request-id': requestId });
  }
  return new ProblemError(
    problem(failure.code, failure.httpStatus, TITLES[failure.code], failure.message, {
      request_id: requestId,
      attempts: failure.attempts.map(toWireAttempt),
      ...(failure.providerMessage ? { provider_message: failure.providerMessage } : {}),
      temporal_ui_url: temporalUiUrl,
    }),
    { 'x-ballast-request-id': requestId },
  );
}

/** The API stopped waiting; the workflow keeps going and can be polled. */
export function chatTimeoutProblem(requestId: string, waitedMs: number, temporalUiUrl: string): ProblemError {
  return new ProblemError(
    problem('answer-timeout', 504, 'Answer Not Ready In Time', `No answer within ${waitedMs} ms. The request goes on: poll GET /v1/requests/${requestId}.`, {
      request_id: requestId,
      temporal_ui_url: temporalUiUrl,
    }),
    { 'x-ballast-request-id': requestId },
  );
}
