import type { FastifyServerOptions } from 'fastify';

/** Where secrets could reach a log line: session cookies, CSRF tokens and passwords. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'req.body.password',
  // The same when a handler logs the headers or the body itself.
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
  'body.password',
  'password',
];

/**
 * Fastify's default request serialiser logs no headers, but a custom serialiser or a `request.log.info({ req })`
 * would: redact secrets whatever is logged, so no cookie, token or password reaches the logs.
 */
export function withSecretsRedacted(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return logger ?? false;
  const base = logger === true ? {} : logger;
  return { ...base, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
}
