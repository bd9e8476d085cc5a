import { ApplicationFailure, Context } from '@temporalio/activity';
import type { AttemptRecord, CallModelInput, CallModelOutput, TargetAttempt } from '#libs/contracts';
import { LlmError, type CircuitBreakerRegistry } from '#libs/llm';
import { computeCostUsd, type ModelCatalog } from '#libs/models';
import type { ModelRegistry } from './model-registry.js';
import { retryDelayMs } from './retry-delay.js';
import { createTokenCounter } from '#libs/context';
import { assemblePrompt, type AssembledPrompt } from '../context/assemble-prompt.js';
import type { ContextPolicyLookup } from '../context/context-policies.js';
import type { SourceLoader } from '../rag/source-loader.js';

export interface CallModelDependencies {
  readonly models: ModelRegistry;
  readonly catalog: ModelCatalog;
  readonly breakers: CircuitBreakerRegistry;
  /** Records a failed attempt in the workflow's history (best effort: the failure itself also carries it). */
  readonly recordAttempt: (workflowId: string, attempt: TargetAttempt) => Promise<void>;
  readonly simulatedProviders: ReadonlySet<string>;
  /** Loads the text of retrieved chunks (tenant-checked) for the prompt, with their citations. */
  readonly loadSources: SourceLoader;
  /** Each route's context budget policy. */
  readonly contextPolicies: ContextPolicyLookup;
}

/**
 * Calls one target once. Temporal retries it: provider errors become ApplicationFailures typed
 * by kind, non-retryable for caller errors, with `nextRetryDelay` from backoff and Retry-After.
 * The idempotency key (request id + target) lets providers that support it drop a duplicate.
 */
export function createCallModel(dependencies: CallModelDependencies) {
  return async function callModel(input: CallModelInput): Promise<CallModelOutput> {
    const context = Context.current();
    const attemptNumber = context.info.attempt;
    const { target } = input;
    const startedAt = new Date();
    const started = performance.now();
    const base = { provider: target.provider, model: target.model, attempt: attemptNumber, startedAt: startedAt.toISOString() };

    // The prompt is budgeted for this target's window before anything is sent: a target too
    // small for what must not be cut is skipped (the workflow moves on to a larger window).
    const { sources, citations } = input.context ? await dependencies.loadSources(input.context.tenantId, input.context.chunks) : { sources: [], citations: [] };
    const entry = dependencies.catalog.find(target.model);
    const prompt: AssembledPrompt = assemblePrompt({
      messages: input.messages,
      ...(input.inputHandling ? { inputHandling: input.inputHandling } : {}),
      sources,
      citations,
      counter: await createTokenCounter(target.model),
      window: target.contextWindow,
      policy: dependencies.contextPolicies(input.route),
      ...(input.settings.maxOutputTokens !== undefined ? { maxOutputTokens: input.settings.maxOutputTokens } : {}),
      ...(entry ? { inputPricePerMillion: entry.pricesPerMillion.input } : {}),
    });
    if (prompt.kind === 'too-large') {
      const message =
        `system instructions (${prompt.systemTokens}) + current message (${prompt.queryTokens}) + reserved output (${prompt.outputTokens}) = ` +
        `${prompt.needed} tokens, more than ${target.model}'s ${prompt.window}-token window`;
      const attempt: AttemptRecord = { ...base, outcome: 'skipped', latencyMs: 0, errorKind: 'context-length-exceeded', message };
      throw ApplicationFailure.create({ type: 'context-length-exceeded', message, nonRetryable: true, details: [{ attempt, needed: prompt.needed, window: prompt.window }] });
    }

    const breaker = dependencies.breakers.get(target.provider);
    if (!breaker.canCall()) {
      const attempt: AttemptRecord = { ...base, outcome: 'skipped', latencyMs: 0, errorKind: 'circuit-open', message: `circuit open for provider ${target.provider}` };
      throw ApplicationFailure.create({ type: 'circuit-open', message: attempt.message ?? '', nonRetryable: true, details: [{ attempt }] });
    }

    // A long call heartbeats so a dead worker is noticed after heartbeatTimeout, not attemptTimeout.
    const heartbeat = context.info.isLocal ? undefined : setInterval(() => context.heartbeat(), Math.max(250, Math.floor(input.timeouts.heartbeatTimeoutMs / 3)));
    try {
      const model = dependencies.models.get(target.provider, target.model);
      const result = await model.generate({
        messages: prompt.messages,
        settings: input.settings,
        idempotencyKey: `${input.requestId}:call-model:${input.targetIndex}`,
        abortSignal: context.cancellationSignal,
        timeoutMs: input.timeouts.attemptTimeoutMs,
      });
      breaker.recordSuccess();
      const cost = entry ? computeCostUsd(entry, result.usage) : { costUsd: 0, complete: false };
      const latencyMs = Math.round(performance.now() - started);
      return {
        result: {
          provider: target.provider,
          model: result.response.modelId || target.model,
          responseId: result.response.id,
          content: result.content,
          finishReason: result.finishReason.unified,
          usage: result.usage,
          costUsd: cost.costUsd,
          simulated: result.response.simulated || dependencies.simulatedProviders.has(target.provider),
          citations: prompt.citations,
          context: prompt.context,
        },
        attempt: { ...base, outcome: 'success', latencyMs },
      };
    } catch (error) {
      // Cancellation is Temporal's decision, not the provider's failure: it must not trip the breaker.
      if (context.cancellationSignal.aborted) throw error;
      const latencyMs = Math.round(performance.now() - started);
      const failure = LlmError.isInstance(error)
        ? error
        : new LlmError({ kind: 'connection', message: error instanceof Error ? error.message : String(error), provider: target.provider, modelId: target.model, cause: error });
      breaker.recordFailure(failure.kind);
      const attempt: AttemptRecord = {
        ...base,
        outcome: 'error',
        latencyMs,
        errorKind: failure.kind,
        message: failure.message,
        ...(failure.statusCode !== undefined ? { statusCode: failure.statusCode } : {}),
        ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
      };
      const waitTooLong = failure.retryAfterMs !== undefined && failure.retryAfterMs > input.retry.maxRetryAfterMs;
      const retryable = failure.isRetryable && !waitTooLong;
      // A local activity runs inside its workflow's task: signalling that workflow now would fail the task.
      if (retryable && !context.info.isLocal) {
        await dependencies.recordAttempt(input.workflowId, { targetIndex: input.targetIndex, record: attempt }).catch(() => undefined);
      }
      throw ApplicationFailure.create({
        type: failure.kind,
        message: failure.message,
        nonRetryable: !retryable,
        ...(retryable ? { nextRetryDelay: retryDelayMs(attemptNumber, input.retry, failure.retryAfterMs) } : {}),
        details: [{ attempt }],
      });
    } finally {
      clearInterval(heartbeat);
    }
  };
}
