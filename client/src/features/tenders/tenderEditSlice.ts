import type { KoegeApi } from '../../api/KoegeApi';
import type { EditableTender, TenderChange, TenderTransitions } from './WorkflowTypes';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { writeProblemOf, type WriteProblem } from './WriteProblem';

/** A tender move as the form sends it; the slice adds the version the user saw. */
export type TenderMove = Omit<TenderChange, 'version'>;

export interface TenderEditSlice {
  /** The selected plot's tender with its version and allowed next states; null until loaded (or for no tender). */
  editTender: EditableTender | null;
  editTenderStatus: LoadStatus;
  /** The state machine's required fields per target state, loaded once. */
  tenderTransitions: TenderTransitions | null;
  tenderSaving: boolean;
  /** Why the last save was refused; null after a success or a new load. */
  tenderProblem: WriteProblem | null;
  /** The status the last successful save moved the tender to (for the confirmation). */
  tenderSavedTo: string | null;
  /** Loads the selected site's editable tender (and the transitions, once). */
  loadEditTender(): Promise<void>;
  /**
   * Moves the selected plot's tender, sending the version seen. On success the form takes the stored tender from
   * the answer, and the site panel, a loaded finder list and the map's tiles (a new layer version) are refreshed;
   * on a stale version the tender is reloaded.
   */
  saveTender(move: TenderMove): Promise<boolean>;
}

export function createTenderEditSlice({ api }: { api: KoegeApi }): AppSlice<TenderEditSlice> {
  return (set, get) => {
    /** Reloads the selected site without emptying the panel first (a reload after a save, not a new choice). */
    const refreshSite = async (siteId: string) => {
      try {
        const site = await api.getSite(siteId);
        if (get().selectedSiteId === siteId) set({ site });
      } catch {
        // The panel keeps the previous details; the tender form shows the saved state.
      }
    };

    return {
      editTender: null,
      editTenderStatus: 'idle',
      tenderTransitions: null,
      tenderSaving: false,
      tenderProblem: null,
      tenderSavedTo: null,
      async loadEditTender() {
        const siteId = get().selectedSiteId;
        if (siteId === null) return;
        // Messages about another plot's tender do not belong to this one.
        if (get().editTender?.site_id !== siteId) set({ editTender: null, tenderProblem: null, tenderSavedTo: null });
        set({ editTenderStatus: 'loading' });
        try {
          const [tender, transitions] = await Promise.all([
            api.getTender(siteId),
            get().tenderTransitions ?? api.getTenderTransitions(),
          ]);
          if (get().selectedSiteId !== siteId) return;
          set({ editTender: tender, tenderTransitions: transitions, editTenderStatus: 'ready' });
        } catch {
          if (get().selectedSiteId === siteId) set({ editTender: null, editTenderStatus: 'error' });
        }
      },
      async saveTender(move) {
        const { editTender, csrfToken } = get();
        if (editTender === null || csrfToken === null) return false;
        const siteId = editTender.site_id;
        set({ tenderSaving: true, tenderProblem: null, tenderSavedTo: null });
        try {
          const saved = await api.changeTender(siteId, { ...move, version: editTender.version }, csrfToken);
          // The answer is the tender as stored; its next states follow from the state machine loaded with it, so
          // the form needs no second request (issue #17: a save refreshes what changed, not every list).
          const allowed = get().tenderTransitions?.transitions[saved.status] ?? [];
          set({ tenderSaving: false, tenderSavedTo: move.to, editTender: { ...saved, allowed } });
          // The tiles' layer version changed with the tender: a new layer list repaints the plot's colour.
          void get().loadLayers();
          get().refreshPlots();
          // The site panel shows the tender's history, with the event just written.
          await refreshSite(siteId);
          return true;
        } catch (error) {
          const tenderProblem = writeProblemOf(error);
          set({ tenderSaving: false, tenderProblem });
          if (tenderProblem.kind === 'denied' && tenderProblem.status === 401) get().sessionEnded();
          // Someone else saved first: show their state, so the user decides again on what is there now.
          if (tenderProblem.kind === 'stale') await Promise.all([refreshSite(siteId), get().loadEditTender()]);
          return false;
        }
      },
    };
  };
}
