import { z } from 'zod';

const NATS_URL_HELP = 'use nats://host:4222 (or tls://…; several servers of one cluster comma-separated)';

/** `nats://host:port` or `tls://host:port`, several comma-separated; credentials may be in the URL. */
const natsUrl = z.string().refine(
  (value) =>
    value.split(',').every((server) => {
      try {
        const url = new URL(server.trim());
        return (url.protocol === 'nats:' || url.protocol === 'tls:') && url.hostname !== '';
      } catch {
        return false;
      }
    }),
  { message: `not a NATS server URL: ${NATS_URL_HELP}` },
);

/**
 * Where streamed text travels from the worker's provider call to the API request (ADR 0012):
 * `in-process` when API and worker share a process (`npm start`), `nats` when they do not.
 * `BALLAST_NATS_URL` sets `url` and `kind: nats`.
 */
export const StreamRelayConfigSchema = z
  .strictObject({
    /** Default: `nats` when `url` is set, else `in-process`. */
    kind: z.enum(['in-process', 'nats'], { error: "streaming.relay.kind must be 'in-process' (API and worker in one process) or 'nats' (separate processes)" }).optional(),
    /** The NATS server(s), for `kind: nats`. */
    url: natsUrl.optional(),
  })
  .superRefine((relay, context) => {
    if (relay.kind === 'nats' && relay.url === undefined) {
      context.addIssue({ code: 'custom', path: ['url'], message: `kind is 'nats' but no url is set: set BALLAST_NATS_URL or streaming.relay.url (${NATS_URL_HELP})` });
    }
    if (relay.kind === 'in-process' && relay.url !== undefined) {
      context.addIssue({ code: 'custom', path: ['kind'], message: "kind is 'in-process' but a NATS url is set: set kind 'nats' (or remove the url)" });
    }
  })
  .transform((relay): { readonly kind: 'in-process' } | { readonly kind: 'nats'; readonly url: string } =>
    relay.url === undefined ? { kind: 'in-process' } : { kind: 'nats', url: relay.url },
  );

/** Process-wide streaming settings (a route's own streaming policy is under `routes.<name>.streaming`). */
export const StreamingConfigSchema = z.strictObject({
  relay: StreamRelayConfigSchema.prefault({}),
});
export type StreamingConfig = z.infer<typeof StreamingConfigSchema>;
