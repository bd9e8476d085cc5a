import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { chatWorkflowId, type Caller, type ChatResult } from '#libs/contracts';
import { RouteTable, UnknownModelError } from '#libs/routes';
import { AppSettings } from '../app-settings.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { ChatFailedError, ChatStarter } from '../temporal/chat-starter.js';
import type { ChatCompletionRequestBody } from './chat-completion-request.dto.js';
import { chatFailureProblem, chatTimeoutProblem } from './chat-problems.js';
import { toChatRequest } from './to-chat-request.js';
import { toOpenAiResponse } from './to-openai-response.js';

/** Runs one chat completion through its durable workflow. */
@Injectable()
export class ChatService {
  constructor(
    private readonly settings: AppSettings,
    private readonly routes: RouteTable,
    private readonly starter: ChatStarter,
    private readonly rag: RagRuntimeRef,
  ) {}

  async complete(body: ChatCompletionRequestBody, caller: Caller, tierHint?: string) {
    if (body.stream) {
      throw new ProblemError(
        problem('streaming-not-supported', 400, 'Streaming Not Supported Yet', 'stream: true is not supported yet; send stream: false (or omit it) for a complete answer.'),
      );
    }
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
    const workflowId = chatWorkflowId(requestId);
    const temporalUiUrl = this.settings.temporalUiLink(workflowId);
    const { server, retry } = this.settings.config;
    const run = this.starter.run({
      request: toChatRequest(body, workflowCaller(caller, body.user), requestId, new Date(), tierHint),
      retry,
      timeouts: { attemptTimeoutMs: server.attemptTimeoutMs, heartbeatTimeoutMs: server.heartbeatTimeoutMs },
      callModelAs: this.settings.config.temporal.callModelAs,
    });

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(chatTimeoutProblem(requestId, server.requestTimeoutMs, temporalUiUrl)), server.requestTimeoutMs);
    });
    let result: ChatResult;
    try {
      result = await Promise.race([run, timeout]);
    } catch (error) {
      if (error instanceof ChatFailedError) throw chatFailureProblem(error.failure, requestId, temporalUiUrl);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return toOpenAiResponse(result, { workflowId, temporalUiUrl, startMode: this.starter.mode });
  }
}

/** The caller as the workflow records it: ids and the key's own budgets, nothing else of the key. */
function workflowCaller(caller: Caller & { keyBudgets?: Caller['keyBudgets'] }, endUser: string | undefined): Caller {
  const budgets = caller.keyBudgets ?? {};
  return {
    tenantId: caller.tenantId,
    // OpenAI's `user` names the application's end user; without it the key's own user is charged.
    userId: endUser ?? caller.userId,
    keyId: caller.keyId,
    ...(budgets.dailyUsd !== undefined || budgets.monthlyUsd !== undefined ? { keyBudgets: budgets } : {}),
  };
}
