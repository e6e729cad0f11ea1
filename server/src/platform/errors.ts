import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Problem } from '@shared/schemas/common';
import { isDatabaseUnavailable } from './db/isDatabaseUnavailable';

/** PostgreSQL's SQLSTATE for a statement cancelled, by statement_timeout or by pg_cancel_backend. */
export const QUERY_CANCELED = '57014';

/** The detail of a 503 for work past its statement_timeout of `limitMs` milliseconds (issue #19). */
export const deadlineDetail = (limitMs?: number) =>
  `The database took longer than this request may take (statement_timeout${limitMs ? ` ${limitMs} ms` : ''}). Try again shortly.`;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Thrown by routes for errors that are the client's to fix; rendered as RFC 9457 problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly invalidParams?: { name: string; reason: string }[],
    /** Headers the answer carries (Retry-After of a 503 or 429). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(detail ?? title);
  }

  static badRequest(name: string, reason: string): HttpProblem {
    return new HttpProblem(400, 'Invalid request parameter', `${name}: ${reason}`, [{ name, reason }]);
  }

  static notFound(what: string): HttpProblem {
    return new HttpProblem(404, 'Not found', what);
  }
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: '/problems/invalid-request',
  401: '/problems/unauthenticated',
  403: '/problems/forbidden',
  404: '/problems/not-found',
  409: '/problems/conflict',
  412: '/problems/stale-version',
  413: '/problems/payload-too-large',
  414: '/problems/uri-too-long',
  415: '/problems/unsupported-media-type',
  422: '/problems/too-costly',
  429: '/problems/too-many-requests',
  503: '/problems/service-unavailable',
};

/** What Fastify's body parsing rejects, named as the field at fault (issue #8: every problem names it). */
const BODY_ERROR_FIELDS: Record<string, { name: string; reason: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { name: 'body', reason: 'is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { name: 'body', reason: 'is empty but the content type says JSON' },
  SYNTAX: { name: 'body', reason: 'is not valid JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { name: 'body', reason: 'is larger than this endpoint accepts' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { name: 'content-length', reason: 'does not match the body' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { name: 'content-type', reason: 'is not a type this endpoint accepts' },
};

/** Seconds a client should wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem) {
  return reply
    .code(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send({ ...problem, type: TYPE_BY_STATUS[problem.status] ?? 'about:blank', instance: request.url });
}

interface AjvError {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Names the parameter at fault: "bbox" for a query parameter, "id" for a path parameter, "body.name" for a body field. */
function paramName(context: string | undefined, err: AjvError): string {
  const missing = typeof err.params.missingProperty === 'string' ? `/${err.params.missingProperty}` : '';
  const extra = typeof err.params.additionalProperty === 'string' ? `/${err.params.additionalProperty}` : '';
  const path = `${err.instancePath}${missing}${extra}`.replace(/^\//, '').replaceAll('/', '.');
  if (context === 'body') return path ? `body.${path}` : 'body';
  return path || context || 'request';
}

/** Every error leaves the server as problem+json; a 5xx never carries internals. */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof HttpProblem) {
        if (error.headers) reply.headers(error.headers);
        return sendProblem(reply, request, {
          type: '',
          title: error.title,
          status: error.status,
          ...(error.detail ? { detail: error.detail } : {}),
          ...(error.invalidParams ? { 'invalid-params': error.invalidParams } : {}),
        });
      }
      if (error.validation) {
        const invalid = (error.validation as AjvError[]).map((e) => ({
          name: paramName(error.validationContext, e),
          reason: e.message ?? 'is invalid',
        }));
        return sendProblem(reply, request, {
          type: '',
          title: 'Invalid request parameter',
          status: 400,
          detail: invalid.map((p) => `${p.name}: ${p.reason}`).join('; '),
          'invalid-params': invalid,
        });
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        const field =
          BODY_ERROR_FIELDS[error.code] ?? (error instanceof SyntaxError ? BODY_ERROR_FIELDS.SYNTAX : undefined);
        return sendProblem(reply, request, {
          type: '',
          title: error.message || 'Bad request',
          status,
          ...(field ? { 'invalid-params': [field] } : {}),
        });
      }
      const unavailable = (why: string, detail: string) => {
        request.log.warn({ err: error }, why);
        reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return sendProblem(reply, request, { type: '', title: 'Service unavailable', status: 503, detail });
      };
      if ((error as { code?: unknown }).code === QUERY_CANCELED) {
        // A statement passed the pool's statement_timeout (issue #19); the connection itself is fine.
        return unavailable(
          'statement passed its deadline',
          deadlineDetail(request.server.cost?.limits.statementTimeoutMs),
        );
      }
      if (isDatabaseUnavailable(error)) {
        return unavailable('database unavailable', 'The database cannot be reached just now. Try again shortly.');
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, request, {
        type: '',
        title: 'Internal server error',
        status: 500,
        detail: 'The server could not complete the request. It has been logged.',
      });
    });

    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, request, {
        type: '',
        title: 'Not found',
        status: 404,
        detail: `No route for ${request.method} ${request.url.split('?')[0]}`,
      }),
    );
  },
  { name: 'errors' },
);
