import { startTestStack, type TestStack, type TestStackOptions } from './test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

/** The routes of the streaming tests: `streamed` falls back from OpenAI to Anthropic, `streamed-single` has no fallback. */
export const STREAMING_TEST_CONFIG = {
  circuitBreaker: { failureThreshold: 10_000 },
  routes: {
    simple: { targets: [{ provider: 'openai', model: 'gpt-4.1-mini', maxAttempts: 2 }] },
    complex: { targets: [{ provider: 'openai', model: 'gpt-4.1', maxAttempts: 2 }] },
    streamed: { targets: [{ provider: 'openai', model: 'gpt-4.1-mini', maxAttempts: 2 }, { provider: 'anthropic', model: 'claude-haiku-4-5', maxAttempts: 1 }] },
    'streamed-single': { targets: [{ provider: 'openai', model: 'gpt-4.1', maxAttempts: 2 }] },
  },
};

export interface StackSuiteOptions {
  /** Runs once the stack is up, still in `beforeAll` (e.g. {@link addPoliciesCollection}). */
  readonly setup?: (stack: TestStack) => Promise<void>;
  /** Also reset the simulator's stats before each test (default: scenarios only). */
  readonly resetStats?: boolean;
}

/**
 * The test file's stack: started before all its tests (and handed to `use`), stopped after
 * them; the simulator's scenarios (and, if asked, stats) are reset before each test.
 */
export function useTestStack(use: (stack: TestStack) => void, options: TestStackOptions, suite: StackSuiteOptions = {}): void {
  let stack: TestStack | undefined;
  beforeAll(async () => {
    stack = await startTestStack(options);
    use(stack);
    await suite.setup?.(stack);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  beforeEach(() => {
    const { simulator } = stack as TestStack;
    simulator.resetScenarios();
    if (suite.resetStats) simulator.resetStats();
  });
}

/** Creates the `policies` collection with the returns policy document, and waits until it is ingested. */
export async function addPoliciesCollection(stack: TestStack): Promise<void> {
  expect((await stack.api('/v1/collections', { json: { name: 'policies' } })).status).toBe(201);
  const document = await stack.api('/v1/collections/policies/documents', {
    json: {
      title: 'Returns policy',
      media_type: 'text/plain',
      content: 'Refunds are accepted within 30 days of delivery. Opened items are refunded as store credit only. Shipping fees are not refunded.',
    },
  });
  const body = (await document.json()) as Json;
  await stack.client.workflow.getHandle(body['workflow_id'] as string).result();
}
