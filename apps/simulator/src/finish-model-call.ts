import type { StreamOutcome } from './event-stream-writer.js';
import type { Exchange } from './exchange.js';
import type { SimulatedGeneration } from './simulated-generation.js';
import type { SimulatorState } from './simulator-state.js';

const FAILURE_CAUSE: Record<Exclude<StreamOutcome, 'completed'>, string> = {
  cut: 'cut-stream',
  'client-closed': 'client-closed',
};

/** Bills a call that was answered completely, or counts why it was not. */
export function finishModelCall(state: SimulatorState, model: string, outcome: StreamOutcome, generation: SimulatedGeneration): void {
  if (outcome === 'completed') {
    state.stats.recordSuccess(model, { inputTokens: generation.inputTokens, outputTokens: generation.outputTokens });
  } else {
    state.stats.recordFailure(model, FAILURE_CAUSE[outcome]);
  }
}

/** The outcome of a plain (non-streaming) answer: it reached the socket unless the client had left. */
export function plainOutcome(exchange: Exchange): StreamOutcome {
  return exchange.clientGone.aborted ? 'client-closed' : 'completed';
}
