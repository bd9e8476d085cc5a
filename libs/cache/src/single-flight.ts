/**
 * Joins concurrent calls with the same key into one: the first caller runs `work`, callers that
 * arrive before it settles get the same promise (result or rejection). Once settled the key is
 * free again, so a failure is not cached. Process-local; across processes Ballast relies on
 * Temporal's workflow-id conflict policy to join identical requests.
 */
export class SingleFlight<K, V> {
  private readonly inFlight = new Map<K, Promise<V>>();

  /** Calls in flight. */
  get size(): number {
    return this.inFlight.size;
  }

  /** Whether a call with this key is running. */
  has(key: K): boolean {
    return this.inFlight.has(key);
  }

  /** Runs `work` for `key`, or joins the run already in flight; `joined` says which. */
  async run(key: K, work: () => Promise<V>): Promise<{ readonly value: V; readonly joined: boolean }> {
    const running = this.inFlight.get(key);
    if (running !== undefined) return { value: await running, joined: true };
    const started = (async () => work())();
    this.inFlight.set(key, started);
    try {
      return { value: await started, joined: false };
    } finally {
      this.inFlight.delete(key);
    }
  }
}
