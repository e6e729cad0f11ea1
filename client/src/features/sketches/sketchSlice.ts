import type { Geometry } from 'geojson';
import type { KoegeApi } from '../../api/KoegeApi';
import type {
  ConstraintReport,
  ImportPreview,
  PlandataUse,
  SketchAttributes,
  SketchComparison,
  SketchFeature,
  SketchOverlay,
  SketchVersionInfo,
} from './SketchTypes';
import { importContentType } from './importContentType';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';
import { geometryBbox } from './geometryBbox';
import { sketchProblemOf, type SketchProblem } from './SketchProblem';

/** The attributes form of a sketch being drawn or edited. `id` null: a new sketch. */
export interface SketchEditor {
  id: string | null;
  /** The version the edit started from, sent with the save (412 when someone saved since); null for a new one. */
  version: number | null;
  attributes: SketchAttributes;
}

/** What the panel's live region says after a change went through. */
export type SketchNotice =
  | { kind: 'saved'; title: string; version: number }
  | { kind: 'restored'; title: string; version: number; from: number }
  | { kind: 'deleted'; title: string }
  | { kind: 'undeleted'; title: string }
  | { kind: 'imported'; count: number };

/** Which change is on its way to the server (one at a time). */
export type SketchBusy = 'saving' | 'restoring' | 'deleting' | 'undeleting' | 'importing';

/** Whose overlaps the constraint report lists: the unsaved draft or a saved sketch's version. */
export type ConstraintTarget = { kind: 'draft' } | { kind: 'sketch'; id: string; version: number };

/** An import in progress: the file's dry run, then "Save all" or cancel. */
export interface SketchImportState {
  fileName: string;
  proposedUse: PlandataUse;
  /** 'unsupported': not a .geojson, .json or .zip file, so it was not sent. */
  status: 'checking' | 'ready' | 'error' | 'unsupported';
  preview: ImportPreview | null;
  /** The server's message about a bad file (or a refused commit); nothing was saved. */
  error: string | null;
}

export interface SketchSlice {
  /** The live sketches (current versions), as `GET /api/sketches` lists them. */
  sketches: SketchFeature[];
  sketchesStatus: LoadStatus;
  sketchesError: string | null;
  loadSketches(): Promise<void>;
  /** The selected sketch's id (the link's `sketch=`); the map calls selectSketch when a sketch is clicked. */
  selectedSketchId: string | null;
  /** The selected sketch: from the list, or fetched on its own (a linked one before the list, a deleted one). */
  selectedSketch: SketchFeature | null;
  /** True while a sketch from the link still waits to be framed (the link had no `map=`). */
  sketchFocusPending: boolean;
  /** Selects a sketch (null clears); `focus` fits the map to it (a choice in the list, not a click on the map). */
  selectSketch(id: string | null, options?: { focus?: boolean }): void;
  /** The selected sketch's versions, newest first. */
  sketchVersions: SketchVersionInfo[] | null;
  sketchVersionsStatus: LoadStatus;
  loadSketchVersions(): Promise<void>;
  /** Shows an old version of the selected sketch on the map (sketchOverlay.preview). */
  viewSketchVersion(version: number): Promise<void>;
  closeSketchPreview(): void;
  /** Copies an old version into a new current one. */
  restoreSketchVersion(fromVersion: number): Promise<boolean>;
  /** Soft-deletes the selected sketch; `deletedSketch` keeps it for the undo button. */
  deleteSelectedSketch(): Promise<boolean>;
  deletedSketch: SketchFeature | null;
  /** Undoes the last delete (or the selected sketch's, when it is a deleted one from a link). */
  undeleteSketch(): Promise<boolean>;

  /** The attributes form while a sketch is drawn or edited; null when none is. */
  sketchEditor: SketchEditor | null;
  /** Starts drawing (a new sketch unless one is being edited) with the draw tool `mode`. */
  startSketchDrawing(mode: 'polygon' | 'linestring' | 'point'): void;
  /** Opens the selected sketch for editing: its geometry becomes the draft, in select mode. */
  editSelectedSketch(): void;
  setSketchAttributes(patch: Partial<SketchAttributes>): void;
  /** Drops the draft and the form. */
  cancelSketchEdit(): void;
  /** POST (new) or PUT (with the version seen) the draft; `repair` accepts ST_MakeValid's repair explicitly. */
  saveSketch(options?: { repair?: boolean }): Promise<boolean>;
  /** After a 412: loads the sketch as it is now into the form and the draft, discarding this edit. */
  reloadEditedSketch(): Promise<void>;
  sketchBusy: SketchBusy | null;
  /** Why the last change was refused; null after a success or a new start. */
  sketchProblem: SketchProblem | null;
  sketchNotice: SketchNotice | null;

  /** What the map draws for the panel (helper C1's map module reads it). */
  sketchOverlay: SketchOverlay;
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

  sketchImport: SketchImportState | null;
  /** Sends the file as a dry run; the preview's features go to the map (sketchOverlay.imported). */
  previewSketchImport(file: { name: string; data: Blob }, proposedUse: PlandataUse): Promise<void>;
  /** "Save all": the same file without the dry run, all or nothing. */
  commitSketchImport(): Promise<boolean>;
  cancelSketchImport(): void;
}

export const EMPTY_SKETCH_OVERLAY: SketchOverlay = {
  preview: null,
  fault: null,
  constraints: null,
  highlightedConstraintRef: null,
  comparison: null,
  imported: null,
};

/** A new sketch's attributes: Plandata 31 (erhverv), the business land this map is about. */
export const NEW_SKETCH_ATTRIBUTES: SketchAttributes = { title: '', proposed_use: '31', action_number: null, note: '' };

const NEW_SKETCH_EDITOR: SketchEditor = { id: null, version: null, attributes: NEW_SKETCH_ATTRIBUTES };

/**
 * The form the panel shows: the open edit, or a new sketch's when the map has a draft or a draw tool on without one
 * (the drawing tool's keyboard shortcuts start drawing without the panel's buttons).
 */
export function activeSketchEditor(state: {
  sketchEditor: SketchEditor | null;
  draftGeometry: Geometry | null;
  drawMode: string;
}): SketchEditor | null {
  if (state.sketchEditor !== null) return state.sketchEditor;
  const drawing = state.drawMode === 'polygon' || state.drawMode === 'linestring' || state.drawMode === 'point';
  return state.draftGeometry !== null || drawing ? NEW_SKETCH_EDITOR : null;
}

const attributesOf = (sketch: SketchFeature): SketchAttributes => ({
  title: sketch.properties.title,
  proposed_use: sketch.properties.proposed_use,
  action_number: sketch.properties.action_number,
  note: sketch.properties.note,
});

export function createSketchSlice({ api }: { api: KoegeApi }): AppSlice<SketchSlice> {
  return (set, get) => {
    // The import's file stays out of the state (the store holds serialisable data only) until "Save all".
    let pendingUpload: { data: Blob; contentType: string; proposedUse: PlandataUse } | null = null;
    // Answers to an older constraint check or comparison must not overwrite a newer one.
    let constraintSeq = 0;
    let comparisonSeq = 0;

    const overlay = (patch: Partial<SketchOverlay>) => set({ sketchOverlay: { ...get().sketchOverlay, ...patch } });

    /** Puts a sketch as the server returned it into the list (or out of it, when deleted) and the selection. */
    const upsert = (sketch: SketchFeature) => {
      const { sketches: current } = get();
      const listed = current.some((candidate) => candidate.id === sketch.id);
      const sketches =
        sketch.properties.deleted_at !== null
          ? current.filter((candidate) => candidate.id !== sketch.id)
          : listed
            ? current.map((candidate) => (candidate.id === sketch.id ? sketch : candidate))
            : [...current, sketch];
      set({ sketches, ...(get().selectedSketchId === sketch.id ? { selectedSketch: sketch } : {}) });
    };

    const focusOnSketch = (sketch: SketchFeature) => {
      const bbox = geometryBbox(sketch.geometry);
      if (bbox !== null) get().focusOn(bbox);
    };

    const refused = (error: unknown): SketchProblem => {
      const problem = sketchProblemOf(error);
      if (problem.kind === 'denied' && problem.status === 401) get().sessionEnded();
      return problem;
    };

    /** Reloads one sketch after someone else changed it (a 412) or deleted it (a 409). */
    const refreshSketch = async (id: string) => {
      try {
        upsert(await api.getSketch(id));
      } catch {
        // The list keeps what it had; the problem message already says the sketch changed.
      }
      if (get().selectedSketchId === id) void get().loadSketchVersions();
    };

    return {
      sketches: [],
      sketchesStatus: 'idle',
      sketchesError: null,
      async loadSketches() {
        if (get().sketchesStatus === 'loading') return;
        set({ sketchesStatus: 'loading', sketchesError: null });
        try {
          const { features } = await api.getSketches();
          set({ sketches: features, sketchesStatus: 'ready' });
        } catch (error) {
          set({ sketchesStatus: 'error', sketchesError: errorMessage(error) });
          return;
        }
        const id = get().selectedSketchId;
        if (id === null) return;
        const listed = get().sketches.find((sketch) => sketch.id === id) ?? null;
        if (listed !== null) set({ selectedSketch: listed });
        else if (get().selectedSketch?.id !== id) {
          // A link to a deleted (or unknown) sketch: fetch it on its own; unknown clears the selection.
          try {
            const sketch = await api.getSketch(id);
            if (get().selectedSketchId === id) set({ selectedSketch: sketch });
          } catch {
            if (get().selectedSketchId === id) set({ selectedSketchId: null, selectedSketch: null });
          }
        }
        const selected = get().selectedSketch;
        if (get().sketchFocusPending && selected !== null) {
          set({ sketchFocusPending: false });
          focusOnSketch(selected);
        }
        if (get().selectedSketch !== null && get().sketchVersionsStatus === 'idle') void get().loadSketchVersions();
      },

      selectedSketchId: null,
      selectedSketch: null,
      sketchFocusPending: false,
      selectSketch(id, { focus = false } = {}) {
        const same = id === get().selectedSketchId;
        // A deleted sketch (from a link) is not in the list: keep what was fetched for it.
        const sketch =
          id === null
            ? null
            : (get().sketches.find((candidate) => candidate.id === id) ?? (same ? get().selectedSketch : null));
        set({
          selectedSketchId: id,
          selectedSketch: sketch,
          sketchFocusPending: false,
          ...(same ? {} : { sketchVersions: null, sketchVersionsStatus: 'idle' as const }),
        });
        if (!same) {
          overlay({ preview: null });
          if (get().constraintTarget?.kind === 'sketch') get().clearConstraints();
        }
        if (focus && sketch !== null) focusOnSketch(sketch);
        if (id !== null && !same) void get().loadSketchVersions();
      },
      sketchVersions: null,
      sketchVersionsStatus: 'idle',
      async loadSketchVersions() {
        const id = get().selectedSketchId;
        if (id === null) return;
        set({ sketchVersionsStatus: 'loading' });
        try {
          const { versions } = await api.getSketchVersions(id);
          if (get().selectedSketchId === id) set({ sketchVersions: versions, sketchVersionsStatus: 'ready' });
        } catch {
          if (get().selectedSketchId === id) set({ sketchVersions: null, sketchVersionsStatus: 'error' });
        }
      },
      async viewSketchVersion(version) {
        const id = get().selectedSketchId;
        if (id === null) return;
        try {
          const old = await api.getSketchVersion(id, version);
          if (get().selectedSketchId !== id) return;
          overlay({ preview: old });
          focusOnSketch(old);
        } catch (error) {
          set({ sketchProblem: { kind: 'error', message: errorMessage(error) } });
        }
      },
      closeSketchPreview: () => overlay({ preview: null }),
      async restoreSketchVersion(fromVersion) {
        const { selectedSketch: sketch, csrfToken } = get();
        if (sketch === null || csrfToken === null) return false;
        set({ sketchBusy: 'restoring', sketchProblem: null, sketchNotice: null });
        try {
          const restored = await api.restoreSketch(
            sketch.id,
            { fromVersion, version: sketch.properties.version },
            csrfToken,
          );
          upsert(restored);
          set({
            sketchBusy: null,
            sketchNotice: {
              kind: 'restored',
              title: restored.properties.title,
              version: restored.properties.version,
              from: fromVersion,
            },
          });
          overlay({ preview: null });
          if (get().constraintTarget?.kind === 'sketch') get().clearConstraints();
          await get().loadSketchVersions();
          return true;
        } catch (error) {
          const problem = refused(error);
          set({ sketchBusy: null, sketchProblem: problem });
          if (problem.kind === 'stale' || problem.kind === 'deleted') await refreshSketch(sketch.id);
          return false;
        }
      },
      async deleteSelectedSketch() {
        const { selectedSketch: sketch, csrfToken } = get();
        if (sketch === null || csrfToken === null) return false;
        set({ sketchBusy: 'deleting', sketchProblem: null, sketchNotice: null });
        try {
          const deleted = await api.deleteSketch(sketch.id, sketch.properties.version, csrfToken);
          upsert(deleted);
          // An open edit of the deleted sketch has nothing left to save to.
          if (get().sketchEditor?.id === sketch.id) get().cancelSketchEdit();
          set({
            sketchBusy: null,
            deletedSketch: deleted,
            sketchNotice: { kind: 'deleted', title: deleted.properties.title },
          });
          get().selectSketch(null);
          return true;
        } catch (error) {
          const problem = refused(error);
          set({ sketchBusy: null, sketchProblem: problem });
          if (problem.kind === 'stale' || problem.kind === 'deleted') await refreshSketch(sketch.id);
          return false;
        }
      },
      deletedSketch: null,
      async undeleteSketch() {
        const { selectedSketch, csrfToken } = get();
        // The sketch just deleted here, or a deleted one opened from a link.
        const deleted = get().deletedSketch ?? (selectedSketch?.properties.deleted_at != null ? selectedSketch : null);
        if (deleted === null || csrfToken === null) return false;
        set({ sketchBusy: 'undeleting', sketchProblem: null, sketchNotice: null });
        try {
          const back = await api.undeleteSketch(deleted.id, csrfToken);
          upsert(back);
          set({ sketchBusy: null, deletedSketch: null });
          get().selectSketch(back.id);
          set({ sketchNotice: { kind: 'undeleted', title: back.properties.title } });
          return true;
        } catch (error) {
          set({ sketchBusy: null, sketchProblem: refused(error) });
          return false;
        }
      },

      sketchEditor: null,
      startSketchDrawing(mode) {
        if (get().sketchEditor === null) {
          set({
            sketchEditor: NEW_SKETCH_EDITOR,
            sketchProblem: null,
            sketchNotice: null,
          });
          overlay({ fault: null, preview: null });
        }
        get().setDrawMode(mode);
      },
      editSelectedSketch() {
        const sketch = get().selectedSketch;
        if (sketch === null || sketch.properties.deleted_at !== null) return;
        set({
          sketchEditor: { id: sketch.id, version: sketch.properties.version, attributes: attributesOf(sketch) },
          sketchProblem: null,
          sketchNotice: null,
        });
        overlay({ fault: null, preview: null });
        get().loadDraft(sketch.geometry);
        get().setDrawMode('select');
      },
      setSketchAttributes(patch) {
        const editor = activeSketchEditor(get());
        if (editor !== null) set({ sketchEditor: { ...editor, attributes: { ...editor.attributes, ...patch } } });
      },
      cancelSketchEdit() {
        set({ sketchEditor: null, sketchProblem: null });
        overlay({ fault: null });
        if (get().constraintTarget?.kind === 'draft') get().clearConstraints();
        get().clearDraft();
        get().setDrawMode('off');
      },
      async saveSketch({ repair = false } = {}) {
        const { draftGeometry: geometry, drawingInProgress, csrfToken } = get();
        const editor = activeSketchEditor(get());
        if (editor === null || csrfToken === null || geometry === null || drawingInProgress) return false;
        set({ sketchBusy: 'saving', sketchProblem: null, sketchNotice: null });
        const attributes = { ...editor.attributes, title: editor.attributes.title.trim() };
        const body = { ...attributes, geometry, ...(repair ? { repair: true } : {}) };
        try {
          const saved =
            editor.id === null || editor.version === null
              ? await api.createSketch(body, csrfToken)
              : await api.updateSketch(editor.id, { ...body, version: editor.version }, csrfToken);
          upsert(saved);
          set({
            sketchEditor: null,
            sketchBusy: null,
            sketchNotice: { kind: 'saved', title: saved.properties.title, version: saved.properties.version },
          });
          overlay({ fault: null });
          if (get().constraintTarget?.kind === 'draft') get().clearConstraints();
          get().clearDraft();
          get().setDrawMode('off');
          const wasSelected = get().selectedSketchId === saved.id;
          get().selectSketch(saved.id);
          if (wasSelected) void get().loadSketchVersions();
          return true;
        } catch (error) {
          const problem = refused(error);
          set({ sketchBusy: null, sketchProblem: problem });
          overlay({
            fault:
              problem.kind === 'fault' ? { location: problem.fault.location, repaired: problem.fault.repaired } : null,
          });
          if (problem.kind === 'deleted' && editor.id !== null) await refreshSketch(editor.id);
          return false;
        }
      },
      async reloadEditedSketch() {
        const editor = get().sketchEditor;
        if (editor === null || editor.id === null) return;
        try {
          const current = await api.getSketch(editor.id);
          upsert(current);
          if (get().sketchEditor?.id !== current.id) return;
          set({
            sketchEditor: { id: current.id, version: current.properties.version, attributes: attributesOf(current) },
            sketchProblem: null,
          });
          overlay({ fault: null });
          get().loadDraft(current.geometry);
          get().setDrawMode('select');
          if (get().selectedSketchId === current.id) void get().loadSketchVersions();
        } catch (error) {
          set({ sketchProblem: { kind: 'error', message: errorMessage(error) } });
        }
      },
      sketchBusy: null,
      sketchProblem: null,
      sketchNotice: null,

      sketchOverlay: EMPTY_SKETCH_OVERLAY,
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

      sketchImport: null,
      async previewSketchImport(file, proposedUse) {
        const { csrfToken } = get();
        const contentType = importContentType(file.name);
        pendingUpload = null;
        overlay({ imported: null });
        if (csrfToken === null) return;
        if (contentType === null) {
          set({
            sketchImport: { fileName: file.name, proposedUse, status: 'unsupported', preview: null, error: null },
          });
          return;
        }
        const upload = { data: file.data, contentType, proposedUse };
        set({
          sketchImport: { fileName: file.name, proposedUse, status: 'checking', preview: null, error: null },
          sketchNotice: null,
        });
        try {
          const preview = await api.previewSketchImport(upload, csrfToken);
          if (get().sketchImport?.fileName !== file.name) return;
          pendingUpload = upload;
          set({ sketchImport: { fileName: file.name, proposedUse, status: 'ready', preview, error: null } });
          overlay({
            imported: {
              type: 'FeatureCollection',
              features: preview.features.map((feature) => ({
                type: 'Feature',
                id: feature.index,
                geometry: feature.geometry,
                properties: { index: feature.index, title: feature.properties.title, faulty: feature.fault !== null },
              })),
            },
          });
        } catch (error) {
          const problem = refused(error);
          if (get().sketchImport?.fileName !== file.name) return;
          set({
            sketchImport: {
              fileName: file.name,
              proposedUse,
              status: 'error',
              preview: null,
              error: problem.kind === 'fault' ? problem.fault.reason : errorMessage(error),
            },
          });
        }
      },
      async commitSketchImport() {
        const { sketchImport: current, csrfToken } = get();
        if (current === null || current.preview === null || pendingUpload === null || csrfToken === null) return false;
        set({ sketchBusy: 'importing', sketchProblem: null, sketchNotice: null });
        try {
          const { created } = await api.importSketches(pendingUpload, csrfToken);
          for (const sketch of created) upsert(sketch);
          pendingUpload = null;
          set({ sketchBusy: null, sketchImport: null, sketchNotice: { kind: 'imported', count: created.length } });
          overlay({ imported: null });
          return true;
        } catch (error) {
          refused(error);
          set({ sketchBusy: null, sketchImport: { ...current, error: errorMessage(error) } });
          return false;
        }
      },
      cancelSketchImport() {
        pendingUpload = null;
        set({ sketchImport: null });
        overlay({ imported: null });
      },
    };
  };
}
