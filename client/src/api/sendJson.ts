import { ApiError } from './ApiError';
import { ProblemError } from './ProblemError';

/** The header that carries the session's CSRF token on every change (issue #5). */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * POSTs JSON to a same-origin path with the session cookie and, when given, the CSRF token. Resolves the JSON
 * answer (undefined for 204); a failure rejects with a ProblemError that keeps the problem body.
 */
export async function sendJson<T>(
  path: string,
  { body, csrfToken }: { body?: unknown; csrfToken?: string | null },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError({ status: 0, title: 'Network error', detail: error instanceof Error ? error.message : null });
  }
  if (response.status === 204) return undefined as T;
  if (!response.ok) {
    const parsed: unknown = await response.json().catch(() => null);
    const problem = parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ProblemError({
      status: response.status,
      title: typeof problem.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
      detail: typeof problem.detail === 'string' ? problem.detail : null,
      body: problem,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    });
  }
  return (await response.json()) as T;
}
