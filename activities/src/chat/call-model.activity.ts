import { ApplicationFailure, Context } from '@temporalio/activity';
import type { AttemptRecord, CallModelInput, CallModelOutput, ChatMessage, TargetAttempt, TokenUsage } from '#libs/contracts';
import { LlmError, type CircuitBreakerRegistry } from '#libs/llm';
import { computeCostUsd, type ModelCatalog } from '#libs/models';
import type { ModelRegistry } from './model-registry.js';
import { retryDelayMs } from './retry-delay.js';
import { createTokenCounter } from '#libs/context';
import { assemblePrompt, type AssembledPrompt } from '../context/assemble-prompt.js';
import type { ContextPolicyLookup } from '../context/context-policies.js';
import type { SourceLoader } from '../rag/source-loader.js';
import { budgetCapsFor } from '#libs/access';
import { EgressCapacityError, type EgressLimiter } from '#libs/limits';
import { ledgerAttempt, type SpendDependencies } from './spend-ledger-port.js';
import { conversationKey, summarizeDroppedHistory, type SummarizeHistoryDependencies } from '../context/summarize-history.js';
import { genAiProviderOf, traceGenAiChat } from '#libs/telemetry';
import { sharedInProcessStreamRelay, type StreamRelay } from '#libs/streaming';
import { RelayPublisher } from './relay-publisher.js';

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
  /** Reserve-then-settle spending; absent in tests that do not charge. */
  readonly spend?: SpendDependencies;
  /** Rolling summaries of dropped conversation turns; absent: dropped turns are only reported. */
  readonly conversations?: SummarizeHistoryDependencies['summaries'];
  /** Per-provider RPM/TPM shared by every worker, adaptive on 429s; absent: unlimited. */
  readonly egress?: Pick<EgressLimiter, 'waitForCapacity' | 'reportThrottled'>;
  /** Where streamed text goes (ADR 0012); absent: the process-wide in-process relay. */
  readonly streamRelay?: StreamRelay;
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
    // A streaming request's text goes to the API as it arrives; the result below stays the answer of record.
    const publisher = input.stream
      ? new RelayPublisher(dependencies.streamRelay ?? sharedInProcessStreamRelay, input.requestId, { targetIndex: input.targetIndex, attempt: attemptNumber, provider: target.provider, model: target.model })
      : undefined;

    // The prompt is budgeted for this target's window before anything is sent: a target too
    // small for what must not be cut is skipped (the workflow moves on to a larger window).
    const { sources, citations } = input.context ? await dependencies.loadSources(input.context.tenantId, input.context.chunks) : { sources: [], citations: [] };
    const entry = dependencies.catalog.find(target.model);
    const counter = await createTokenCounter(target.model);
    const prompt: AssembledPrompt = assemblePrompt({
      messages: input.messages,
      ...(input.inputHandling ? { inputHandling: input.inputHandling } : {}),
      sources,
      citations,
      counter,
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

    // Hold the worst case (the whole prompt, the most output allowed) on every cap before calling.
    const { spend } = dependencies;
    const caller = input.caller;
    const ledgerKey = ledgerAttempt(input.requestId, input.targetIndex, attemptNumber);
    const promptTokens = counter.countMessages(prompt.messages);
    if (spend && caller) {
      const maxOutput = input.settings.maxOutputTokens ?? entry?.maxOutputTokens ?? 4_096;
      const worstCaseUsd = entry ? computeCostUsd(entry, { inputTokens: promptTokens, outputTokens: maxOutput, cachedInputTokens: undefined }).costUsd : 0;
      const reserved = await spend.ledger.reserve({
        ...ledgerKey,
        scopes: budgetCapsFor({ tenantId: caller.tenantId, userId: caller.userId, keyId: caller.keyId, ...(caller.keyBudgets ? { keyBudgets: caller.keyBudgets } : {}) }, spend.budgets),
        amountUsd: worstCaseUsd,
        expiresAt: new Date(Date.now() + input.timeouts.attemptTimeoutMs + 60_000),
      });
      if (!reserved.admitted) {
        const message = `${reserved.cap.scope} budget of $${reserved.cap.limitUsd} for ${reserved.cap.subject} has $${reserved.cap.remainingUsd} left; this request needs up to $${worstCaseUsd}`;
        const attempt: AttemptRecord = { ...base, outcome: 'skipped', latencyMs: 0, errorKind: 'budget-exceeded', message };
        throw ApplicationFailure.create({ type: 'budget-exceeded', message, nonRetryable: true, details: [{ attempt, budget: { cap: reserved.cap, requestedUsd: worstCaseUsd } }] });
      }
      if (reserved.softLimitCrossed.length > 0) spend.onSoftLimit?.(reserved.softLimitCrossed);
    }

    // A long call heartbeats so a dead worker is noticed after heartbeatTimeout, not attemptTimeout.
    const heartbeat = context.info.isLocal ? undefined : setInterval(() => context.heartbeat(), Math.max(250, Math.floor(input.timeouts.heartbeatTimeoutMs / 3)));
    try {
      // A provider at its configured RPM/TPM (shared by every worker) makes the call wait for a
      // slot, up to half the attempt's time; later than that it is retried or falls back.
      await dependencies.egress?.waitForCapacity({
        provider: target.provider,
        estimatedTokens: promptTokens + (input.settings.maxOutputTokens ?? 1_024),
        deadline: Date.now() + Math.floor(input.timeouts.attemptTimeoutMs / 2),
        signal: context.cancellationSignal,
      });
    } catch (error) {
      clearInterval(heartbeat);
      if (spend && caller) await spend.ledger.release(ledgerKey).catch(() => undefined);
      if (!EgressCapacityError.isInstance(error)) throw error;
      // Our own limit, not the provider's failure: the circuit breaker is not told.
      const attempt: AttemptRecord = { ...base, outcome: 'skipped', latencyMs: Math.round(performance.now() - started), errorKind: 'rate-limited', message: error.message, retryAfterMs: error.retryAfterMs };
      throw ApplicationFailure.create({ type: 'rate-limited', message: error.message, nonRetryable: error.exceedsLimit, nextRetryDelay: Math.max(1, error.retryAfterMs), details: [{ attempt }] });
    }
    // What was sent to the provider, once it was: a cancelled stream is charged for it (below).
    let sentPromptTokens: number | undefined;
    let summaryCostUsd = 0;
    try {
      let messages = prompt.messages;
      let usage = prompt.context;
      if (prompt.historyToSummarize.length > 0 && dependencies.conversations && caller) {
        const history = await summarizeDroppedHistory(
          { summaries: dependencies.conversations, models: dependencies.models, catalog: dependencies.catalog },
          {
            requestId: input.requestId,
            tenantId: caller.tenantId,
            conversationKey: conversationKey(input.conversationId, input.messages),
            dropped: prompt.historyToSummarize,
            target,
            maxTokens: dependencies.contextPolicies(input.route).historySummaryTokens,
            counter,
            abortSignal: context.cancellationSignal,
          },
        );
        summaryCostUsd = history.costUsd;
        messages = withSummary(messages, `Summary of the ${prompt.historyToSummarize.length} earlier messages of this conversation, which no longer fit:\n${history.summary}`);
        usage = { ...usage, summarized: { messages: prompt.historyToSummarize.length, tokens: history.tokens, cached: history.cached, newMessages: history.newMessages, costUsd: history.costUsd } };
      }
      const model = dependencies.models.get(target.provider, target.model);
      const callCostOf = (usage: TokenUsage) => (entry ? computeCostUsd(entry, usage) : { costUsd: 0, complete: false });
      // The provider call in a GenAI `chat <model>` span: settings, ids and counts, never the messages.
      const result = await traceGenAiChat(
        {
          provider: genAiProviderOf(dependencies.models.describe(target.provider)),
          model: target.model,
          maxTokens: input.settings.maxOutputTokens,
          temperature: input.settings.temperature,
          topP: input.settings.topP,
          requestId: input.requestId,
          tenantId: caller?.tenantId,
          route: input.route,
          attempt: attemptNumber,
        },
        () => {
          sentPromptTokens = counter.countMessages(messages);
          const call = {
            messages,
            settings: input.settings,
            idempotencyKey: `${input.requestId}:call-model:${input.targetIndex}`,
            abortSignal: context.cancellationSignal,
            timeoutMs: input.timeouts.attemptTimeoutMs,
          };
          return publisher ? publisher.call(model, call) : model.generate(call);
        },
        (generated) => ({
          model: generated.response.modelId,
          id: generated.response.id,
          finishReasons: [generated.finishReason.raw ?? generated.finishReason.unified],
          inputTokens: generated.usage.inputTokens,
          outputTokens: generated.usage.outputTokens,
          costUsd: callCostOf(generated.usage).costUsd,
        }),
      );
      breaker.recordSuccess();
      const callCost = callCostOf(result.usage);
      const cost = { ...callCost, costUsd: Math.round((callCost.costUsd + summaryCostUsd) * 1e9) / 1e9 };
      if (spend && caller) {
        // The answer is never thrown away for a ledger fault: the hold stays until the reaper frees it.
        await spend.ledger.settle({
          ...ledgerKey,
          actualUsd: cost.costUsd,
          tenantId: caller.tenantId,
          userId: caller.userId,
          keyId: caller.keyId,
          provider: target.provider,
          model: target.model,
          ...(result.usage.inputTokens !== undefined ? { inputTokens: result.usage.inputTokens } : {}),
          ...(result.usage.outputTokens !== undefined ? { outputTokens: result.usage.outputTokens } : {}),
          ...(result.usage.cachedInputTokens !== undefined ? { cachedTokens: result.usage.cachedInputTokens } : {}),
        }).catch((error: unknown) => context.log.warn('settling the spend failed', { requestId: input.requestId, error: error instanceof Error ? error.message : String(error) }));
      }
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
          context: usage,
        },
        attempt: { ...base, outcome: 'success', latencyMs },
      };
    } catch (error) {
      // Cancellation is Temporal's decision, not the provider's failure: it must not trip the breaker.
      if (context.cancellationSignal.aborted) {
        // A stream cancelled after text arrived was processed and billed by the provider: charge
        // the prompt and the text received (an estimate, the provider never reported usage), the
        // rest of the hold is freed. Otherwise nothing is known to be billed: the hold is released.
        const received = publisher?.publishedText ?? '';
        if (spend && caller) {
          const estimate = sentPromptTokens !== undefined && received.length > 0 ? { inputTokens: sentPromptTokens, outputTokens: counter.count(received) } : undefined;
          await settleOrRelease(spend, ledgerKey, estimate && entry ? { ...estimate, costUsd: computeCostUsd(entry, { ...estimate, cachedInputTokens: undefined }).costUsd + summaryCostUsd } : undefined, {
            tenantId: caller.tenantId,
            userId: caller.userId,
            keyId: caller.keyId,
            provider: target.provider,
            model: target.model,
          }).catch((settleError: unknown) => context.log.warn('settling a cancelled call failed', { requestId: input.requestId, error: settleError instanceof Error ? settleError.message : String(settleError) }));
        }
        throw error;
      }
      // Nothing was charged for a failed call: free the hold (idempotent; the reaper is the backstop).
      if (spend && caller) await spend.ledger.release(ledgerKey).catch(() => undefined);
      const latencyMs = Math.round(performance.now() - started);
      const failure = LlmError.isInstance(error)
        ? error
        : new LlmError({ kind: 'connection', message: error instanceof Error ? error.message : String(error), provider: target.provider, modelId: target.model, cause: error });
      breaker.recordFailure(failure.kind);
      if (failure.kind === 'rate-limited') await dependencies.egress?.reportThrottled(target.provider, failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}).catch(() => undefined);
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
      // The client drops this attempt's text; the next attempt (or target) answers from the start.
      publisher?.failed(failure, retryable && attemptNumber < target.maxAttempts);
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

/**
 * Ends the hold of a cancelled attempt: settled at the estimated cost of what the provider
 * processed (prompt and text received), or released when nothing is known to be billed.
 */
async function settleOrRelease(
  spend: SpendDependencies,
  key: { requestId: string; attempt: number },
  estimate: { inputTokens: number; outputTokens: number; costUsd: number } | undefined,
  who: { tenantId: string; userId: string; keyId: string; provider: string; model: string },
): Promise<void> {
  if (estimate === undefined) {
    await spend.ledger.release(key);
    return;
  }
  await spend.ledger.settle({ ...key, ...who, actualUsd: Math.round(estimate.costUsd * 1e9) / 1e9, inputTokens: estimate.inputTokens, outputTokens: estimate.outputTokens });
}

/** The prompt with a summary of dropped turns placed after the system messages, before the kept turns. */
function withSummary(messages: readonly ChatMessage[], summary: string): ChatMessage[] {
  let leading = 0;
  while (leading < messages.length && messages[leading]?.role === 'system') leading += 1;
  return [...messages.slice(0, leading), { role: 'system', content: summary }, ...messages.slice(leading)];
}
