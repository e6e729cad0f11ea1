import type { KoegeApi } from '../../api/KoegeApi';
import type { Policy, PolicyAction } from '@shared/schemas/policy';
import type { AppSlice, LoadStatus } from '../../store/AppState';
import { errorMessage } from '../../store/errorMessage';

export interface PolicySlice {
  policy: Policy | null;
  policyStatus: LoadStatus;
  policyError: string | null;
  /** Number of the chosen policy action ("3.6"), whose sites are highlighted. */
  selectedAction: string | null;
  loadPolicy(): Promise<void>;
  /**
   * Chooses an action (null clears it): its sites' layers are switched on and the map is asked to
   * fit their joint bbox (computed by the server); an action without sites leaves the map where it is.
   */
  selectAction(actionNumber: string | null): void;
}

/** Finds an action by its number ("3.6") in the policy. */
export function findAction(policy: Policy | null, actionNumber: string): PolicyAction | null {
  for (const initiative of policy?.initiatives ?? []) {
    const action = initiative.actions.find((candidate) => candidate.number === actionNumber);
    if (action) return action;
  }
  return null;
}

export function createPolicySlice({ api }: { api: KoegeApi }): AppSlice<PolicySlice> {
  return (set, get) => ({
    policy: null,
    policyStatus: 'idle',
    policyError: null,
    selectedAction: null,
    async loadPolicy() {
      if (get().policyStatus === 'loading') return;
      set({ policyStatus: 'loading', policyError: null });
      try {
        const policy = await api.getPolicy();
        set({ policy, policyStatus: 'ready' });
        get().restoreFocus();
        get().framePresentation();
      } catch (error) {
        set({ policyStatus: 'error', policyError: errorMessage(error) });
      }
    },
    selectAction(actionNumber) {
      set({ selectedAction: actionNumber });
      const action = actionNumber === null ? null : findAction(get().policy, actionNumber);
      if (action === null) return;
      if (action.sites.length > 0) get().setLayersVisible([...new Set(action.sites.map((site) => site.layer))], true);
      if (action.bbox !== null) get().focusOn(action.bbox);
    },
  });
}
