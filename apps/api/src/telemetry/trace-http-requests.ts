import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  ATTR_USER_AGENT_ORIGINAL,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** The methods HTTP semconv names; anything else is `_OTHER` so a scanner cannot blow up cardinality. */
const KNOWN_METHODS = new Set(['CONNECT', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT', 'TRACE']);

/**
 * One SERVER span per HTTP request, named `<METHOD> <route>` (e.g. `POST /v1/chat/completions`)
 * with the stable HTTP semconv attributes. A W3C `traceparent` from the caller is continued.
 * Fastify hooks rather than a Nest interceptor: the span also covers requests guards reject
 * (401, 429) and the time before the handler. The client address is not recorded (personal data).
 */
export function traceHttpRequests(fastify: FastifyInstance, tracer: Tracer): void {
  const traced = new WeakMap<FastifyRequest, Span>();

  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const route = request.routeOptions.url;
    const method = KNOWN_METHODS.has(request.method) ? request.method : '_OTHER';
    const span = tracer.startSpan(route ? `${method} ${route}` : method, { kind: SpanKind.SERVER, attributes: requestAttributes(request, method, route) }, parent);
    traced.set(request, span);
    // The rest of the request runs inside this call, so the span is active in Nest's guards and
    // handler and in the Temporal client beneath them. Fastify parses bodies in an AsyncResource
    // made here, so a body arriving later keeps the context too (test/otel.test.ts sends one in pieces).
    context.with(trace.setSpan(parent, span), done);
  });

  fastify.addHook('onResponse', (request, reply, done) => {
    const span = traced.get(request);
    if (span) {
      traced.delete(request);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, reply.statusCode);
      // Server spans fail on 5xx only: a 4xx is the caller's mistake, not this service's.
      if (reply.statusCode >= 500) {
        span.setAttribute(ATTR_ERROR_TYPE, String(reply.statusCode));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    }
    done();
  });

  fastify.addHook('onRequestAbort', (request, done) => {
    const span = traced.get(request);
    if (span) {
      traced.delete(request);
      span.setAttribute(ATTR_ERROR_TYPE, 'aborted');
      span.setStatus({ code: SpanStatusCode.ERROR, message: 'the client closed the connection' });
      span.end();
    }
    done();
  });
}

function requestAttributes(request: FastifyRequest, method: string, route: string | undefined): Attributes {
  const attributes: Attributes = {
    [ATTR_HTTP_REQUEST_METHOD]: method,
    [ATTR_URL_PATH]: request.url.split('?', 1)[0],
    [ATTR_URL_SCHEME]: request.protocol,
    [ATTR_SERVER_ADDRESS]: request.hostname,
    [ATTR_NETWORK_PROTOCOL_VERSION]: request.raw.httpVersion,
  };
  if (route) attributes[ATTR_HTTP_ROUTE] = route;
  if (request.port !== null) attributes[ATTR_SERVER_PORT] = request.port;
  const userAgent = request.headers['user-agent'];
  if (userAgent) attributes[ATTR_USER_AGENT_ORIGINAL] = userAgent;
  return attributes;
}
