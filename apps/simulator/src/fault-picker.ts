import type { Fault } from './scenario.js';
import type { ActiveScenario } from './scenario-registry.js';
import type { RandomSource } from './seeded-random.js';

/** What kind of call is asking, since some faults only make sense for some calls. */
export interface CallShape {
  readonly streaming: boolean;
}

/**
 * Picks the fault for one call: the first fault, in order, that applies to this call, still has
 * `count` left and wins its `rate` draw. Counts the firing. A draw is made only for faults with
 * a rate below 1, so adding a certain fault does not shift the random sequence of the others.
 */
export function pickFault(active: ActiveScenario, call: CallShape, random: RandomSource): Fault | undefined {
  const faults = active.scenario.faults ?? [];
  for (const [index, fault] of faults.entries()) {
    // Cutting a stream needs a stream; on a plain call the fault simply does not apply.
    if (fault.kind === 'cut-stream' && !call.streaming) continue;
    const fired = active.firedCounts[index] ?? 0;
    if (fault.count !== undefined && fired >= fault.count) continue;
    const rate = fault.rate ?? 1;
    if (rate < 1 && random() >= rate) continue;
    active.firedCounts[index] = fired + 1;
    return fault;
  }
  return undefined;
}
