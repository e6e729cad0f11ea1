import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  createHistory,
  pushHistory,
  redoHistory,
  undoHistory,
} from '../../../../client/src/map/drawHistory';
import { deepFreeze } from '../fixtures';

describe('draw history', () => {
  it('undoes and redoes snapshots in order', () => {
    const h = deepFreeze(pushHistory(pushHistory(createHistory('a'), 'b'), 'c'));
    expect(h).toEqual({ past: ['a', 'b'], present: 'c', future: [] });
    const back = undoHistory(undoHistory(h));
    expect(back).toEqual({ past: [], present: 'a', future: ['b', 'c'] });
    expect(redoHistory(back)).toEqual({ past: ['a'], present: 'b', future: ['c'] });
    expect(canUndo(back)).toBe(false);
    expect(canRedo(back)).toBe(true);
  });

  it('drops the undone future when something new is recorded', () => {
    const h = deepFreeze(undoHistory(pushHistory(pushHistory(createHistory('a'), 'b'), 'c')));
    expect(pushHistory(h, 'd')).toEqual({ past: ['a', 'b'], present: 'd', future: [] });
  });

  it('records nothing when the snapshot equals the present', () => {
    const h = deepFreeze(createHistory({ type: 'Point', coordinates: [12, 55] }));
    const same = { type: 'Point', coordinates: [12, 55] };
    const equals = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
    expect(pushHistory(h, same, { equals })).toBe(h);
    expect(pushHistory(h, same)).not.toBe(h);
  });

  it('keeps at most `limit` undo steps, forgetting the oldest', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 5; i += 1) h = pushHistory(h, i, { limit: 3 });
    expect(h).toEqual({ past: [2, 3, 4], present: 5, future: [] });
  });

  it('returns the same history when there is nothing to undo or redo', () => {
    const h = deepFreeze(createHistory(null));
    expect(undoHistory(h)).toBe(h);
    expect(redoHistory(h)).toBe(h);
  });

  it('behaves like a list with a cursor under any sequence of edits, undos and redos', () => {
    type Op = { kind: 'push'; value: number } | { kind: 'undo' } | { kind: 'redo' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.integer({ min: 0, max: 5 }).map((value) => ({ kind: 'push', value }) as const),
      fc.constant({ kind: 'undo' } as const),
      fc.constant({ kind: 'redo' } as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        // The model: every state in a list, a cursor at the present.
        let states = [-1];
        let cursor = 0;
        let h = createHistory(-1);
        for (const o of ops) {
          if (o.kind === 'push') {
            h = pushHistory(deepFreeze(h), o.value);
            if (states[cursor] !== o.value) {
              states = [...states.slice(0, cursor + 1), o.value];
              cursor += 1;
            }
          } else if (o.kind === 'undo') {
            h = undoHistory(deepFreeze(h));
            cursor = Math.max(0, cursor - 1);
          } else {
            h = redoHistory(deepFreeze(h));
            cursor = Math.min(states.length - 1, cursor + 1);
          }
          expect(h.present).toBe(states[cursor]);
          expect([...h.past, h.present, ...h.future]).toEqual(states);
          expect(canUndo(h)).toBe(cursor > 0);
          expect(canRedo(h)).toBe(cursor < states.length - 1);
        }
      }),
      { seed: 6, numRuns: 300 },
    );
  });
});
