import { startSimulator, type Scenario, type SimulatorHandle } from '#apps/simulator';
import type { ChatMessage } from '#libs/contracts';
import type { GenerateOptions, GenerateResult, LanguageModel } from '../language-model.js';
import { LlmError } from '../llm-error.js';
import type { LanguageModelContractSubject } from './language-model-contract.js';

const question: ChatMessage[] = [
  { role: 'system', content: 'Answer briefly.' },
  { role: 'user', content: 'What is the capital of France?' },
];

/** Everything a stream yielded: its deltas, its finish result, or the error it threw. */
interface DrainedStream {
  readonly deltas: string[];
  readonly result: GenerateResult | undefined;
  readonly error: unknown;
}

async function drain(model: LanguageModel, options: GenerateOptions): Promise<DrainedStream> {
  if (!model.stream) throw new Error(`${model.provider} adapter has no stream()`);
  const deltas: string[] = [];
  let result: GenerateResult | undefined;
  try {
    for await (const part of model.stream(options)) {
      if (part.type === 'text-delta') deltas.push(part.text);
      else result = part.result;
    }
    return { deltas, result, error: undefined };
  } catch (error) {
    return { deltas, result, error };
  }
}

/**
 * The streaming behaviour every adapter with `stream()` must show against the simulator:
 * deltas that add up to the answer `generate` gives, exact usage, and a cut stream that throws
 * a retryable LlmError after the deltas it did deliver.
 */
export function runLanguageModelStreamContract(subject: LanguageModelContractSubject): void {
  describe(`LanguageModel stream contract: ${subject.name}`, () => {
    let simulator: SimulatorHandle;

    beforeAll(async () => {
      simulator = await startSimulator({ seed: 42 });
    });
    afterAll(async () => {
      await simulator.close();
    });

    function modelWith(modelId: string, scenario: Scenario = {}): LanguageModel {
      const uniqueId = `stream-contract-${modelId}`;
      simulator.setScenario(uniqueId, scenario);
      return subject.createModel(simulator.url, uniqueId);
    }

    test('deltas add up to the same answer and usage as generate', async () => {
      const model = modelWith('success', { outputTokens: 30 });
      const plain = await model.generate({ messages: question, settings: {} });
      const streamed = await drain(model, { messages: question, settings: {} });

      expect(streamed.error).toBeUndefined();
      expect(streamed.deltas.length).toBeGreaterThan(3);
      expect(streamed.deltas.join('')).toBe(plain.content);
      expect(streamed.result?.content).toBe(plain.content);
      expect(streamed.result?.usage).toEqual(plain.usage);
      expect(streamed.result?.usage.outputTokens).toBeGreaterThan(0);
      expect(streamed.result?.finishReason).toEqual(plain.finishReason);
      expect(streamed.result?.response.simulated).toBe(true);
      expect(streamed.result?.response.id).toBeDefined();
    });

    test('the first delta arrives before the stream is over', async () => {
      const model = modelWith('paced', { outputTokens: 20, chunkDelayMs: 40 });
      const stream = model.stream?.({ messages: question, settings: {} });
      if (!stream) throw new Error('no stream()');
      const started = performance.now();
      let firstAt: number | undefined;
      for await (const part of stream) if (part.type === 'text-delta') firstAt ??= performance.now() - started;
      const totalMs = performance.now() - started;
      expect(firstAt).toBeDefined();
      expect(totalMs - (firstAt ?? totalMs)).toBeGreaterThan(100);
    });

    test('a stream cut mid-answer throws a retryable connection error after its deltas', async () => {
      const model = modelWith('cut', { outputTokens: 40, faults: [{ kind: 'cut-stream', afterChunks: 4, count: 1 }] });
      const cut = await drain(model, { messages: question, settings: {} });

      expect(cut.deltas.length).toBeGreaterThan(0);
      expect(cut.result).toBeUndefined();
      expect(LlmError.isInstance(cut.error)).toBe(true);
      const error = cut.error as LlmError;
      expect(error.kind).toBe('connection');
      expect(error.isRetryable).toBe(true);
      expect(error.message).toMatch(/stream ended before/);

      const retried = await drain(model, { messages: question, settings: {} });
      expect(retried.error).toBeUndefined();
      expect(retried.result?.content.startsWith(cut.deltas.join(''))).toBe(true);
    });

    test('a provider error before the stream starts keeps its kind', async () => {
      const model = modelWith('rate-limited', { faults: [{ kind: 'status', status: 429, retryAfterMs: 1500 }] });
      const failed = await drain(model, { messages: question, settings: {} });
      expect(LlmError.isInstance(failed.error)).toBe(true);
      expect((failed.error as LlmError).kind).toBe('rate-limited');
      expect((failed.error as LlmError).retryAfterMs).toBe(1500);
    });

    test('a stalled stream ends as a timeout', async () => {
      const model = modelWith('stalled', { outputTokens: 40, chunkDelayMs: 2_000 });
      const stalled = await drain(model, { messages: question, settings: {}, timeoutMs: 300 });
      expect(LlmError.isInstance(stalled.error)).toBe(true);
      expect((stalled.error as LlmError).kind).toBe('timeout');
    });
  });
}
