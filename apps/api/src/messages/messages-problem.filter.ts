import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { sendProblem } from '../problems/problem-exception.filter.js';
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
    sendProblem(exception, host, this.logger, withAnthropicError);
  }
}
