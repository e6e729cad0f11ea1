import type { AppState } from '../../store/AppState';
import { sketchProblemOf, type SketchProblem } from './SketchProblem';
import type { SketchFeature, SketchOverlay } from './SketchTypes';

// What the sketch slices (sketchSlice.ts, sketchCheckSlice.ts, sketchImportSlice.ts) share: the store's set and
// get, as zustand hands them to a slice.
type Set = (patch: Partial<AppState>) => void;
type Get = () => AppState;

/** Changes part of what the map draws for the sketch panel. */
export const patchOverlay = (set: Set, get: Get, patch: Partial<SketchOverlay>) =>
  set({ sketchOverlay: { ...get().sketchOverlay, ...patch } });

/** Puts a sketch as the server returned it into the list (or out of it, when deleted) and the selection. */
export function upsertSketch(set: Set, get: Get, sketch: SketchFeature): void {
  const { sketches: current } = get();
  const listed = current.some((candidate) => candidate.id === sketch.id);
  const sketches =
    sketch.properties.deleted_at !== null
      ? current.filter((candidate) => candidate.id !== sketch.id)
      : listed
        ? current.map((candidate) => (candidate.id === sketch.id ? sketch : candidate))
        : [...current, sketch];
  set({ sketches, ...(get().selectedSketchId === sketch.id ? { selectedSketch: sketch } : {}) });
}

/** Why the server refused a change; a 401 also ends the session the store holds. */
export function refusalOf(get: Get, error: unknown): SketchProblem {
  const problem = sketchProblemOf(error);
  if (problem.kind === 'denied' && problem.status === 401) get().sessionEnded();
  return problem;
}
