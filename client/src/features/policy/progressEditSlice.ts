import type { KoegeApi } from '../../api/KoegeApi';
import type { ProgressChange, ProgressDetail } from '../tenders';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { writeProblemOf, type WriteProblem } from '../tenders';

export interface ProgressEditSlice {
  /** Per action number: its progress, version and history, once loaded. */
  progressDetails: Record<string, ProgressDetail>;
  progressStatus: Record<string, LoadStatus>;
  /** Per action number: why the last save was refused. */
  progressProblems: Record<string, WriteProblem | null>;
  loadActionProgress(actionNumber: string): Promise<void>;
  /** Saves an action's progress with the version seen; reloads it (with its history) either way. */
  saveActionProgress(actionNumber: string, change: Omit<ProgressChange, 'version'>): Promise<boolean>;
}

export function createProgressEditSlice({ api }: { api: KoegeApi }): AppSlice<ProgressEditSlice> {
  return (set, get) => {
    const setDetail = (n: string, detail: ProgressDetail) =>
      set({ progressDetails: { ...get().progressDetails, [n]: detail } });
    const setStatus = (n: string, status: LoadStatus) =>
      set({ progressStatus: { ...get().progressStatus, [n]: status } });
    const setProblem = (n: string, problem: WriteProblem | null) =>
      set({ progressProblems: { ...get().progressProblems, [n]: problem } });

    return {
      progressDetails: {},
      progressStatus: {},
      progressProblems: {},
      async loadActionProgress(actionNumber) {
        setStatus(actionNumber, 'loading');
        try {
          setDetail(actionNumber, await api.getActionProgress(actionNumber));
          setStatus(actionNumber, 'ready');
        } catch {
          setStatus(actionNumber, 'error');
        }
      },
      async saveActionProgress(actionNumber, change) {
        const detail = get().progressDetails[actionNumber];
        const csrfToken = get().csrfToken;
        if (detail === undefined || csrfToken === null) return false;
        setProblem(actionNumber, null);
        try {
          await api.changeActionProgress(actionNumber, { ...change, version: detail.version }, csrfToken);
          await get().loadActionProgress(actionNumber);
          return true;
        } catch (error) {
          const problem = writeProblemOf(error);
          setProblem(actionNumber, problem);
          if (problem.kind === 'denied' && problem.status === 401) get().sessionEnded();
          if (problem.kind === 'stale') await get().loadActionProgress(actionNumber);
          return false;
        }
      },
    };
  };
}
