/** A readable message from anything thrown (ApiError carries the problem title and detail). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
