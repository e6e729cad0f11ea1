import { ApiError } from './ApiError';

/**
 * A failed change (POST): an ApiError that keeps the problem+json body, for the members a form needs
 * (`invalid-params`, a 409's `allowed`, a 412's `current_version`), and a 429's Retry-After in seconds.
 */
export class ProblemError extends ApiError {
  readonly body: Record<string, unknown>;
  readonly retryAfterSeconds: number | null;

  constructor({
    status,
    title,
    detail,
    body,
    retryAfterSeconds,
  }: {
    status: number;
    title: string;
    detail: string | null;
    body: Record<string, unknown>;
    retryAfterSeconds: number | null;
  }) {
    super({ status, title, detail });
    this.name = 'ProblemError';
    this.body = body;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The fields the server named as invalid (RFC 9457 `invalid-params`). */
  get invalidParams(): { name: string; reason: string }[] {
    const params = this.body['invalid-params'];
    if (!Array.isArray(params)) return [];
    return params.flatMap((p: unknown) => {
      const { name, reason } = (p ?? {}) as { name?: unknown; reason?: unknown };
      return typeof name === 'string' ? [{ name, reason: typeof reason === 'string' ? reason : '' }] : [];
    });
  }
}
