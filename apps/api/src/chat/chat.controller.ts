import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '#libs/contracts';
import { CurrentCaller } from '../auth/caller.decorator.js';
import { openApiSchema } from '../validation/zod-openapi.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { runChatEndpoint } from './chat-endpoint.js';
import { ChatCompletionRequestSchema, type ChatCompletionRequestBody } from './chat-completion-request.dto.js';
import { ChatService } from './chat.service.js';

@ApiTags('chat')
@ApiBearerAuth()
@Controller('v1/chat')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  @Post('completions')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Create a chat completion (OpenAI-compatible)',
    description:
      'Runs the request as a durable Temporal workflow: route → call with retries and fallbacks → answer. ' +
      'The response is OpenAI\'s chat.completion plus a `ballast` object (request id, route attempts, cost, Temporal UI link). ' +
      '`model: "auto"` lets the classifier pick a tier. On routes with a `cache` policy an identical (or, with semantic caching, ' +
      'paraphrased) earlier request is answered from the cache without starting a workflow; `ballast.cache` says what happened.',
  })
  @ApiBody({ schema: openApiSchema(ChatCompletionRequestSchema) })
  @ApiHeader({ name: 'x-ballast-tier', required: false, description: 'ask for a routing tier (e.g. `complex`) when model is `auto`' })
  @ApiHeader({ name: 'cache-control', required: false, description: '`no-cache` or `no-store`: skip the response cache for this request (no lookup, no storing)' })
  @ApiResponse({
    status: 200,
    description:
      'chat.completion with a `ballast` object; with `stream: true`, `text/event-stream` of chat.completion.chunk objects ending in `data: [DONE]` ' +
      '(the last choice chunk carries `ballast`; `ballast.event: "source-changed"` chunks say the text so far is dropped and the answer restarts; a failure is an `{"error": …}` event)',
  })
  @ApiResponse({ status: 400, description: 'invalid request (problem+json listing each field)' })
  @ApiResponse({ status: 401, description: 'missing or invalid API key' })
  @ApiResponse({ status: 404, description: 'unknown model' })
  @ApiResponse({ status: 413, description: 'body too large, or context too long for every model' })
  @ApiResponse({ status: 502, description: 'every provider target failed (attempts listed)' })
  async create(
    @Body(new ZodBodyPipe(ChatCompletionRequestSchema)) body: ChatCompletionRequestBody,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-ballast-tier') tierHint?: string,
    @Headers('cache-control') cacheControl?: string,
  ) {
    return runChatEndpoint(this.chat, { body, caller, reply, tierHint, cacheControl }, { present: (response) => response });
  }
}
