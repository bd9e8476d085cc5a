/** Counters for one model (or the totals over all models). */
export interface ModelStats {
  /** Every call that reached the model (bad requests rejected before parsing are not calls). */
  calls: number;
  /** Calls answered completely; only these are billed. */
  successes: number;
  /** Calls that failed, whatever the reason. */
  failures: number;
  /**
   * Failures by cause: the HTTP status as a string (`'429'`, `'400'`), or for failures without
   * an error status the fault kind: `'hang'`, `'malformed'`, `'cut-stream'`, and `'client-closed'`
   * when the client went away before the answer was complete.
   */
  failuresByStatus: Record<string, number>;
  /** Input tokens billed (successful calls only). */
  inputTokens: number;
  /** Output tokens billed (successful calls only). */
  outputTokens: number;
}

/** A snapshot of what the simulator has been asked and has billed since the last reset. */
export interface SimulatorStats {
  totals: ModelStats;
  /** Keyed by the model id named in the request. */
  models: Record<string, ModelStats>;
}

function emptyModelStats(): ModelStats {
  return { calls: 0, successes: 0, failures: 0, failuresByStatus: {}, inputTokens: 0, outputTokens: 0 };
}

function copyModelStats(stats: ModelStats): ModelStats {
  return { ...stats, failuresByStatus: { ...stats.failuresByStatus } };
}

/** Accumulates {@link SimulatorStats}; every method touches both the model and the totals. */
export class StatsRecorder {
  #totals = emptyModelStats();
  #models = new Map<string, ModelStats>();

  recordCall(model: string): void {
    for (const stats of this.#targets(model)) stats.calls += 1;
  }

  recordSuccess(model: string, usage: { inputTokens: number; outputTokens: number }): void {
    for (const stats of this.#targets(model)) {
      stats.successes += 1;
      stats.inputTokens += usage.inputTokens;
      stats.outputTokens += usage.outputTokens;
    }
  }

  recordFailure(model: string, cause: number | string): void {
    const key = String(cause);
    for (const stats of this.#targets(model)) {
      stats.failures += 1;
      stats.failuresByStatus[key] = (stats.failuresByStatus[key] ?? 0) + 1;
    }
  }

  /** A deep copy, so callers can keep it while the simulator keeps counting. */
  snapshot(): SimulatorStats {
    const models: Record<string, ModelStats> = {};
    for (const [model, stats] of this.#models) models[model] = copyModelStats(stats);
    return { totals: copyModelStats(this.#totals), models };
  }

  reset(): void {
    this.#totals = emptyModelStats();
    this.#models.clear();
  }

  #targets(model: string): [ModelStats, ModelStats] {
    let stats = this.#models.get(model);
    if (!stats) {
      stats = emptyModelStats();
      this.#models.set(model, stats);
    }
    return [stats, this.#totals];
  }
}
