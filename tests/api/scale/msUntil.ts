/**
 * Polls `read` every 20 ms until it gives `expected`; the milliseconds since `since` (a performance.now() time,
 * such as the moment of a write) that took, or Infinity once 3 s have passed.
 */
export async function msUntil(read: () => Promise<unknown>, expected: unknown, since: number): Promise<number> {
  while (performance.now() - since < 3000) {
    if ((await read()) === expected) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 20));
  }
  return Number.POSITIVE_INFINITY;
}
