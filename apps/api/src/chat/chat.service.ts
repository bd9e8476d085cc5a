import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { SingleFlight, type AdmissionDecision } from '#libs/cache';
import { chatWorkflowId, type Caller, type ChatRequest, type ChatResult, type ChatWorkflowInput } from '#libs/contracts';
import { RouteTable, UnknownModelError } from '#libs/routes';
import { AppSettings } from '../app-settings.js';
import { cacheBypassReason } from '../cache/cache-bypass.js';
import { cachedChatTimeoutProblem } from '../cache/cache-problems.js';
import type { WireCacheReport } from '../cache/cache-report.js';
import { cacheWorkflowId } from '../cache/cache-workflow-id.js';
import { ChatCache, type CacheMissTicket } from '../cache/chat-cache.js';
import { answeredTrace, cacheHitTrace, failedTrace, unansweredTrace, type ChatTraceBase } from '../observability/chat-trace-drafts.js';
import { TraceRecorder } from '../observability/trace-recorder.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { ChatFailedError, ChatStarter } from '../temporal/chat-starter.js';
import type { ChatCompletionRequestBody } from './chat-completion-request.dto.js';
import { chatFailureProblem, chatTimeoutProblem } from './chat-problems.js';
import { toChatRequest } from './to-chat-request.js';
import { toOpenAiResponse, type OpenAiChatCompletion } from './to-openai-response.js';
import { ChatStreamService, type ChatStreamWriterFactory, type OpenedChatStream } from './streaming/chat-stream.service.js';
import { streamPolicyOf } from './streaming/stream-policy.js';

/** Request headers that shape a completion besides its body. */
export interface CompletionOptions {
  /** `x-ballast-tier`, lower-cased. */
  readonly tierHint?: string;
  /** `Cache-Control`, as sent. */
  readonly cacheControl?: string;
}

/** One workflow run of a cacheable request, shared by the identical requests that joined it. */
interface SharedRun {
  readonly result: ChatResult;
  readonly response: OpenAiChatCompletion;
  readonly admission: AdmissionDecision;
}

/**
 * Runs one chat completion: from the cache when the route caches and an answer is stored,
 * otherwise through its durable workflow (joined with identical requests in flight).
 */
@Injectable()
export class ChatService {
  /** Identical cacheable misses in this process wait on one workflow run. */
  private readonly flights = new SingleFlight<string, SharedRun>();

  constructor(
    private readonly settings: AppSettings,
    private readonly routes: RouteTable,
    private readonly starter: ChatStarter,
    private readonly rag: RagRuntimeRef,
    private readonly cache: ChatCache,
    private readonly recorder: TraceRecorder,
    private readonly streams: ChatStreamService,
  ) {}

  /** A complete (non-streaming) answer; `stream: true` requests go to {@link ChatService.stream}. */
  async complete(body: ChatCompletionRequestBody, caller: Caller, options: CompletionOptions = {}) {
    const { requestId, request, input, traceBase } = await this.prepare(body, caller, options);
    const { server } = this.settings.config;

    const decision = await this.cache.lookup(request, cacheBypassReason(options.cacheControl, body.ballast?.cache));
    if (decision.kind === 'hit') {
      this.recorder.record(cacheHitTrace(traceBase(), decision.response));
      return decision.response;
    }
    if (decision.kind === 'bypass') {
      const workflowId = chatWorkflowId(requestId);
      const cacheStatus = decision.report.status;
      const result = await this.traced(
        this.awaitAnswer(this.starter.run(input), requestId, workflowId, () => chatTimeoutProblem(requestId, server.requestTimeoutMs, this.settings.temporalUiLink(workflowId))),
        () => traceBase(workflowId),
        cacheStatus,
      );
      this.recorder.record(answeredTrace(traceBase(workflowId), result, cacheStatus));
      return this.toResponse(result, workflowId, decision.report);
    }

    const { ticket } = decision;
    const workflowId = cacheWorkflowId(caller.tenantId, ticket.exactKey);
    const flight = this.flights.run(ticket.exactKey, () => this.runShared(input, workflowId, ticket));
    const { value: run, joined } = await this.traced(
      this.awaitAnswer(flight, requestId, workflowId, () =>
        cachedChatTimeoutProblem(requestId, workflowId, server.requestTimeoutMs, this.settings.temporalUiLink(workflowId)),
      ),
      () => traceBase(workflowId),
      'miss',
    );
    // Another replica's request started the shared workflow: its answer, its request id.
    const joinedElsewhere = run.result.requestId !== requestId && !joined;
    if (joined || joinedElsewhere) this.cache.recordJoin(caller.tenantId, run.response);
    // A joined request made no provider call of its own: its trace bills nothing.
    const shared = joined || joinedElsewhere;
    const answered = answeredTrace(traceBase(workflowId), run.result, shared ? 'miss-joined' : 'miss');
    this.recorder.record(shared ? { ...answered, inputTokens: 0, outputTokens: 0, cachedTokens: 0, costUsd: 0 } : answered);
    return this.toResponse(run.result, workflowId, {
      ...decision.report,
      joined: shared,
      admitted: run.admission.admit,
      ...(run.admission.admit ? {} : { not_admitted: run.admission.reason }),
    });
  }

  /**
   * Runs a `stream: true` request: checked, authenticated, rate-limited and budgeted like any
   * other, never answered from the cache (ADR 0012); its text arrives as server-sent events
   * (OpenAI's chunks unless `writer` renders another wire format).
   */
  async stream(body: ChatCompletionRequestBody, caller: Caller, options: CompletionOptions = {}, writer?: ChatStreamWriterFactory): Promise<OpenedChatStream> {
    const { input, traceBase } = await this.prepare(body, caller, options);
    const policy = streamPolicyOf(this.settings.config.routes, this.streamRoute(input.request));
    return this.streams.open({ input, includeUsage: body.stream_options?.include_usage === true, policy, traceBase: (workflowId) => traceBase(workflowId), ...(writer ? { writer } : {}) });
  }

  /**
   * The route a streaming request will run on, known before its workflow starts so the stream
   * follows that route's `streaming` policy. A route name is itself; `auto` is classified here
   * with the same RouteTable and rules the workflow's planRoute uses (a pure function of the
   * messages and the tier hint, so both pick the same tier); a catalog model has no route.
   */
  private streamRoute(request: ChatRequest): string | undefined {
    try {
      return this.routes.plan({ model: request.model, messages: request.messages, ...(request.tierHint ? { tierHint: request.tierHint } : {}) }).route;
    } catch {
      return undefined;
    }
  }

  /** Checks the model and collections, then builds the workflow input; nothing has run yet. */
  private async prepare(body: ChatCompletionRequestBody, caller: Caller, options: CompletionOptions) {
    const started = performance.now();
    try {
      this.routes.assertKnown(body.model);
    } catch (error) {
      if (UnknownModelError.isInstance(error)) throw new ProblemError(problem('unknown-model', 404, 'Unknown Model', error.message, { model: body.model }));
      throw error;
    }

    for (const name of body.ballast?.collections ?? []) {
      if (!(await this.rag.runtime.collections.resolve(caller.tenantId, name))) {
        throw new ProblemError(problem('unknown-collection', 404, 'Unknown Collection', `No collection '${name}' for this API key's tenant; create it with POST /v1/collections.`));
      }
    }

    const requestId = `req_${randomUUID().replaceAll('-', '')}`;
    const chatRequest = toChatRequest(body, workflowCaller(caller, body.user), requestId, new Date(), options.tierHint);
    const request = body.stream ? { ...chatRequest, stream: true } : chatRequest;
    const { server, retry } = this.settings.config;
    const input: ChatWorkflowInput = {
      request,
      retry,
      timeouts: { attemptTimeoutMs: server.attemptTimeoutMs, heartbeatTimeoutMs: server.heartbeatTimeoutMs },
      callModelAs: this.settings.config.temporal.callModelAs,
    };
    const template = body.ballast?.prompt_template;
    const traceBase = (workflowId?: string): ChatTraceBase => ({
      request,
      latencyMs: performance.now() - started,
      ...(template === undefined ? {} : { promptTemplate: { id: template.id, version: template.version } }),
      ...(workflowId === undefined ? {} : { workflowId }),
    });
    return { requestId, request, input, traceBase };
  }

  /** Waits for `answer`; a failure is traced (with the workflow's attempts when it has them) and rethrown. */
  private async traced<T>(answer: Promise<T>, base: () => ChatTraceBase, cacheStatus: string): Promise<T> {
    try {
      return await answer;
    } catch (error) {
      if (error instanceof TracedChatFailure) this.recorder.record(failedTrace(base(), error.failure, cacheStatus));
      const problemError = error instanceof TracedChatFailure ? error.problem : error;
      if (!(error instanceof TracedChatFailure)) {
        const facts = ProblemError.isInstance(error) ? { status: error.problem.status, type: problemSlug(error.problem.type) } : { status: 500, type: 'internal' };
        this.recorder.record(unansweredTrace(base(), facts, cacheStatus));
      }
      throw problemError;
    }
  }

  /**
   * Runs (or joins, across replicas) the shared workflow and admits its answer. Admission
   * happens here, once per run and even when every waiting HTTP request has timed out.
   */
  private async runShared(input: ChatWorkflowInput, workflowId: string, ticket: CacheMissTicket): Promise<SharedRun> {
    const result = await this.starter.run(input, { sharedWorkflowId: workflowId });
    const response = this.toResponse(result, workflowId, { status: 'miss', key: '', joined: false, admitted: false });
    return { result, response, admission: this.cache.admit(ticket, response, result) };
  }

  /** Waits for the run up to the configured request timeout; failures become problem+json. */
  private async awaitAnswer<T>(run: Promise<T>, requestId: string, workflowId: string, timedOut: () => ProblemError): Promise<T> {
    const waitMs = this.settings.config.server.requestTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(timedOut()), waitMs);
    });
    try {
      return await Promise.race([run, timeout]);
    } catch (error) {
      if (error instanceof ChatFailedError) throw new TracedChatFailure(error.failure, chatFailureProblem(error.failure, requestId, this.settings.temporalUiLink(workflowId)));
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private toResponse(result: ChatResult, workflowId: string, cache: WireCacheReport): OpenAiChatCompletion {
    return toOpenAiResponse(result, { workflowId, temporalUiUrl: this.settings.temporalUiLink(workflowId), startMode: this.starter.mode, cache });
  }
}

/** `https://…/problems/answer-timeout` → `answer-timeout`. */
function problemSlug(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1) || 'internal';
}

/** A workflow failure on its way to becoming problem+json: the failure's facts go to the trace first. */
class TracedChatFailure extends Error {
  constructor(
    readonly failure: ChatFailedError['failure'],
    readonly problem: ProblemError,
  ) {
    super(failure.message);
  }
}

/** The caller as the workflow records it: ids and the key's own budgets, nothing else of the key. */
export function workflowCaller(caller: Caller & { keyBudgets?: Caller['keyBudgets'] }, endUser: string | undefined): Caller {
  const budgets = caller.keyBudgets ?? {};
  return {
    tenantId: caller.tenantId,
    // OpenAI's `user` names the application's end user; without it the key's own user is charged.
    userId: endUser ?? caller.userId,
    keyId: caller.keyId,
    ...(budgets.dailyUsd !== undefined || budgets.monthlyUsd !== undefined ? { keyBudgets: budgets } : {}),
  };
}
