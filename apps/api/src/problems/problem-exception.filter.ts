import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details.js';
import { problem, ProblemError } from './problem-error.js';

/**
 * The one place errors become HTTP: domain ProblemErrors as they are, Nest and Fastify HTTP
 * errors (unknown route, bad JSON, body too large) translated, anything else a 500 that leaks
 * no internals.
 */
@Catch()
export class ProblemExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    sendProblem(exception, host, this.logger);
  }
}

/**
 * The core of every problem filter: the exception as problem+json on the reply, with `instance`
 * the request's URL; `shape` adapts the body to a wire format (e.g. Anthropic's `error` member).
 */
export function sendProblem(exception: unknown, host: ArgumentsHost, logger: Logger, shape: (body: ProblemDetails) => ProblemDetails = (body) => body): void {
  const http = host.switchToHttp();
  const reply = http.getResponse<FastifyReply>();
  const request = http.getRequest<FastifyRequest>();
  const { body, headers } = toProblem(exception, logger);
  void reply
    .status(body.status)
    .headers({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE })
    .send({ ...shape(body), instance: request.url });
}

export function toProblem(exception: unknown, logger?: Logger): { body: ProblemDetails; headers: Record<string, string> } {
  if (ProblemError.isInstance(exception)) return { body: exception.problem, headers: { ...exception.headers } };
  // Nest wraps Fastify's own errors (bad JSON, body too large) in an HttpException with the original as cause.
  const fastifyError = (exception instanceof HttpException && exception.cause ? exception.cause : exception) as { statusCode?: number; code?: string; message?: string };
  if (typeof fastifyError.code === 'string' && fastifyError.code.startsWith('FST_') && fastifyError.statusCode) {
    return { body: fromFastify(fastifyError.statusCode, fastifyError.code, fastifyError.message ?? ''), headers: {} };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) return { body: problem('not-found', 404, 'Not Found', `${exception.message}. See /docs for the API.`), headers: {} };
    return { body: problem('http-error', status, exception.name, exception.message), headers: {} };
  }
  logger?.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
  return { body: problem('internal-error', 500, 'Internal Server Error', 'An unexpected error occurred; it has been logged.'), headers: {} };
}

function fromFastify(status: number, code: string, message: string): ProblemDetails {
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return problem('body-too-large', 413, 'Request Body Too Large', `${message}. Send a smaller body or raise server.bodyLimitBytes (BALLAST_BODY_LIMIT_BYTES).`);
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return problem('unsupported-media-type', 415, 'Unsupported Media Type', `${message}. Send Content-Type: application/json.`);
  }
  if (code.startsWith('FST_ERR_CTP')) {
    return problem('malformed-body', 400, 'Malformed Request Body', `The body is not valid JSON: ${message}`);
  }
  return problem('http-error', status, 'Bad Request', message);
}
