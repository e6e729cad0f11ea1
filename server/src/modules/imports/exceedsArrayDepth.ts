/**
 * Whether `value` holds arrays nested more than `maxDepth` deep (an array is depth 1, an array in it depth 2, …).
 * Iterative, with its own stack, and it stops at the first array past the limit: a body of 100,000 nested
 * brackets (which JSON.parse reads without trouble) cannot overflow the call stack here (issue #19), as the
 * recursive walks over coordinates that come after it would. Objects inside arrays are not looked into.
 */
export function exceedsArrayDepth(value: unknown, maxDepth: number): boolean {
  const stack: { items: readonly unknown[]; depth: number }[] = [];
  if (Array.isArray(value)) stack.push({ items: value, depth: 1 });
  while (stack.length > 0) {
    const { items, depth } = stack.pop()!;
    if (depth > maxDepth) return true;
    for (const item of items) if (Array.isArray(item)) stack.push({ items: item, depth: depth + 1 });
  }
  return false;
}
