import { startSimulator, type Scenario, type SimulatorHandle } from '#apps/simulator';
import type { ChatMessage } from '#libs/contracts';
import type { LanguageModel } from '../language-model.js';
import { LlmError } from '../llm-error.js';

/** What an adapter hands the contract suite. */
export interface LanguageModelContractSubject {
  /** Suite title, e.g. `openai adapter`. */
  readonly name: string;
  /** The adapter under test, pointed at a running simulator (`url` has no `/v1`). */
  readonly createModel: (simulatorUrl: string, modelId: string) => LanguageModel;
}

const question: ChatMessage[] = [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: 'What is the capital of France?' },
];

/** About 500 tokens at the simulator's 4 characters per token. */
const longQuestion: ChatMessage[] = [{ role: 'user', content: 'Summarise this. '.repeat(125) }];

async function rejection(promise: Promise<unknown>): Promise<LlmError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!LlmError.isInstance(error)) {
    throw new Error(`expected an LlmError, got ${error === undefined ? 'a result' : String(error)}`);
  }
  return error;
}

/**
 * The behaviour every LanguageModel adapter must show against the simulator, declared as jest
 * blocks (Hono's `runTest({ newRouter })` pattern): each adapter's test file calls this once.
 * Every test uses its own model id, so scenarios and fault counters never leak between tests.
 */
export function runLanguageModelContract(subject: LanguageModelContractSubject): void {
  describe(`LanguageModel contract: ${subject.name}`, () => {
    let simulator: SimulatorHandle;

    beforeAll(async () => {
      simulator = await startSimulator({ seed: 42 });
    });
    afterAll(async () => {
      await simulator.close();
    });

    /** A model whose calls follow `scenario`, under a model id unique to the test. */
    function modelWith(modelId: string, scenario: Scenario = {}): LanguageModel {
      const uniqueId = `contract-${modelId}`;
      simulator.setScenario(uniqueId, scenario);
      return subject.createModel(simulator.url, uniqueId);
    }

    function callsTo(model: LanguageModel): number {
      return simulator.stats().models[model.modelId]?.calls ?? 0;
    }

    test('answers with content, usage, finish reason and the simulated flag', async () => {
      const model = modelWith('success', { outputTokens: 20 });
      const result = await model.generate({ messages: question, settings: {} });

      expect(result.content.length).toBeGreaterThan(0);
      expect(result.finishReason.unified).toBe('stop');
      expect(result.finishReason.raw).toBeDefined();
      expect(result.usage.inputTokens).toBeGreaterThan(0);
      expect(result.usage.outputTokens).toBeGreaterThan(0);
      expect(result.response.simulated).toBe(true);
      expect(result.response.id).toBeDefined();
      expect(result.response.requestId).toMatch(/^req_/);
      expect(result.response.modelId).toBe(model.modelId);
      expect(model.provider.length).toBeGreaterThan(0);
    });

    test('max tokens cuts the answer with finish reason length', async () => {
      const model = modelWith('max-tokens', { outputTokens: 200 });
      const result = await model.generate({ messages: question, settings: { maxOutputTokens: 5 } });

      expect(result.finishReason.unified).toBe('length');
      expect(result.usage.outputTokens).toBeLessThanOrEqual(5);
    });

    test('429 with retry-after is rate-limited with retryAfterMs, from one request', async () => {
      const model = modelWith('rate-limited', { faults: [{ kind: 'status', status: 429, retryAfterSeconds: 2 }] });
      const error = await rejection(model.generate({ messages: question, settings: {} }));

      expect(error.kind).toBe('rate-limited');
      expect(error.isRetryable).toBe(true);
      expect(error.statusCode).toBe(429);
      expect(error.retryAfterMs).toBe(2000);
      expect(error.requestId).toMatch(/^req_/);
      expect(error.provider).toBe(model.provider);
      expect(error.modelId).toBe(model.modelId);
      // Temporal owns retries: the SDK must not retry behind its back.
      expect(callsTo(model)).toBe(1);
    });

    test('retry-after-ms is read to the millisecond', async () => {
      const model = modelWith('rate-limited-ms', { faults: [{ kind: 'status', status: 429, retryAfterMs: 1500 }] });
      expect((await rejection(model.generate({ messages: question, settings: {} }))).retryAfterMs).toBe(1500);
    });

    test('500 is a retryable server error, and the next call succeeds', async () => {
      const model = modelWith('server-error', { faults: [{ kind: 'status', status: 500, count: 1 }] });
      const error = await rejection(model.generate({ messages: question, settings: {} }));

      expect(error.kind).toBe('server-error');
      expect(error.isRetryable).toBe(true);
      expect(error.statusCode).toBe(500);
      expect(callsTo(model)).toBe(1);
      await expect(model.generate({ messages: question, settings: {} })).resolves.toMatchObject({ response: { simulated: true } });
    });

    test.each([529, 503])('%i is overloaded and retryable', async (status) => {
      const model = modelWith(`overloaded-${status}`, { faults: [{ kind: 'status', status }] });
      const error = await rejection(model.generate({ messages: question, settings: {} }));

      expect(error.kind).toBe('overloaded');
      expect(error.isRetryable).toBe(true);
      expect(error.statusCode).toBe(status);
    });

    test('401 is auth and not retryable', async () => {
      const model = modelWith('auth', { faults: [{ kind: 'status', status: 401 }] });
      const error = await rejection(model.generate({ messages: question, settings: {} }));

      expect(error.kind).toBe('auth');
      expect(error.isRetryable).toBe(false);
      expect(error.statusCode).toBe(401);
    });

    test('a prompt longer than the window is context-length-exceeded', async () => {
      const model = modelWith('context-prompt', { contextWindow: 100 });
      const error = await rejection(model.generate({ messages: longQuestion, settings: { maxOutputTokens: 10 } }));

      expect(error.kind).toBe('context-length-exceeded');
      expect(error.isRetryable).toBe(false);
      expect(error.fallbackApplies).toBe(true);
      expect(error.statusCode).toBe(400);
    });

    test('prompt plus max tokens over the window is context-length-exceeded', async () => {
      const model = modelWith('context-output', { contextWindow: 600 });
      const error = await rejection(model.generate({ messages: longQuestion, settings: { maxOutputTokens: 500 } }));

      expect(error.kind).toBe('context-length-exceeded');
    });

    test('a hanging provider ends as a timeout at timeoutMs', async () => {
      const model = modelWith('hang', { faults: [{ kind: 'hang' }] });
      const error = await rejection(model.generate({ messages: question, settings: {}, timeoutMs: 200 }));

      expect(error.kind).toBe('timeout');
      expect(error.isRetryable).toBe(true);
    });

    test('a body that is not JSON is a retryable malformed response', async () => {
      const model = modelWith('malformed', { faults: [{ kind: 'malformed' }] });
      const error = await rejection(model.generate({ messages: question, settings: {} }));

      expect(error.kind).toBe('malformed-response');
      expect(error.isRetryable).toBe(true);
    });

    test('latency is waited out, not mistaken for a failure', async () => {
      const model = modelWith('latency', { latencyMs: { distribution: 'fixed', value: 50 } });
      const result = await model.generate({ messages: question, settings: {}, timeoutMs: 5_000 });
      expect(result.content.length).toBeGreaterThan(0);
    });
  });
}
