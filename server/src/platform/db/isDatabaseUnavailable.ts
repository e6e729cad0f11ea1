/** Socket-level codes of a database that is not there (refused, reset, unreachable, timed out). */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not yet back: class 08 (connection exception), 57P01–57P03
 * (admin shutdown, crash shutdown, cannot connect now) and 53300 (too many connections).
 */
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What pg says, without a code, when a connection ends under a query or the pool waits in vain. */
const MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
];

/**
 * Whether an error means the database is unreachable for now, not that the request was wrong: such requests are
 * answered 503 with Retry-After (issue #8), and the pool reconnects on its own when the database returns.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || code.startsWith('08'))) {
    return true;
  }
  if (MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  // AggregateError from a failed connect to several addresses (localhost → ::1 and 127.0.0.1).
  if (error instanceof AggregateError) return error.errors.some(isDatabaseUnavailable);
  return false;
}
