import type { BatchStore } from './batch-store.js';
import type { ScenarioRegistry } from './scenario-registry.js';
import type { RandomSource } from './seeded-random.js';
import type { StatsRecorder } from './simulator-stats.js';

/** The mutable state one simulator instance shares between its handlers. */
export interface SimulatorState {
  readonly scenarios: ScenarioRegistry;
  readonly stats: StatsRecorder;
  /** The one seeded PRNG; every random decision draws from it in call order. */
  readonly random: RandomSource;
  /** Files and provider batches (OpenAI Files/Batch, Anthropic Message Batches). */
  readonly batches: BatchStore;
  /** The wall clock batches are timed by (ms since the epoch). */
  readonly now: () => number;
}
