import { startSimulator, type Scenario, type SimulatorHandle } from '#apps/simulator';
import { LlmError } from '#libs/llm';
import type { EmbeddingModel } from '../embed/embedding-model.js';
import { cosineSimilarity } from '../retrieve/cosine-similarity.js';

/** What an embedding model implementation hands the contract suite. */
export interface EmbeddingModelContractSubject {
  /** Suite title, e.g. `lexical-embedding-v1`. */
  readonly name: string;
  /**
   * The model under test. When `usesSimulator`, it must talk to `simulatorUrl` (no `/v1`) and use
   * `modelId`, which is unique per test so scenarios and counters never leak between tests.
   */
  readonly createModel: (context: { readonly simulatorUrl: string | undefined; readonly modelId: string }) => EmbeddingModel;
  /** Runs the provider-failure tests against the simulator (429, 500, hang, malformed body). */
  readonly usesSimulator: boolean;
  /** Runs the similarity test: texts sharing words score higher than unrelated texts. */
  readonly ranksSharedWordsHigher: boolean;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

async function llmRejection(promise: Promise<unknown>): Promise<LlmError> {
  const error = await rejection(promise);
  if (!LlmError.isInstance(error)) throw new Error(`expected an LlmError, got ${String(error)}`);
  return error;
}

const policy = 'Refunds are issued within fourteen days of a request.';
const policyQuestion = 'How many days until refunds are issued?';
const unrelated = 'The cafeteria serves vegetarian lunch at noon on Fridays.';

/**
 * The behaviour every EmbeddingModel must show, declared as jest blocks (Hono's `runTest`
 * pattern): each implementation's test file calls this once.
 */
export function runEmbeddingModelContract(subject: EmbeddingModelContractSubject): void {
  describe(`EmbeddingModel contract: ${subject.name}`, () => {
    let simulator: SimulatorHandle | undefined;

    beforeAll(async () => {
      if (subject.usesSimulator) simulator = await startSimulator({ seed: 7 });
    });
    afterAll(async () => {
      await simulator?.close();
    });

    function modelWith(name: string, scenario: Scenario = {}): EmbeddingModel {
      const modelId = `embedding-contract-${name}`;
      simulator?.setScenario(modelId, scenario);
      return subject.createModel({ simulatorUrl: simulator?.url, modelId });
    }

    function callsTo(model: EmbeddingModel): number {
      return simulator?.stats().models[model.modelId]?.calls ?? 0;
    }

    test('returns one finite, unit-length vector of the declared dimensions per text', async () => {
      const model = modelWith('shape');
      const { embeddings } = await model.embed([policy, unrelated]);

      expect(embeddings).toHaveLength(2);
      for (const vector of embeddings) {
        expect(vector).toBeInstanceOf(Float32Array);
        expect(vector).toHaveLength(model.dimensions);
        expect(vector.every(Number.isFinite)).toBe(true);
        expect(Math.hypot(...vector)).toBeCloseTo(1, 3);
      }
      expect(model.provider.length).toBeGreaterThan(0);
      expect(model.maxBatchSize).toBeGreaterThan(0);
      expect(['neural', 'lexical']).toContain(model.kind);
    });

    test('is deterministic, and a batch keeps input order', async () => {
      const model = modelWith('order');
      const texts = [policy, unrelated, policyQuestion, 'Laptops must use full-disk encryption.'];
      const batch = await model.embed(texts);
      const reversed = await model.embed([...texts].reverse());
      const single = await model.embed([unrelated]);

      expect(reversed.embeddings.reverse()).toEqual(batch.embeddings);
      expect(single.embeddings[0]).toEqual(batch.embeddings[1]);
    });

    test('refuses empty input, an empty text and an oversized batch as bad-request, without a call', async () => {
      const model = modelWith('empty');
      for (const input of [[], [policy, '  '], Array.from({ length: model.maxBatchSize + 1 }, () => policy)]) {
        const error = await llmRejection(model.embed(input));
        expect(error.kind).toBe('bad-request');
        expect(error.isRetryable).toBe(false);
      }
      expect(callsTo(model)).toBe(0);
    });

    test('an aborted signal rejects with its reason', async () => {
      const model = modelWith('aborted');
      const controller = new AbortController();
      const reason = new Error('caller gave up');
      controller.abort(reason);
      await expect(model.embed([policy], { abortSignal: controller.signal })).rejects.toBe(reason);
    });

    if (subject.ranksSharedWordsHigher) {
      test('texts sharing words score higher than unrelated texts', async () => {
        const model = modelWith('similarity');
        const [document, question, other] = (await model.embed([policy, policyQuestion, unrelated])).embeddings;
        const related = cosineSimilarity(document ?? [], question ?? []);
        const unrelatedScore = cosineSimilarity(document ?? [], other ?? []);
        expect(related).toBeGreaterThan(unrelatedScore + 0.2);
      });
    }

    if (subject.usesSimulator) {
      test('reports the billed input tokens', async () => {
        const { usage } = await modelWith('usage').embed([policy]);
        expect(usage.inputTokens).toBeGreaterThan(0);
      });

      test('429 is rate-limited with the Retry-After delay, from exactly one request', async () => {
        const model = modelWith('rate-limited', { faults: [{ kind: 'status', status: 429, retryAfterSeconds: 3 }] });
        const error = await llmRejection(model.embed([policy]));

        expect(error.kind).toBe('rate-limited');
        expect(error.isRetryable).toBe(true);
        expect(error.statusCode).toBe(429);
        expect(error.retryAfterMs).toBe(3000);
        expect(error.provider).toBe(model.provider);
        expect(error.modelId).toBe(model.modelId);
        expect(callsTo(model)).toBe(1);
      });

      test('500 is a retryable server error, and the next call succeeds', async () => {
        const model = modelWith('server-error', { faults: [{ kind: 'status', status: 500, count: 1 }] });
        expect((await llmRejection(model.embed([policy]))).kind).toBe('server-error');
        await expect(model.embed([policy])).resolves.toMatchObject({ embeddings: [expect.any(Float32Array)] });
      });

      test('a hanging server ends as a timeout at timeoutMs', async () => {
        const model = modelWith('hang', { faults: [{ kind: 'hang' }] });
        const error = await llmRejection(model.embed([policy], { timeoutMs: 200 }));
        expect(error.kind).toBe('timeout');
        expect(error.isRetryable).toBe(true);
      });

      test('a body that is not JSON is a retryable malformed response', async () => {
        const model = modelWith('malformed', { faults: [{ kind: 'malformed' }] });
        expect((await llmRejection(model.embed([policy]))).kind).toBe('malformed-response');
      });
    }
  });
}
