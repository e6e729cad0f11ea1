import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a proxy's X-Request-Id may look like to be reused; anything else is replaced (it ends up in the logs). */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Request id for the JSON logs (issue #8): the one nginx or another proxy sent in `X-Request-Id` when it is a
 * plain token, else a new UUID. Every log line of the request carries it as `reqId`, and the response echoes it.
 */
export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID_PATTERN.test(header) ? header : randomUUID();
}
