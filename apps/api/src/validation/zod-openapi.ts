import { z } from 'zod';

/** The OpenAPI 3.0 schema of a zod schema, so `/docs` is generated from the same code that validates. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
