/** A failed API call: HTTP status (0 for a network failure) and the RFC 9457 problem's title and detail. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;

  constructor({ status, title, detail }: { status: number; title: string; detail?: string | null }) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail ?? null;
  }
}
