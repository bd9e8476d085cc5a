import { z } from 'zod';

/** `POST /v1/requests/:id/replay` body: run the original input again, optionally elsewhere. */
export const ReplayRequestSchema = z
  .strictObject({
    /** A configured route (`simple`, `complex`, …) or `auto`: replaces the original `model`. */
    route: z.string().min(1).max(128).optional(),
    /** A catalog model (or a route) to ask instead of the original `model`. */
    model: z.string().min(1).max(128).optional(),
  })
  .refine((body) => body.route === undefined || body.model === undefined, { message: 'give route or model, not both', path: ['model'] });

/** A validated replay body. */
export type ReplayRequestBody = z.infer<typeof ReplayRequestSchema>;

/** `POST /v1/requests/:id/reset` body. */
export const ResetRequestSchema = z.strictObject({
  /** `last-good-step` (default): re-run from the first step that failed; `first-step`: from the start. */
  to: z.enum(['last-good-step', 'first-step'], { error: 'to must be last-good-step or first-step' }).default('last-good-step'),
  /** Recorded with the reset in the workflow's history. */
  reason: z.string().min(1).max(500).optional(),
});

/** A validated reset body. */
export type ResetRequestBody = z.infer<typeof ResetRequestSchema>;
