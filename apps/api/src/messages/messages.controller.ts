import { Body, Controller, Headers, HttpCode, Post, Res, UseFilters } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '#libs/contracts';
import { CurrentCaller } from '../auth/caller.decorator.js';
import { runChatEndpoint } from '../chat/chat-endpoint.js';
import { ChatService } from '../chat/chat.service.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { ModelCalling } from '../rate-limit/model-calling.decorator.js';
import { openApiSchema } from '../validation/zod-openapi.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { AnthropicEventStream, type SourceChangePolicy } from './anthropic-event-stream.js';
import { MessagesProblemFilter } from './messages-problem.filter.js';
import { MessagesRequestSchema, type MessagesRequestBody } from './messages-request.dto.js';
import { toAnthropicMessage } from './to-anthropic-message.js';
import { toChatCompletionBody } from './to-chat-completion-body.js';

/**
 * Anthropic's Messages API on Ballast: `@anthropic-ai/sdk` works by pointing `baseURL` at it.
 * Only a wire translation: the request runs through ChatService exactly as a chat completion
 * does (routing, budgets, rate limits, cache, validation, traces, the durable workflow).
 */
@ApiTags('messages')
@ApiBearerAuth()
@Controller('v1')
@UseFilters(MessagesProblemFilter)
export class MessagesController {
  constructor(private readonly chat: ChatService) {}

  @Post('messages')
  @HttpCode(200)
  @ModelCalling()
  @ApiOperation({
    summary: 'Create a message (Anthropic Messages-compatible)',
    description:
      'The same durable path as POST /v1/chat/completions (route → call with retries and fallbacks → answer), in Anthropic\'s wire format: ' +
      'an Anthropic `message` plus the `ballast` object (request id, route attempts, cost, cache, Temporal UI link). Text content only: ' +
      'image, document, tool_use/tool_result and thinking blocks, `tools` and `thinking` are refused (400). The API key may be sent as `x-api-key`.',
  })
  @ApiBody({ schema: openApiSchema(MessagesRequestSchema) })
  @ApiHeader({ name: 'x-api-key', required: false, description: 'the Ballast API key (what `@anthropic-ai/sdk` sends); `Authorization: Bearer` works too' })
  @ApiHeader({ name: 'x-ballast-tier', required: false, description: 'ask for a routing tier (e.g. `complex`) when model is `auto`' })
  @ApiHeader({ name: 'cache-control', required: false, description: '`no-cache` or `no-store`: skip the response cache for this request (no lookup, no storing)' })
  @ApiHeader({
    name: 'x-ballast-source-change',
    required: false,
    description:
      'streaming only: what happens when text already sent is withdrawn (a cut provider stream retried, a fallback). `error` (default): an `event: error` ends the stream ' +
      '(the request goes on; GET /v1/requests/:id has its answer). `restart`: an `event: ballast` (`source-changed`) and the new answer in a new text block; the answer is the last text block.',
  })
  @ApiResponse({
    status: 200,
    description:
      'an Anthropic `message` with a `ballast` object; with `stream: true`, `text/event-stream` of Anthropic events (message_start, content_block_start, ' +
      'content_block_delta, content_block_stop, message_delta carrying `ballast`, message_stop); a failure is an `event: error`',
  })
  @ApiResponse({ status: 400, description: 'invalid request (problem+json listing each field; `error.type` is `invalid_request_error`)' })
  @ApiResponse({ status: 401, description: 'missing or invalid API key' })
  @ApiResponse({ status: 404, description: 'unknown model' })
  @ApiResponse({ status: 413, description: 'body too large, or context too long for every model' })
  @ApiResponse({ status: 502, description: 'every provider target failed (attempts listed)' })
  async create(
    @Body(new ZodBodyPipe(MessagesRequestSchema)) body: MessagesRequestBody,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-ballast-tier') tierHint?: string,
    @Headers('cache-control') cacheControl?: string,
    @Headers('x-ballast-source-change') sourceChange?: string,
  ) {
    return runChatEndpoint(
      this.chat,
      { body: toChatCompletionBody(body), caller, reply, tierHint, cacheControl },
      {
        streamWriter: () => {
          const policy = sourceChangePolicy(sourceChange);
          return (request, streaming) => new AnthropicEventStream(request.requestId, request.model, policy, streaming.validation);
        },
        present: toAnthropicMessage,
      },
    );
  }
}

function sourceChangePolicy(header: string | undefined): SourceChangePolicy {
  const value = header?.trim().toLowerCase() || 'error';
  if (value === 'error' || value === 'restart') return value;
  throw new ProblemError(
    problem('invalid-request', 400, 'Invalid Request', "x-ballast-source-change must be 'error' or 'restart'", {
      issues: [{ field: 'header x-ballast-source-change', message: "must be 'error' or 'restart'" }],
    }),
  );
}
