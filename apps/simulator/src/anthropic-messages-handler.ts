import { z } from 'zod';
import { buildMessage, buildMessageEvents } from './anthropic-message-response.js';
import { beginModelCall } from './begin-model-call.js';
import { describeFirstIssue } from './describe-issue.js';
import { writeEventStream } from './event-stream-writer.js';
import type { Exchange } from './exchange.js';
import { finishModelCall, plainOutcome } from './finish-model-call.js';
import { promptFromAnthropic } from './prompt-messages.js';
import { sendProviderError } from './provider-errors.js';
import { estimatePromptTokens, findContextOverflow, generateAnswer, type ContextOverflow } from './simulated-generation.js';
import type { SimulatorState } from './simulator-state.js';

/** The fields of a Messages request the simulator reads; `max_tokens` is required, as at Anthropic. */
export const messagesRequestSchema = z.looseObject({
  model: z.string().min(1),
  max_tokens: z.number().int().positive(),
  messages: z.array(z.looseObject({ role: z.enum(['user', 'assistant']), content: z.unknown() })).min(1),
  system: z.unknown().optional(),
  stream: z.boolean().nullish(),
});

/** Worded like Anthropic's two real context errors: prompt alone too long, or prompt plus max_tokens. */
export function contextLengthMessage(overflow: ContextOverflow): string {
  if (overflow.promptTokens > overflow.contextWindow) {
    return `prompt is too long: ${overflow.promptTokens} tokens > ${overflow.contextWindow} maximum`;
  }
  return (
    `input length and \`max_tokens\` exceed context limit: ${overflow.promptTokens} + ${overflow.requestedOutputTokens} > ` +
    `${overflow.contextWindow}, decrease input length or \`max_tokens\` and try again`
  );
}

/** `POST /v1/messages`, plain and streaming. */
export async function handleAnthropicMessages(state: SimulatorState, exchange: Exchange, body: unknown): Promise<void> {
  const parsed = messagesRequestSchema.safeParse(body);
  if (!parsed.success) {
    sendProviderError(exchange, { status: 400, message: describeFirstIssue(parsed.error).message });
    return;
  }
  const request = parsed.data;
  const model = request.model;
  const streaming = request.stream === true;
  const call = await beginModelCall(state, exchange, { model, streaming });
  if (!call) return;

  const messages = promptFromAnthropic(request.system, request.messages);
  const overflow = findContextOverflow(call.scenario, estimatePromptTokens(messages), request.max_tokens);
  if (overflow) {
    state.stats.recordFailure(model, 400);
    sendProviderError(exchange, { status: 400, message: contextLengthMessage(overflow) });
    return;
  }

  const generation = generateAnswer({ model, messages, scenario: call.scenario, maxTokens: request.max_tokens, ...(call.reply === undefined ? {} : { reply: call.reply }) });
  if (!streaming) {
    exchange.sendJson(200, buildMessage(model, generation));
    finishModelCall(state, model, plainOutcome(exchange), generation);
    return;
  }
  const events = buildMessageEvents(model, generation);
  const outcome = await writeEventStream(exchange, events, { chunkDelayMs: call.scenario.chunkDelayMs ?? 0, cutAfterChunks: call.cutAfterChunks });
  finishModelCall(state, model, outcome, generation);
}
