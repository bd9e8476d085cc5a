import { LATENCY_HEADER, type Exchange } from './exchange.js';
import { pickFault } from './fault-picker.js';
import { drawLatencyMs } from './latency.js';
import { sendMalformed } from './malformed-body.js';
import { sendProviderError } from './provider-errors.js';
import type { Scenario, StatusFault } from './scenario.js';
import type { SimulatorState } from './simulator-state.js';

/** A call that survived its faults and latency: the handler now answers it. */
export interface ProceedingCall {
  readonly scenario: Scenario;
  /** Set when a cut-stream fault fired: destroy the socket after this many stream events. */
  readonly cutAfterChunks: number | undefined;
  /** The scenario's scripted answer for this call, when it has replies. */
  readonly reply?: string;
}

function retryHeaders(fault: StatusFault): Record<string, string> {
  const headers: Record<string, string> = {};
  if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  return headers;
}

/**
 * The part every model call shares: count it, pick its fault, wait its latency, and answer the
 * fault if one fired. Returns undefined when the call is already dealt with (failed, hanging or
 * abandoned by the client). The fault is picked before the latency is drawn, always in that
 * order, so a seed reproduces both.
 */
export async function beginModelCall(
  state: SimulatorState,
  exchange: Exchange,
  call: { model: string; streaming: boolean },
): Promise<ProceedingCall | undefined> {
  const { model, streaming } = call;
  state.stats.recordCall(model);
  const active = state.scenarios.resolve(model);
  const fault = pickFault(active, { streaming }, state.random);
  const latencyMs = drawLatencyMs(active.scenario.latencyMs, state.random);
  exchange.setHeader(LATENCY_HEADER, String(latencyMs));

  if (fault?.kind === 'hang') {
    // Nothing is ever written; the socket closes when the client gives up or the simulator stops.
    state.stats.recordFailure(model, 'hang');
    return undefined;
  }
  if (!(await exchange.wait(latencyMs))) {
    state.stats.recordFailure(model, 'client-closed');
    return undefined;
  }
  if (fault?.kind === 'status') {
    state.stats.recordFailure(model, fault.status);
    sendProviderError(exchange, { status: fault.status, message: fault.message, model, headers: retryHeaders(fault) });
    return undefined;
  }
  if (fault?.kind === 'malformed') {
    state.stats.recordFailure(model, 'malformed');
    sendMalformed(exchange, streaming);
    return undefined;
  }
  const replies = active.scenario.replies;
  const reply = replies === undefined ? undefined : replies[Math.min(active.repliesGiven++, replies.length - 1)];
  return { scenario: active.scenario, cutAfterChunks: fault?.kind === 'cut-stream' ? fault.afterChunks : undefined, ...(reply === undefined ? {} : { reply }) };
}
