import type { KoegeApi } from '../../api/KoegeApi';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';
import { activeSketchEditor, EMPTY_SKETCH_OVERLAY, NEW_SKETCH_EDITOR, type SketchEditor } from './activeSketchEditor';
import { geometryBbox } from './geometryBbox';
import type { SketchProblem } from './SketchProblem';
import { patchOverlay, refusalOf, upsertSketch } from './sketchSliceParts';
import type { SketchAttributes, SketchFeature, SketchOverlay, SketchVersionInfo } from './SketchTypes';

/** What the panel's live region says after a change went through. */
export type SketchNotice =
  | { kind: 'saved'; title: string; version: number }
  | { kind: 'restored'; title: string; version: number; from: number }
  | { kind: 'deleted'; title: string }
  | { kind: 'undeleted'; title: string }
  | { kind: 'imported'; count: number };

/** Which change is on its way to the server (one at a time). */
export type SketchBusy = 'saving' | 'restoring' | 'deleting' | 'undeleting' | 'importing';

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
}

const attributesOf = (sketch: SketchFeature): SketchAttributes => ({
  title: sketch.properties.title,
  proposed_use: sketch.properties.proposed_use,
  action_number: sketch.properties.action_number,
  note: sketch.properties.note,
});

/** The planners' sketches (issue #6): the list, the selection and its versions, and drawing, editing and saving. */
export function createSketchSlice({ api }: { api: KoegeApi }): AppSlice<SketchSlice> {
  return (set, get) => {
    const overlay = (patch: Partial<SketchOverlay>) => patchOverlay(set, get, patch);
    const upsert = (sketch: SketchFeature) => upsertSketch(set, get, sketch);

    const focusOnSketch = (sketch: SketchFeature) => {
      const bbox = geometryBbox(sketch.geometry);
      if (bbox !== null) get().focusOn(bbox);
    };

    const refused = (error: unknown) => refusalOf(get, error);

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
    };
  };
}
