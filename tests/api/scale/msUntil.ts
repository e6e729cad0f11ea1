/**
 * Polls `read` every `everyMs` until it gives `expected`; the milliseconds since `since` (a performance.now() time,
 * such as the moment of a write) that took, or Infinity once `withinMs` have passed since then.
 */
export async function msUntil(
  read: () => Promise<unknown>,
  expected: unknown,
  since: number,
  { withinMs = 3000, everyMs = 20 }: { withinMs?: number; everyMs?: number } = {},
): Promise<number> {
  while (performance.now() - since < withinMs) {
    if ((await read()) === expected) return performance.now() - since;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return Number.POSITIVE_INFINITY;
}
