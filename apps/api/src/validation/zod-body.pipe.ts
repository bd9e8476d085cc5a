import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { problem, ProblemError } from '../problems/problem-error.js';

/** Validates a body against a zod schema; every issue is listed with the field to fix. */
export class ZodBodyPipe<Schema extends z.ZodType> implements PipeTransform<unknown, z.infer<Schema>> {
  constructor(private readonly schema: Schema) {}

  transform(value: unknown): z.infer<Schema> {
    if (value === undefined || value === null || typeof value !== 'object') {
      throw new ProblemError(problem('invalid-request', 400, 'Invalid Request', 'The body must be a JSON object.'));
    }
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((issue) => ({ field: formatPath(issue.path), message: issue.message }));
    const detail = issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
    throw new ProblemError(problem('invalid-request', 400, 'Invalid Request', detail, { issues }));
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(body)';
}
