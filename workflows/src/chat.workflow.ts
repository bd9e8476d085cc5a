import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  executeChild,
  isCancellation,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  LLM_ERROR_POLICIES,
  NON_RETRYABLE_LLM_ERROR_KINDS,
  SEARCH_ATTRIBUTES,
  isLlmErrorKind,
  type AttemptRecord,
  type ChatFailure,
  type ChatProgress,
  type ChatResult,
  type CallModelInput,
  type ChatMessage,
  type ChatWorkflowInput,
  type InputHandling,
  type OversizedInputVerdict,
  type RoutePlan,
  type RouteTarget,
  type TargetAttempt,
  type ValidationJudgePolicy,
  type ValidationJudgeReport,
} from '#libs/contracts';
import type { AnswerCheck, ChatActivities } from '#activities';
import { DEFAULT_VALIDATION_POLICY, failedJudgeReport, fallsShort, regenerationMessages, totalJudgeReport, validationReport } from './answer-validation.js';
import { allTargetsFailed, callerError, inputTooLarge, noTargetFits } from './chat-failure.js';
import { awaitChatResultUpdate, attemptRecordedSignal, chatProgressQuery } from './messages.js';
import { StepLog } from './step-log.js';
import { summarizeInputWorkflow } from './summarize-input.workflow.js';

const { planRoute } = proxyLocalActivities<ChatActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3, nonRetryableErrorTypes: ['unknown-model'] },
});
const { retrieveContext } = proxyActivities<ChatActivities>({ startToCloseTimeout: '30 seconds' });
// Pure checks over stored chunks: a local activity, so validation adds no task round trip.
const { validateAnswer } = proxyLocalActivities<ChatActivities>({ startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 3 } });
// The validation judge calls a model: a regular activity, its timeouts set per call from the route's judge.
const { judgeClaims } = proxyActivities<ChatActivities>({ startToCloseTimeout: '30 seconds' });
const { excerptOversizedInput } = proxyActivities<ChatActivities>({ startToCloseTimeout: '5 minutes', heartbeatTimeout: '60 seconds', retry: { maximumAttempts: 3 } });

/**
 * One chat request: plan the route, then try each target in order — Temporal retries a
 * target (honouring Retry-After through `nextRetryDelay`), the loop here falls back — and
 * answer. Every attempt is in history: failing ones signal themselves, the last one returns.
 */
export async function chatWorkflow(input: ChatWorkflowInput): Promise<ChatResult> {
  const { request } = input;
  const steps = new StepLog();
  const attempts = new Map<string, TargetAttempt>();
  let plan: RoutePlan | undefined;
  // Cost of summarising an oversized message (child workflow), added to the answer's cost.
  let summaryCostUsd = 0;
  let outcome: { result: ChatResult } | { failure: ChatFailure } | undefined;

  setHandler(attemptRecordedSignal, (attempt) => {
    attempts.set(`${attempt.targetIndex}:${attempt.record.attempt}`, attempt);
    steps.setAttempts('call-model', sortedAttempts(attempts));
  });
  setHandler(chatProgressQuery, (): ChatProgress => ({
    requestId: request.requestId,
    status: outcome === undefined ? 'running' : 'result' in outcome ? 'completed' : 'failed',
    ...(plan ? { route: plan.route } : {}),
    steps: steps.list(),
    ...(outcome && 'result' in outcome ? { result: outcome.result } : {}),
    ...(outcome && 'failure' in outcome ? { failure: outcome.failure } : {}),
  }));
  setHandler(awaitChatResultUpdate, async () => {
    await condition(() => outcome !== undefined);
    if (outcome && 'result' in outcome) return outcome.result;
    throw chatFailureError(outcome && 'failure' in outcome ? outcome.failure : undefined);
  });

  try {
    outcome = withRunFacts(await runPipeline(), workflowInfo().runId, plan?.route);
  } catch (error) {
    // Cancelled (a streaming client left on a route that cancels): the run ends as Temporal's
    // `Cancelled`, its search attribute says so. Histories recorded before this replay unchanged.
    if (isCancellation(error) && patched(CANCELLATION_PATCH)) {
      upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.status, value: 'cancelled' }, ...(plan ? [{ key: SEARCH_ATTRIBUTES.route, value: plan.route }] : [])]);
    }
    throw error;
  }
  const status = 'result' in outcome ? 'completed' : 'failed';
  upsertSearchAttributes([
    { key: SEARCH_ATTRIBUTES.status, value: status },
    ...(plan ? [{ key: SEARCH_ATTRIBUTES.route, value: plan.route }] : []),
    ...('result' in outcome
      ? [
          { key: SEARCH_ATTRIBUTES.model, value: `${outcome.result.response.provider}/${outcome.result.response.model}` },
          { key: SEARCH_ATTRIBUTES.costUsd, value: outcome.result.costUsd },
        ]
      : []),
  ]);
  // An update waiting for the answer must be answered before the workflow closes.
  await condition(allHandlersFinished);
  if ('failure' in outcome) throw chatFailureError(outcome.failure);
  return outcome.result;

  async function runPipeline(): Promise<{ result: ChatResult } | { failure: ChatFailure }> {
    steps.start('plan-route', `route ${request.model}`);
    try {
      // The summary is UI metadata only (no new command): histories recorded without it replay unchanged.
      plan = await planRoute.executeWithOptions({ summary: `plan route for ${request.model}${request.tierHint ? ` (tier hint ${request.tierHint})` : ''}` }, [
        {
          requestId: request.requestId,
          model: request.model,
          messages: request.messages,
          ...(request.tierHint ? { tierHint: request.tierHint } : {}),
        },
      ]);
    } catch (error) {
      const failure = planFailure(error);
      steps.fail('plan-route', failure.message);
      return { failure };
    }
    steps.complete('plan-route', `${plan.route}: ${plan.reason}`);
    let context: CallModelInput['context'];
    // The request's own collections win over the route's default.
    const retrieval = request.retrieval ?? plan.retrieval;
    if (retrieval && retrieval.collections.length > 0) {
      steps.start('retrieve', `search ${retrieval.collections.join(', ')}`);
      try {
        const chunks = await retrieveContext.executeWithOptions(
          { summary: `retrieve top ${retrieval.topK} from ${retrieval.collections.join(', ')}`, startToCloseTimeout: '30 seconds', retry: { maximumAttempts: 3, nonRetryableErrorTypes: ['unknown-collection'] } },
          [{ requestId: request.requestId, tenantId: request.caller.tenantId, query: lastUserMessage(request.messages), retrieval: retrieval }],
        );
        context = { tenantId: request.caller.tenantId, chunks };
        steps.complete('retrieve', `${chunks.length} chunk(s) from ${new Set(chunks.map((chunk) => chunk.documentId)).size} document(s)`);
      } catch (error) {
        const failure = retrievalFailure(error);
        steps.fail('retrieve', failure.message);
        return { failure };
      }
    }
    let inputHandling: InputHandling | undefined;
    if (plan.oversizedInput) {
      const handled = await handleOversizedInput(plan, plan.oversizedInput);
      if ('failure' in handled) return handled;
      inputHandling = handled.handling;
    }
    const answered = await callTargets(plan, context, inputHandling);
    // Histories recorded before answer validation existed replay without it.
    if ('failure' in answered || !patched('answer-validation')) return answered;
    return validated(plan, context, inputHandling, answered.result);
  }

  /**
   * A grounded answer is checked against its sources; below the route's bar it is flagged,
   * replaced by the refusal, or regenerated once with a correction on the route's strongest
   * (last) target, keeping whichever answer is better grounded.
   */
  async function validated(route: RoutePlan, context: CallModelInput['context'], inputHandling: InputHandling | undefined, result: ChatResult): Promise<{ result: ChatResult }> {
    const policy = route.validation ?? DEFAULT_VALIDATION_POLICY;
    if (policy.mode === 'off' || context === undefined || result.citations.length === 0) return { result };
    const judgeReports: ValidationJudgeReport[] = [];
    const check = async (answer: string) => {
      const citations = result.citations.map((citation) => ({ index: citation.index, chunkId: citation.chunkId }));
      const fast = await validateAnswer.executeWithOptions({ summary: `validate the answer against ${citations.length} cited source(s)` }, [
        { requestId: request.requestId, tenantId: context.tenantId, answer, citations },
      ]);
      // Claims the fast checks leave undecided go to the route's judge; histories recorded before the judge replay without it.
      if (policy.judge === undefined || (fast.undecidedClaims ?? 0) === 0 || !patched('answer-validation-judge')) return fast;
      const judged = await judge(policy.judge, fast, { requestId: request.requestId, tenantId: context.tenantId, answer, citations, call: judgeReports.length });
      judgeReports.push(judged.judge);
      return judged.check;
    };
    steps.start('validate', `check the answer against ${result.citations.length} source(s)`);
    const first = await check(result.response.content);
    const finish = (answer: ChatResult, checked: ReturnType<typeof validationReport>) => {
      const judged = totalJudgeReport(judgeReports);
      const report = judged === undefined ? checked : { ...checked, judge: judged };
      const judgeNote = judged === undefined ? '' : `; judge ${judged.model}: ${judged.error === undefined ? `${judged.claims} claim(s), ${judged.changed} changed` : `failed (${judged.error}), fast verdicts kept`}`;
      steps.complete('validate', `${report.verdict}, groundedness ${report.groundedness} (${report.unsupportedClaims} unsupported claim(s)): ${report.action}${judgeNote}`);
      // The judge's calls are charged to the request like its answers.
      const costUsd = judged === undefined || judged.costUsd === 0 ? answer.costUsd : Math.round((answer.costUsd + judged.costUsd) * 1e8) / 1e8;
      return { result: { ...answer, costUsd, validation: report, steps: steps.list(), completedAt: new Date().toISOString() } };
    };
    if (!fallsShort(policy, first)) return finish(result, validationReport(policy, first, 'passed'));
    if (policy.mode === 'flag') return finish(result, validationReport(policy, first, 'flagged'));
    if (policy.mode === 'refuse') {
      return finish({ ...result, response: { ...result.response, content: policy.refusalMessage } }, validationReport(policy, first, 'refused'));
    }
    const second = await regenerate(route, context, inputHandling, regenerationMessages(request.messages, result.response.content, first));
    if (second === undefined) return finish(result, validationReport(policy, first, 'flagged'));
    const secondCheck = await check(second.content);
    const costUsd = Math.round((result.costUsd + second.costUsd) * 1e8) / 1e8;
    const attemptsSoFar = sortedAttempts(attempts);
    if (secondCheck.groundedness < first.groundedness) {
      return finish({ ...result, attempts: attemptsSoFar, costUsd }, validationReport(policy, first, 'flagged', first.groundedness));
    }
    return finish(
      { ...result, attempts: attemptsSoFar, costUsd, response: second, citations: second.citations, ...(second.context ? { context: second.context } : {}) },
      validationReport(policy, secondCheck, 'regenerated', first.groundedness),
    );
  }

  /**
   * The judge on the fast check's undecided claims; when it fails (provider error, timeout after
   * its retries) the fast check stands and the report says why. Never fails the request.
   */
  async function judge(
    policy: ValidationJudgePolicy,
    fast: AnswerCheck,
    call: { requestId: string; tenantId: string; answer: string; citations: { index: number; chunkId: string }[]; call: number },
  ): Promise<{ check: AnswerCheck; judge: ValidationJudgeReport }> {
    const claims = Math.min(fast.undecidedClaims ?? 0, policy.maxClaims);
    try {
      return await judgeClaims.executeWithOptions(
        {
          summary: `judge ${claims} undecided claim(s) with ${policy.model}`,
          startToCloseTimeout: policy.timeoutMs,
          scheduleToCloseTimeout: policy.timeoutMs,
          retry: { maximumAttempts: 2, initialInterval: input.retry.initialIntervalMs, nonRetryableErrorTypes: [...NON_RETRYABLE_LLM_ERROR_KINDS] },
        },
        [{ ...call, judge: policy, caller: request.caller, fastDurationMs: fast.durationMs }],
      );
    } catch (error) {
      if (cancelled(error)) throw error;
      const failed = describeFailure(error);
      log.warn('the validation judge failed; the fast verdicts stand', { kind: failed.kind, message: failed.message });
      return { check: fast, judge: failedJudgeReport(policy.model, claims, `${failed.kind}: ${failed.message}`) };
    }
  }

  /** One more call on the route's last target with the correction; undefined when it fails (the first answer stands). */
  async function regenerate(route: RoutePlan, context: CallModelInput['context'], inputHandling: InputHandling | undefined, messages: ChatMessage[]) {
    const targetIndex = route.targets.length - 1;
    // Attempts of the regeneration are numbered after the route's targets: their ledger ids never collide with the first pass's.
    const ledgerIndex = route.targets.length + targetIndex;
    const target = route.targets[targetIndex] as RouteTarget;
    try {
      const output = await callModelOnce(route, ledgerIndex, target, messages, context, inputHandling, 'regenerate with a correction');
      record(ledgerIndex, output.attempt);
      return output.result;
    } catch (error) {
      if (cancelled(error)) throw error;
      const failed = describeFailure(error);
      for (const attempt of failed.attempts) record(ledgerIndex, attempt);
      log.warn('regeneration failed; the first answer stands', { kind: failed.kind });
      return undefined;
    }
  }

  /** An oversized current message is never truncated: refused, excerpted or summarised, as the route says. */
  async function handleOversizedInput(route: RoutePlan, verdict: OversizedInputVerdict): Promise<{ handling: InputHandling } | { failure: ChatFailure }> {
    const messageIndex = lastUserIndex(request.messages);
    const text = request.messages[messageIndex]?.content ?? '';
    const first = route.targets[0] as RouteTarget;
    if (verdict.action === 'reject') {
      const failure = inputTooLarge(verdict.queryTokens, verdict.limit);
      steps.start('oversized-input', `message of ${verdict.queryTokens} tokens, limit ${verdict.limit}`);
      steps.fail('oversized-input', failure.message);
      return { failure };
    }
    const record = { policy: verdict.action, queryTokens: verdict.queryTokens, limit: verdict.limit };
    if (verdict.action === 'ephemeral-document') {
      steps.start('excerpt-input', `retrieve from the ${verdict.queryTokens}-token message`);
      const found = await excerptOversizedInput.executeWithOptions(
        { summary: `excerpt a ${verdict.queryTokens}-token message`, startToCloseTimeout: '5 minutes', heartbeatTimeout: '60 seconds', retry: { maximumAttempts: 3 } },
        [{ requestId: request.requestId, text, model: first.model, budgetTokens: verdict.limit }],
      );
      steps.complete('excerpt-input', `${found.excerpts.length} of ${found.parts} parts kept as sources`);
      return { handling: { kind: 'ephemeral-document', messageIndex, question: found.question, excerpts: found.excerpts, record: { ...record, policy: 'ephemeral-document', parts: found.parts, excerpts: found.excerpts.length } } };
    }
    steps.start('summarize-input', `map-reduce summary of a ${verdict.queryTokens}-token message`);
    const smallestWindow = Math.min(...route.targets.map((target) => target.contextWindow));
    const summary = await executeChild(summarizeInputWorkflow, {
      workflowId: `${workflowInfo().workflowId}-summarize-input`,
      args: [
        {
          requestId: request.requestId,
          text,
          target: first,
          settings: request.settings,
          // Parts about twice the route's message limit: small enough to summarise faithfully.
          partTokens: Math.max(500, Math.min(verdict.limit * 2, 8_000, Math.floor(smallestWindow / 4))),
          summaryTokens: Math.max(200, Math.min(4_000, Math.floor(verdict.limit / 2))),
        },
      ],
    });
    summaryCostUsd = summary.costUsd;
    steps.complete('summarize-input', `${summary.parts} parts summarised in ${summary.calls} calls`);
    return {
      handling: {
        kind: 'summarize',
        messageIndex,
        question: summary.question,
        summary: summary.summary,
        record: { ...record, policy: 'summarize', parts: summary.parts, summaryCalls: summary.calls, summaryCostUsd: summary.costUsd, summaryTokens: summary.summaryTokens },
      },
    };
  }

  async function callTargets(route: RoutePlan, context: CallModelInput['context'], inputHandling: InputHandling | undefined): Promise<{ result: ChatResult } | { failure: ChatFailure }> {
    steps.start('call-model', `${route.targets.length} target(s)`);
    // What can never be cut must fit; history and sources are budgeted per target by the call itself.
    // (Plans recorded before budgeting have no requiredTokens: the whole request had to fit then.)
    let minimumWindow = inputHandling ? 0 : (route.requiredTokens ?? route.estimatedInputTokens);
    let lastMessage: string | undefined;
    // Targets that could not take the request because of its size, not because they failed.
    let tooSmallTargets = 0;

    for (const [targetIndex, target] of route.targets.entries()) {
      if (target.contextWindow < minimumWindow) {
        record(targetIndex, skipped(target, `context window ${target.contextWindow} < ${minimumWindow} tokens needed`));
        tooSmallTargets += 1;
        continue;
      }
      try {
        const output = await callModelOnce(route, targetIndex, target, request.messages, context, inputHandling);
        record(targetIndex, output.attempt);
        const all = sortedAttempts(attempts);
        steps.complete('call-model', `${target.provider}/${target.model} answered after ${all.length} attempt(s)`);
        return {
          result: {
            requestId: request.requestId,
            route: route.route,
            routeReason: route.reason,
            attempts: all,
            response: output.result,
            costUsd: summaryCostUsd === 0 ? output.result.costUsd : Math.round((output.result.costUsd + summaryCostUsd) * 1e8) / 1e8,
            citations: output.result.citations,
            ...(output.result.context ? { context: output.result.context } : {}),
            steps: steps.list(),
            completedAt: new Date().toISOString(),
          },
        };
      } catch (error) {
        // A cancelled workflow tries no other target: the cancellation ends the run.
        if (cancelled(error)) throw error;
        const failed = describeFailure(error);
        for (const attempt of failed.attempts) record(targetIndex, attempt);
        lastMessage = failed.message;
        if (failed.kind === 'budget-exceeded' && failed.budget) {
          // A spending cap refused the call: no other target would be allowed either.
          const failure: ChatFailure = { code: 'budget-exceeded', message: failed.message, httpStatus: 402, attempts: sortedAttempts(attempts), budget: failed.budget };
          steps.fail('call-model', failure.message);
          return { failure };
        }
        const policy = isLlmErrorKind(failed.kind) ? LLM_ERROR_POLICIES[failed.kind] : undefined;
        log.warn('target failed', { target: `${target.provider}/${target.model}`, kind: failed.kind, message: failed.message });
        if (policy?.callerError) {
          const failure = callerError(sortedAttempts(attempts), failed.kind, failed.statusCode, failed.message);
          steps.fail('call-model', failure.message);
          return { failure };
        }
        if (policy?.needsLargerWindow) {
          minimumWindow = Math.max(minimumWindow, target.contextWindow + 1);
          tooSmallTargets += 1;
        }
      }
    }
    const failure =
      tooSmallTargets === route.targets.length
        ? noTargetFits(sortedAttempts(attempts), route.requiredTokens ?? route.estimatedInputTokens, Math.max(...route.targets.map((target) => target.contextWindow)), lastMessage)
        : allTargetsFailed(sortedAttempts(attempts), lastMessage);
    steps.fail('call-model', failure.message);
    return { failure };
  }

  /** One target, retried by Temporal up to its `maxAttempts`: the call activity with the request's settings. */
  async function callModelOnce(
    route: RoutePlan,
    targetIndex: number,
    target: RouteTarget,
    messages: readonly ChatMessage[],
    context: CallModelInput['context'],
    inputHandling: InputHandling | undefined,
    purpose?: string,
  ) {
    const { callModel } = proxyActivities<ChatActivities>({ startToCloseTimeout: input.timeouts.attemptTimeoutMs });
    const { callModel: callModelLocally } = proxyLocalActivities<ChatActivities>({ startToCloseTimeout: input.timeouts.attemptTimeoutMs });
    const callInput = {
      requestId: request.requestId,
      workflowId: workflowInfo().workflowId,
      targetIndex,
      target,
      messages,
      settings: request.settings,
      timeouts: input.timeouts,
      retry: input.retry,
      ...(context ? { context } : {}),
      route: route.route,
      ...(inputHandling ? { inputHandling } : {}),
      caller: request.caller,
      ...(request.conversationId ? { conversationId: request.conversationId } : {}),
      // Only the activity input changes (no command does): histories without it replay as before.
      ...(request.stream ? { stream: true } : {}),
    };
    const common = {
      summary: `${target.provider}/${target.model} (${purpose ?? `target ${targetIndex + 1}/${route.targets.length}`})`,
      startToCloseTimeout: input.timeouts.attemptTimeoutMs,
      retry: {
        maximumAttempts: target.maxAttempts,
        initialInterval: input.retry.initialIntervalMs,
        backoffCoefficient: input.retry.backoffCoefficient,
        maximumInterval: input.retry.maximumIntervalMs,
        nonRetryableErrorTypes: [...NON_RETRYABLE_LLM_ERROR_KINDS],
      },
    };
    return input.callModelAs === 'local-activity'
      ? callModelLocally.executeWithOptions(common, [callInput])
      : callModel.executeWithOptions({ ...common, heartbeatTimeout: input.timeouts.heartbeatTimeoutMs }, [callInput]);
  }

  function record(targetIndex: number, attempt: AttemptRecord): void {
    attempts.set(`${targetIndex}:${attempt.attempt}`, { targetIndex, record: attempt });
    steps.setAttempts('call-model', sortedAttempts(attempts));
  }
}

/** Marks histories where a cancelled run stops at once (no fallback, no first answer kept); older ones replay as recorded. */
const CANCELLATION_PATCH = 'chat-cancellation';

/** True when `error` is the workflow's cancellation (and the run records the cancellation patch). */
function cancelled(error: unknown): boolean {
  return isCancellation(error) && patched(CANCELLATION_PATCH);
}

function sortedAttempts(attempts: Map<string, TargetAttempt>): AttemptRecord[] {
  return [...attempts.values()]
    .sort((a, b) => a.targetIndex - b.targetIndex || a.record.attempt - b.record.attempt)
    .map((attempt) => attempt.record);
}

function skipped(target: { provider: string; model: string }, message: string): AttemptRecord {
  return { provider: target.provider, model: target.model, attempt: 1, outcome: 'skipped', startedAt: new Date().toISOString(), latencyMs: 0, message };
}

interface DescribedFailure {
  kind: string;
  message: string;
  statusCode: number | undefined;
  attempts: AttemptRecord[];
  budget?: ChatFailure['budget'];
}

/** Unwraps an activity failure into the facts the fallback decision needs. */
function describeFailure(error: unknown): DescribedFailure {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) {
    const detail = cause.details?.[0] as { attempt?: AttemptRecord; budget?: ChatFailure['budget'] } | undefined;
    const attempt = detail?.attempt;
    return { kind: cause.type ?? 'unknown', message: cause.message, statusCode: attempt?.statusCode, attempts: attempt ? [attempt] : [], ...(detail?.budget ? { budget: detail.budget } : {}) };
  }
  // Timeouts (a worker died, an attempt ran past its limit) count as retryable provider timeouts.
  const message = cause instanceof Error ? cause.message : String(cause);
  return { kind: 'timeout', message, statusCode: undefined, attempts: [] };
}

function lastUserIndex(messages: readonly ChatMessage[]): number {
  for (let index = messages.length - 1; index >= 0; index -= 1) if (messages[index]?.role === 'user') return index;
  return messages.length - 1;
}

function lastUserMessage(messages: readonly ChatMessage[]): string {
  return [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
}

function retrievalFailure(error: unknown): ChatFailure {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (cause instanceof ApplicationFailure && cause.type === 'unknown-collection') {
    return { code: 'unknown-collection', message, httpStatus: 404, attempts: [] };
  }
  return { code: 'internal', message: `Retrieval failed: ${message}`, httpStatus: 502, attempts: [] };
}

function planFailure(error: unknown): ChatFailure {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure && cause.type === 'unknown-model') {
    return { code: 'unknown-model', message: cause.message, httpStatus: 404, attempts: [] };
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  return { code: 'internal', message: `Route planning failed: ${message}`, httpStatus: 500, attempts: [] };
}

/** The run id (and, for failures, the planned route) on the outcome, so traces can link to the run. */
function withRunFacts(outcome: { result: ChatResult } | { failure: ChatFailure }, workflowRunId: string, route: string | undefined): { result: ChatResult } | { failure: ChatFailure } {
  if ('result' in outcome) return { result: { ...outcome.result, workflowRunId } };
  return { failure: { ...outcome.failure, workflowRunId, ...(route !== undefined && outcome.failure.route === undefined ? { route } : {}) } };
}

function chatFailureError(failure: ChatFailure | undefined): ApplicationFailure {
  const facts = failure ?? { code: 'internal', message: 'no outcome', httpStatus: 500, attempts: [] };
  return ApplicationFailure.create({ type: 'ChatFailure', message: facts.message, nonRetryable: true, details: [facts] });
}
