import { ApplicationFailure, Context } from '@temporalio/activity';
import { budgetCapsFor } from '#libs/access';
import type { Caller, ValidationJudgePolicy, ValidationJudgeReport } from '#libs/contracts';
import { createTokenCounter } from '#libs/context';
import { LlmError, type CircuitBreakerRegistry } from '#libs/llm';
import { computeCostUsd, type ModelCatalog } from '#libs/models';
import { UnknownModelError, type RouteTable } from '#libs/routes';
import type { ChunksRepository } from '#libs/store';
import { genAiProviderOf, traceGenAiChat } from '#libs/telemetry';
import {
  applyJudgeVerdicts,
  buildJudgePrompt,
  claimsForJudge,
  JudgeResponseError,
  parseJudgeResponse,
  undecidedClaimCount,
  validateAnswer as checkAnswer,
  type AnswerValidation,
} from '#libs/validation';
import type { ModelRegistry } from '../chat/model-registry.js';
import type { SpendDependencies } from '../chat/spend-ledger-port.js';
import { loadValidationSources, toAnswerCheck, type AnswerCheck, type ValidateAnswerInput } from './validate-answer.activity.js';

/** What the judge needs: the stored chunks, the models and their prices, the route table, the ledger. */
export interface JudgeClaimsDependencies {
  readonly chunks: Pick<ChunksRepository, 'getByIds'>;
  readonly models: Pick<ModelRegistry, 'get' | 'describe'>;
  readonly catalog: ModelCatalog;
  readonly routes: Pick<RouteTable, 'plan'>;
  readonly breakers: CircuitBreakerRegistry;
  /** Reserve-then-settle spending; absent in tests that do not charge. */
  readonly spend?: SpendDependencies;
}

/** Input of the `judgeClaims` activity: the answer as validated, and the route's judge. */
export interface JudgeClaimsInput extends ValidateAnswerInput {
  readonly judge: ValidationJudgePolicy;
  /** Who pays for the judge's call (absent: nothing is charged). */
  readonly caller?: Caller;
  /** 0 for the first answer, 1 for a regenerated one: each has its own ledger entry and idempotency key. */
  readonly call: number;
  /** The fast checks' time, kept as the report's `durationMs`. */
  readonly fastDurationMs: number;
}

/** The check with the judge's verdicts taken over (or the fast one, with `judge.error`), and what the judge cost. */
export interface JudgeClaimsOutput {
  readonly check: AnswerCheck;
  readonly judge: ValidationJudgeReport;
}

/**
 * The ledger key of a judge call: the request plus an attempt number far above the ones provider
 * attempts use (target × 100 + attempt), fixed across Temporal's retries of the activity, so the
 * judge is charged once: a retry after a failed call reserves again, a retry after a settled
 * call finds the settlement and is not charged twice.
 */
export function judgeLedgerKey(requestId: string, call: number): { requestId: string; attempt: number } {
  return { requestId, attempt: JUDGE_LEDGER_ATTEMPT + call };
}

const JUDGE_LEDGER_ATTEMPT = 90_000;
/** Output allowed per claim (one short verdict object) and for the JSON around them. */
const OUTPUT_TOKENS_PER_CLAIM = 80;
const OUTPUT_TOKENS_BASE = 64;

/**
 * Asks the route's judge model about the claims the fast checks left undecided (score in the
 * judge's band, at most `maxClaims`, most undecided first) and takes its verdicts over. The
 * answer is checked again here (pure and deterministic, so the same claims as the workflow's
 * check) to have the claims and sources the prompt needs. The call is charged through the ledger
 * like any provider call. A provider error is thrown (Temporal retries it; the workflow falls
 * back to the fast verdicts when it gives up); an unusable reply, a spending cap or an open
 * circuit is returned as `judge.error` with the fast verdicts, never thrown.
 */
export function createJudgeClaims(dependencies: JudgeClaimsDependencies) {
  return async function judgeClaims(input: JudgeClaimsInput): Promise<JudgeClaimsOutput> {
    const context = Context.current();
    return runJudge(dependencies, input, { attempt: context.info.attempt, cancellationSignal: context.cancellationSignal, warn: (message, attributes) => context.log.warn(message, attributes) });
  };
}

/** What the judge reads of its activity's context (a plain object in unit tests). */
export interface JudgeRunContext {
  readonly attempt: number;
  readonly cancellationSignal: AbortSignal;
  warn(message: string, attributes: Record<string, unknown>): void;
}

/** The `judgeClaims` activity's work, its Temporal context passed in. */
export async function runJudge(dependencies: JudgeClaimsDependencies, input: JudgeClaimsInput, context: JudgeRunContext): Promise<JudgeClaimsOutput> {
  const sources = await loadValidationSources(dependencies.chunks, input.tenantId, input.citations);
  const validation = checkAnswer({ answer: input.answer, sources });
  const judged = claimsForJudge(validation, input.judge.maxClaims);
  const base: ValidationJudgeReport = { model: input.judge.model, calls: 0, claims: 0, changed: 0, costUsd: 0, inputTokens: 0, outputTokens: 0 };
  const fast = (judge: ValidationJudgeReport): JudgeClaimsOutput => ({ check: checkOf(validation), judge });
  const checkOf = (checked: AnswerValidation): AnswerCheck => ({ ...toAnswerCheck(checked, input.fastDurationMs), undecidedClaims: undecidedClaimCount(validation) });
  if (judged.length === 0) return fast(base);

  let target;
  try {
    target = dependencies.routes.plan({ model: input.judge.model, messages: [] }).targets[0];
  } catch (error) {
    if (!UnknownModelError.isInstance(error)) throw error;
    return fast({ ...base, error: `unknown judge model: ${error.message}` });
  }
  if (target === undefined) return fast({ ...base, error: `route '${input.judge.model}' has no target` });
  const served = { ...base, provider: target.provider, servedBy: target.model };
  const breaker = dependencies.breakers.get(target.provider);
  if (!breaker.canCall()) return fast({ ...served, error: `circuit open for provider ${target.provider}` });

  const messages = buildJudgePrompt(judged, sources);
  const entry = dependencies.catalog.find(target.model);
  const counter = await createTokenCounter(target.model);
  const maxOutputTokens = Math.min(entry?.maxOutputTokens ?? 4_096, OUTPUT_TOKENS_BASE + OUTPUT_TOKENS_PER_CLAIM * judged.length);
  const { spend } = dependencies;
  const caller = input.caller;
  const ledgerKey = judgeLedgerKey(input.requestId, input.call);
  if (spend && caller) {
    const worstCaseUsd = entry ? computeCostUsd(entry, { inputTokens: counter.countMessages(messages), outputTokens: maxOutputTokens, cachedInputTokens: undefined }).costUsd : 0;
    const reserved = await spend.ledger.reserve({
      ...ledgerKey,
      scopes: budgetCapsFor({ tenantId: caller.tenantId, userId: caller.userId, keyId: caller.keyId, ...(caller.keyBudgets ? { keyBudgets: caller.keyBudgets } : {}) }, spend.budgets),
      amountUsd: worstCaseUsd,
      expiresAt: new Date(Date.now() + input.judge.timeoutMs + 60_000),
    });
    if (!reserved.admitted) {
      return fast({ ...served, error: `budget-exceeded: ${reserved.cap.scope} budget of $${reserved.cap.limitUsd} for ${reserved.cap.subject} has $${reserved.cap.remainingUsd} left; the judge needs up to $${worstCaseUsd}` });
    }
    if (reserved.softLimitCrossed.length > 0) spend.onSoftLimit?.(reserved.softLimitCrossed);
  }

  const model = dependencies.models.get(target.provider, target.model);
  const settings = { maxOutputTokens, temperature: 0 };
  const costOf = (usage: Parameters<typeof computeCostUsd>[1]): number => (entry ? computeCostUsd(entry, usage).costUsd : 0);
  let result;
  try {
    result = await traceGenAiChat(
      { provider: genAiProviderOf(dependencies.models.describe(target.provider)), model: target.model, maxTokens: maxOutputTokens, temperature: 0, requestId: input.requestId, tenantId: caller?.tenantId, route: `validation-judge:${input.judge.model}`, attempt: context.attempt },
      () => model.generate({ messages, settings, idempotencyKey: `${input.requestId}:validation-judge:${input.call}`, abortSignal: context.cancellationSignal, timeoutMs: input.judge.timeoutMs }),
      (generated) => ({ model: generated.response.modelId, id: generated.response.id, finishReasons: [generated.finishReason.raw ?? generated.finishReason.unified], inputTokens: generated.usage.inputTokens, outputTokens: generated.usage.outputTokens, costUsd: costOf(generated.usage) }),
    );
  } catch (error) {
    // Nothing was charged for a failed call: free the hold (idempotent; never undoes a settle).
    if (spend && caller) await spend.ledger.release(ledgerKey).catch(() => undefined);
    if (context.cancellationSignal.aborted) throw error;
    const failure = LlmError.isInstance(error)
      ? error
      : new LlmError({ kind: 'connection', message: error instanceof Error ? error.message : String(error), provider: target.provider, modelId: target.model, cause: error });
    breaker.recordFailure(failure.kind);
    throw ApplicationFailure.create({ type: failure.kind, message: failure.message, nonRetryable: !failure.isRetryable, details: [{ provider: target.provider, model: target.model }] });
  }
  breaker.recordSuccess();

  let costUsd = costOf(result.usage);
  if (spend && caller) {
    // Charged once: a retry after a settled call gets the first settlement back, and reports it.
    const settled = await spend.ledger
      .settle({
        ...ledgerKey,
        actualUsd: costUsd,
        tenantId: caller.tenantId,
        userId: caller.userId,
        keyId: caller.keyId,
        provider: target.provider,
        model: target.model,
        ...(result.usage.inputTokens !== undefined ? { inputTokens: result.usage.inputTokens } : {}),
        ...(result.usage.outputTokens !== undefined ? { outputTokens: result.usage.outputTokens } : {}),
        ...(result.usage.cachedInputTokens !== undefined ? { cachedTokens: result.usage.cachedInputTokens } : {}),
      })
      .catch((error: unknown) => {
        context.warn('settling the judge spend failed', { requestId: input.requestId, error: error instanceof Error ? error.message : String(error) });
        return undefined;
      });
    if (settled?.status === 'settled') costUsd = settled.actualUsd;
  }
  const spent: ValidationJudgeReport = {
    ...served,
    servedBy: result.response.modelId || target.model,
    calls: 1,
    claims: judged.length,
    costUsd,
    inputTokens: result.usage.inputTokens ?? 0,
    outputTokens: result.usage.outputTokens ?? 0,
  };
  try {
    const verdicts = parseJudgeResponse(result.content, judged.length);
    const after = applyJudgeVerdicts(validation, judged, verdicts);
    const changed = after.claims.filter((claim, index) => claim.verdict !== validation.claims[index]?.verdict).length;
    return { check: checkOf(after), judge: { ...spent, changed } };
  } catch (error) {
    // A reply that is not the asked JSON is not retried: another call would cost again and likely fail the same way.
    if (!JudgeResponseError.isInstance(error)) throw error;
    return fast({ ...spent, error: error.message });
  }
}
