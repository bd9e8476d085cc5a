import { CircuitBreaker } from './circuit-breaker.js';
import type { GenerateResult, LanguageModel } from './language-model.js';
import { LlmError } from './llm-error.js';
import { withCircuitBreaker } from './with-circuit-breaker.js';

const answer: GenerateResult = {
  content: 'ok',
  finishReason: { unified: 'stop', raw: 'stop' },
  usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: undefined },
  warnings: [],
  response: { id: undefined, modelId: 'm', requestId: undefined, simulated: true },
};

function scriptedModel(outcomes: Array<GenerateResult | Error>): LanguageModel & { calls: number } {
  const model = {
    provider: 'p',
    modelId: 'm',
    calls: 0,
    async generate() {
      const outcome = outcomes[model.calls++];
      if (outcome === undefined) throw new Error('script exhausted');
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
  };
  return model;
}

const serverError = () => new LlmError({ kind: 'server-error', message: '500', provider: 'p', modelId: 'm' });
const call = { messages: [{ role: 'user' as const, content: 'hi' }], settings: {} };

describe('withCircuitBreaker', () => {
  test('open circuit refuses without calling the provider', async () => {
    let time = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 1_000, now: () => time });
    const inner = scriptedModel([serverError(), serverError(), answer]);
    const guarded = withCircuitBreaker(inner, breaker);

    await expect(guarded.generate(call)).rejects.toMatchObject({ kind: 'server-error' });
    await expect(guarded.generate(call)).rejects.toMatchObject({ kind: 'server-error' });
    await expect(guarded.generate(call)).rejects.toMatchObject({ kind: 'circuit-open', provider: 'p' });
    expect(inner.calls).toBe(2);

    time = 1_000;
    await expect(guarded.generate(call)).resolves.toBe(answer);
    expect(breaker.state).toBe('closed');
  });

  test('errors that are not provider failures are passed through unrecorded', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 1 });
    const guarded = withCircuitBreaker(scriptedModel([new Error('aborted by caller')]), breaker);
    await expect(guarded.generate(call)).rejects.toThrow('aborted by caller');
    expect(breaker.state).toBe('closed');
  });
});
