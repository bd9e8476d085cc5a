import type { z } from 'zod';

/** The first problem of a failed request parse, as "field: reason", in the spirit of provider 400 messages. */
export function describeFirstIssue(error: z.ZodError): { message: string; param: string | null } {
  const issue = error.issues[0];
  if (!issue) return { message: 'Invalid request body.', param: null };
  const param = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  return { message: param ? `${param}: ${issue.message}` : issue.message, param };
}
