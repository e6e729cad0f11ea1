import { ApiError } from './ApiError';
import { ProblemError } from './ProblemError';

/** The header that carries the session's CSRF token on every change (issue #5). */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * POSTs (or PUTs, DELETEs) JSON to a same-origin path with the session cookie and, when given, the CSRF token.
 * `upload` sends a file's bytes as they are instead of JSON (an import). Resolves the JSON answer (undefined for
 * 204); a failure rejects with a ProblemError that keeps the problem body.
 */
export async function sendJson<T>(
  path: string,
  {
    body,
    csrfToken,
    method = 'POST',
    upload,
  }: {
    body?: unknown;
    csrfToken?: string | null;
    method?: 'POST' | 'PUT' | 'DELETE';
    upload?: { data: Blob; contentType: string };
  },
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (upload !== undefined) headers['content-type'] = upload.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers[CSRF_HEADER] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: upload !== undefined ? upload.data : body === undefined ? undefined : JSON.stringify(body),
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
