import { ApiError } from './ApiError';

interface ProblemLike {
  title?: unknown;
  detail?: unknown;
}

/**
 * GETs a same-origin JSON resource. Failures become an ApiError carrying the problem+json title and
 * detail when the server sent one. The body is trusted to match `T`: the server validates its responses
 * against the same TypeBox schemas.
 */
export async function fetchJson<T>(path: string, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json, application/geo+json' }, signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, title: 'Network error', detail: error instanceof Error ? error.message : null });
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as ProblemLike | null;
    throw new ApiError({
      status: response.status,
      title: typeof problem?.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
      detail: typeof problem?.detail === 'string' ? problem.detail : null,
    });
  }
  return (await response.json()) as T;
}
