import { problemType, type ProblemDetails } from './problem-details.js';

const MARKER = Symbol.for('ballast.problem-error');

/** A domain error that already knows its HTTP problem; thrown by services, rendered by one filter. */
export class ProblemError extends Error {
  readonly [MARKER] = true;
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    readonly problem: ProblemDetails,
    headers: Record<string, string> = {},
  ) {
    super(problem.detail);
    this.name = 'ProblemError';
    this.headers = headers;
  }

  static isInstance(value: unknown): value is ProblemError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

/** Builds a problem with the OpenAI-style `error` member filled from the same facts. */
export function problem(slug: string, status: number, title: string, detail: string, extensions: Record<string, unknown> = {}): ProblemDetails {
  return {
    type: problemType(slug),
    title,
    status,
    detail,
    ...extensions,
    error: { message: detail, type: slug, code: slug },
  };
}
