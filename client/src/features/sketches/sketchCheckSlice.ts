import type { KoegeApi } from '../../api/KoegeApi';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';
import { sketchProblemOf } from './SketchProblem';
import { patchOverlay } from './sketchSliceParts';
import type { ConstraintReport, SketchComparison, SketchOverlay } from './SketchTypes';

/** Whose overlaps the constraint report lists: the unsaved draft or a saved sketch's version. */
export type ConstraintTarget = { kind: 'draft' } | { kind: 'sketch'; id: string; version: number };

export interface SketchCheckSlice {
  constraintReport: ConstraintReport | null;
  constraintTarget: ConstraintTarget | null;
  constraintStatus: LoadStatus;
  constraintError: string | null;
  /** Checks the selected sketch's current version. */
  checkSketchConstraints(): Promise<void>;
  /** Checks the unsaved draft (the sketch being edited is left out of the 'sketch' overlaps). */
  checkDraftConstraints(): Promise<void>;
  clearConstraints(): void;
  /** Highlights one overlap on the map (hover or focus in the list); null clears. */
  highlightConstraint(ref: string | null): void;

  /** The two sketches picked for comparison. */
  sketchCompareIds: { a: string | null; b: string | null };
  setSketchCompareIds(ids: { a: string | null; b: string | null }): void;
  sketchComparison: SketchComparison | null;
  sketchComparisonStatus: LoadStatus;
  sketchComparisonError: string | null;
  compareSketches(): Promise<void>;
  clearSketchComparison(): void;
}

/** What a sketch or the draft overlaps (constraints), and two sketches compared (issue #6). */
export function createSketchCheckSlice({ api }: { api: KoegeApi }): AppSlice<SketchCheckSlice> {
  return (set, get) => {
    // Answers to an older constraint check or comparison must not overwrite a newer one.
    let constraintSeq = 0;
    let comparisonSeq = 0;
    const overlay = (patch: Partial<SketchOverlay>) => patchOverlay(set, get, patch);

    return {
      constraintReport: null,
      constraintTarget: null,
      constraintStatus: 'idle',
      constraintError: null,
      async checkSketchConstraints() {
        const sketch = get().selectedSketch;
        if (sketch === null) return;
        const seq = ++constraintSeq;
        set({
          constraintTarget: { kind: 'sketch', id: sketch.id, version: sketch.properties.version },
          constraintStatus: 'loading',
          constraintError: null,
        });
        try {
          const report = await api.getSketchConstraints(sketch.id);
          if (seq !== constraintSeq) return;
          set({ constraintReport: report, constraintStatus: 'ready' });
          overlay({ constraints: report.items, highlightedConstraintRef: null });
        } catch (error) {
          if (seq === constraintSeq)
            set({ constraintReport: null, constraintStatus: 'error', constraintError: errorMessage(error) });
        }
      },
      async checkDraftConstraints() {
        const { draftGeometry: geometry, sketchEditor: editor, csrfToken } = get();
        if (geometry === null) return;
        const seq = ++constraintSeq;
        set({ constraintTarget: { kind: 'draft' }, constraintStatus: 'loading', constraintError: null });
        try {
          const report = await api.checkConstraints({ geometry, excludeSketch: editor?.id ?? null }, csrfToken);
          if (seq !== constraintSeq) return;
          set({ constraintReport: report, constraintStatus: 'ready' });
          overlay({ constraints: report.items, highlightedConstraintRef: null });
        } catch (error) {
          if (seq !== constraintSeq) return;
          // An invalid draft is refused like a save: say PostGIS's reason and show where.
          const problem = sketchProblemOf(error);
          set({
            constraintReport: null,
            constraintStatus: 'error',
            constraintError: problem.kind === 'fault' ? problem.fault.reason : errorMessage(error),
          });
          if (problem.kind === 'fault') {
            overlay({ fault: { location: problem.fault.location, repaired: problem.fault.repaired } });
          }
        }
      },
      clearConstraints() {
        constraintSeq++;
        set({ constraintReport: null, constraintTarget: null, constraintStatus: 'idle', constraintError: null });
        overlay({ constraints: null, highlightedConstraintRef: null });
      },
      highlightConstraint: (ref) => overlay({ highlightedConstraintRef: ref }),

      sketchCompareIds: { a: null, b: null },
      setSketchCompareIds(ids) {
        set({ sketchCompareIds: ids });
        // A table of other sketches than those picked would mislead.
        if (get().sketchComparison !== null || get().sketchComparisonStatus !== 'idle') get().clearSketchComparison();
      },
      sketchComparison: null,
      sketchComparisonStatus: 'idle',
      sketchComparisonError: null,
      async compareSketches() {
        const { a, b } = get().sketchCompareIds;
        if (a === null || b === null || a === b) return;
        const seq = ++comparisonSeq;
        set({ sketchComparisonStatus: 'loading', sketchComparisonError: null });
        try {
          const comparison = await api.compareSketches(a, b);
          if (seq !== comparisonSeq) return;
          set({ sketchComparison: comparison, sketchComparisonStatus: 'ready' });
          overlay({
            comparison: {
              only_a: comparison.only_a,
              only_b: comparison.only_b,
              intersection: comparison.intersection,
            },
          });
        } catch (error) {
          if (seq === comparisonSeq) {
            set({
              sketchComparison: null,
              sketchComparisonStatus: 'error',
              sketchComparisonError: errorMessage(error),
            });
          }
        }
      },
      clearSketchComparison() {
        comparisonSeq++;
        set({ sketchComparison: null, sketchComparisonStatus: 'idle', sketchComparisonError: null });
        overlay({ comparison: null });
      },
    };
  };
}
