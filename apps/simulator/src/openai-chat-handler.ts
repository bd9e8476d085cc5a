import { z } from 'zod';
import { beginModelCall } from './begin-model-call.js';
import { describeFirstIssue } from './describe-issue.js';
import { writeEventStream } from './event-stream-writer.js';
import type { Exchange } from './exchange.js';
import { finishModelCall, plainOutcome } from './finish-model-call.js';
import { buildChatCompletion, buildChatCompletionEvents } from './openai-chat-response.js';
import { promptFromOpenAi } from './prompt-messages.js';
import { sendProviderError } from './provider-errors.js';
import { estimatePromptTokens, findContextOverflow, generateAnswer, type ContextOverflow } from './simulated-generation.js';
import type { SimulatorState } from './simulator-state.js';

/** The fields of a chat completion request the simulator reads; everything else is accepted and ignored. */
export const chatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(z.looseObject({ role: z.string(), content: z.unknown().optional() })).min(1),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
});

/** Worded like OpenAI's real context-length error so log-based tooling recognises it. */
export function contextLengthMessage(overflow: ContextOverflow): string {
  const requested = overflow.promptTokens + overflow.requestedOutputTokens;
  return (
    `This model's maximum context length is ${overflow.contextWindow} tokens. However, you requested ${requested} tokens ` +
    `(${overflow.promptTokens} in the messages, ${overflow.requestedOutputTokens} in the completion). ` +
    'Please reduce the length of the messages or completion.'
  );
}

/** `POST /v1/chat/completions`, plain and streaming. */
export async function handleOpenAiChat(state: SimulatorState, exchange: Exchange, body: unknown): Promise<void> {
  const parsed = chatRequestSchema.safeParse(body);
  if (!parsed.success) {
    sendProviderError(exchange, { status: 400, ...describeFirstIssue(parsed.error) });
    return;
  }
  const request = parsed.data;
  const model = request.model;
  const streaming = request.stream === true;
  const call = await beginModelCall(state, exchange, { model, streaming });
  if (!call) return;

  const messages = promptFromOpenAi(request.messages);
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? undefined;
  const overflow = findContextOverflow(call.scenario, estimatePromptTokens(messages), maxTokens);
  if (overflow) {
    state.stats.recordFailure(model, 400);
    sendProviderError(exchange, { status: 400, message: contextLengthMessage(overflow), code: 'context_length_exceeded', param: 'messages' });
    return;
  }

  const generation = generateAnswer({ model, messages, scenario: call.scenario, maxTokens, ...(call.reply === undefined ? {} : { reply: call.reply }) });
  if (!streaming) {
    exchange.sendJson(200, buildChatCompletion(model, generation));
    finishModelCall(state, model, plainOutcome(exchange), generation);
    return;
  }
  const events = buildChatCompletionEvents(model, generation, request.stream_options?.include_usage === true);
  const outcome = await writeEventStream(exchange, events, { chunkDelayMs: call.scenario.chunkDelayMs ?? 0, cutAfterChunks: call.cutAfterChunks });
  finishModelCall(state, model, outcome, generation);
}
