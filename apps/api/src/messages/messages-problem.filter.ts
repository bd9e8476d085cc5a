import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../problems/problem-details.js';
import { toProblem } from '../problems/problem-exception.filter.js';
import { withAnthropicError } from './to-anthropic-message.js';

/**
 * Errors of `/v1/messages` (authentication included: guards run inside the route's filters)
 * are the same problem+json as everywhere, with the `error` member in Anthropic's shape
 * (`{type: "invalid_request_error", message}`) so `@anthropic-ai/sdk` fills `APIError.type`.
 */
@Catch()
export class MessagesProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('MessagesProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { body, headers } = toProblem(exception, this.logger);
    void reply
      .status(body.status)
      .headers({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE })
      .send({ ...withAnthropicError(body), instance: request.url });
  }
}
