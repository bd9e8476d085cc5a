import { parseScenario, type Scenario } from './scenario.js';

/** Scenario key that applies to every model without its own scenario. */
export const DEFAULT_SCENARIO_KEY = '*';

/** A scenario in force plus how often each of its faults has fired (for `count`). */
export interface ActiveScenario {
  /** The model id it was registered under, or `'*'`. */
  readonly key: string;
  readonly scenario: Scenario;
  /** Index-aligned with `scenario.faults`. Shared by every model that falls back to the same key. */
  readonly firedCounts: number[];
  /** How many of `scenario.replies` were given (the last one repeats). */
  repliesGiven: number;
}

const EMPTY_SCENARIO: Scenario = {};

/**
 * Scenarios by model id. Replacing a scenario restarts its fault counters, so a test that sets
 * `count: 1` always gets exactly one fault no matter what ran before.
 */
export class ScenarioRegistry {
  readonly #initial: ReadonlyMap<string, Scenario>;
  readonly #active = new Map<string, ActiveScenario>();

  /** Validates the start-up scenarios; they are also what {@link reset} returns to. */
  constructor(initial: Record<string, Scenario> = {}) {
    this.#initial = new Map(Object.entries(initial).map(([key, scenario]) => [key, parseScenario(scenario)]));
    this.reset();
  }

  /** Validates and installs a scenario for one model id (or `'*'`). */
  set(model: string, scenario: Scenario): void {
    this.#install(model, parseScenario(scenario));
  }

  /** Back to the scenarios given at start-up, with fresh fault counters. */
  reset(): void {
    this.#active.clear();
    for (const [key, scenario] of this.#initial) this.#install(key, scenario);
  }

  /** Every key with a scenario, `'*'` included. */
  keys(): string[] {
    return [...this.#active.keys()];
  }

  /** The scenario for a model: its own, else the `'*'` one, else an empty one (no latency, no faults). */
  resolve(model: string): ActiveScenario {
    return (
      this.#active.get(model) ??
      this.#active.get(DEFAULT_SCENARIO_KEY) ?? { key: DEFAULT_SCENARIO_KEY, scenario: EMPTY_SCENARIO, firedCounts: [], repliesGiven: 0 }
    );
  }

  #install(key: string, scenario: Scenario): void {
    this.#active.set(key, { key, scenario, firedCounts: (scenario.faults ?? []).map(() => 0), repliesGiven: 0 });
  }
}
