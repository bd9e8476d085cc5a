import { z } from 'zod';

/** Content types taken as the YAML text of a suite (`POST /v1/evals` with the suite file as the body). */
export const YAML_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/** `POST /v1/evals`: the suite (one of three ways) and the run's options. */
export const CreateEvalRequestSchema = z
  .strictObject({
    /** The suite as JSON (the YAML format's structure). */
    suite: z.record(z.string(), z.unknown()).optional().describe('the suite as a JSON object (same structure as the YAML file)'),
    /** The suite file's YAML text. */
    suite_yaml: z.string().min(1).optional().describe("the suite file's YAML text"),
    /** A suite file the server knows (`eval.suitePaths`). */
    suite_path: z.string().min(1).optional().describe('a suite file listed in eval.suitePaths, e.g. demo/golden.yaml'),
    /** A previous run's JSON report, or its `summary`: the regression bounds compare against it. */
    baseline: z.record(z.string(), z.unknown()).optional().describe("a previous run's JSON report (or its summary) to compare against"),
    /** Replaces every query's model or route. */
    model: z.string().min(1).optional().describe("replaces every query's model or route"),
    /** Replaces the suite's gate bounds (e.g. a CI against the simulator gating on regressions only). */
    thresholds: z
      .strictObject({ passRate: z.number().min(0).max(1).optional(), maxRegression: z.number().min(0).max(1).optional() })
      .optional()
      .describe("replaces the suite's passRate and/or maxRegression"),
    /** Admins: run as another tenant (its collections and budgets). */
    tenant_id: z.string().min(1).max(128).optional().describe('admins: the tenant to run as (default: the key’s)'),
  })
  .refine((body) => [body.suite, body.suite_yaml, body.suite_path].filter((value) => value !== undefined).length === 1, {
    message: 'give exactly one of suite, suite_yaml or suite_path',
    path: ['suite'],
  });
export type CreateEvalRequest = z.infer<typeof CreateEvalRequestSchema>;

/** Options with a YAML body, as query parameters. */
export const EvalQuerySchema = z.strictObject({
  model: z.string().min(1).optional(),
  tenant_id: z.string().min(1).max(128).optional(),
});

export const ListEvalsQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: 'limit must be a number from 1 to 100' }).int().min(1).max(100).default(20),
  after: z.string().min(1).max(500).optional(),
  suite: z.string().min(1).max(200).optional(),
  tenant_id: z.string().min(1).max(128).optional(),
});
export type ListEvalsQuery = z.infer<typeof ListEvalsQuerySchema>;
