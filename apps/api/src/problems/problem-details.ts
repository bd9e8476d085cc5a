/**
 * An RFC 9457 problem+json body. `error` mirrors OpenAI's error shape so the official SDKs
 * show our message instead of a raw body.
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type URIs are relative references documented in the README's API overview. */
export function problemType(slug: string): string {
  return `/problems/${slug}`;
}
