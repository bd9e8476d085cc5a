import { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker.js';

/** One circuit breaker per provider name (`openai`, `anthropic`, `local-vllm`), all with the same settings. */
export class CircuitBreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(private readonly options: CircuitBreakerOptions = {}) {}

  /** The breaker of this provider, created closed on first use. */
  get(provider: string): CircuitBreaker {
    let breaker = this.breakers.get(provider);
    if (breaker === undefined) {
      breaker = new CircuitBreaker(this.options);
      this.breakers.set(provider, breaker);
    }
    return breaker;
  }

  /** Current state of every provider seen so far, for health checks and metrics. */
  states(): Record<string, CircuitState> {
    return Object.fromEntries([...this.breakers].map(([provider, breaker]) => [provider, breaker.state]));
  }
}
