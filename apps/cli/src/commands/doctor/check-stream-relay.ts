import { probeNatsServer } from '#libs/streaming';
import type { CheckResult, DoctorCheck } from './doctor-check.js';

/**
 * The stream relay (ADR 0012): with `streaming.relay.kind: nats` the NATS server answers at its
 * URL. In-process needs nothing (and adds no line). A failure does not stop requests — streams
 * then get the whole answer at their end — but it is what a split deployment needs to stream.
 */
export const checkStreamRelay: DoctorCheck = async ({ config, timeoutMs }) => {
  const relay = config.streaming.relay;
  if (relay.kind !== 'nats') return [];
  const shown = relay.url.replace(/\/\/[^@/]+@/g, '//***@');
  const probe = await probeNatsServer(relay.url, timeoutMs);
  const result: CheckResult = probe.ok
    ? { name: 'stream relay (NATS)', status: 'pass', detail: `reached ${shown} (server ${probe.serverVersion}, round trip ${probe.rttMs.toFixed(1)} ms)` }
    : {
        name: 'stream relay (NATS)',
        status: 'fail',
        detail: `cannot reach NATS at ${shown}: ${probe.error}; streamed answers would arrive as one delta at the end`,
        fix: 'start a NATS server (docker-compose.yml has one; `nats-server -p 4222` on one machine) or fix BALLAST_NATS_URL (streaming.relay.url)',
      };
  return [result];
};
