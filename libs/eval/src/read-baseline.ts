import { z } from 'zod';
import { type BaselineSummary } from './compare-baseline.js';

const BaselineSchema = z.object({
  passRate: z.number().min(0).max(1),
  meanGroundedness: z.number().nullable().optional(),
  passedIds: z.array(z.string()).optional(),
});

/**
 * The baseline in a previous run's JSON report (`toJsonReport`), or in a bare summary.
 * Throws naming what is missing when the text is neither.
 */
export function readBaseline(jsonText: string): BaselineSummary {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (error) {
    throw new Error(`Invalid eval baseline: not JSON (${(error as Error).message})`);
  }
  const candidate = typeof data === 'object' && data !== null && 'summary' in data ? (data as { summary: unknown }).summary : data;
  const parsed = BaselineSchema.safeParse(candidate);
  if (!parsed.success) throw new Error(`Invalid eval baseline: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
