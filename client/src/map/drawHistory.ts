/**
 * An undo/redo history of snapshots (the sketch draft's geometry): `present` is what the map shows, `past` the
 * states before it (oldest first), `future` the undone ones (next first). Values are never changed; every
 * function returns a new history.
 */
export interface DrawHistory<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
}

/** At most this many undo steps are kept; the oldest go first. */
export const HISTORY_LIMIT = 100;

export function createHistory<T>(present: T): DrawHistory<T> {
  return { past: [], present, future: [] };
}

/**
 * Records a new present. The undone future is dropped, as in every editor; a snapshot equal to the present
 * (by `equals`, default ===) changes nothing, so a click that moved nothing adds no undo step.
 */
export function pushHistory<T>(
  history: DrawHistory<T>,
  next: T,
  { equals = Object.is, limit = HISTORY_LIMIT }: { equals?: (a: T, b: T) => boolean; limit?: number } = {},
): DrawHistory<T> {
  if (equals(history.present, next)) return history;
  const past = [...history.past, history.present];
  return { past: past.slice(Math.max(0, past.length - limit)), present: next, future: [] };
}

/** One step back; the same history when there is nothing to undo. */
export function undoHistory<T>(history: DrawHistory<T>): DrawHistory<T> {
  if (history.past.length === 0) return history;
  return {
    past: history.past.slice(0, -1),
    present: history.past[history.past.length - 1]!,
    future: [history.present, ...history.future],
  };
}

/** One undone step again; the same history when nothing was undone. */
export function redoHistory<T>(history: DrawHistory<T>): DrawHistory<T> {
  if (history.future.length === 0) return history;
  const [next, ...rest] = history.future;
  return { past: [...history.past, history.present], present: next!, future: rest };
}

export function canUndo(history: DrawHistory<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: DrawHistory<unknown>): boolean {
  return history.future.length > 0;
}
