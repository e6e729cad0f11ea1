import type { KoegeApi } from '../api/KoegeApi';
import type { Policy, PolicyAction } from '../../../server/src/schemas/policy';
import { bboxOfSites } from '../map/bboxOfSites';
import { indexSiteLayers } from '../map/indexSiteLayers';
import type { AppSlice, LoadStatus } from './AppState';
import { errorMessage } from './errorMessage';

export interface PolicySlice {
  policy: Policy | null;
  policyStatus: LoadStatus;
  policyError: string | null;
  /** Number of the chosen policy action ("3.6"), whose sites are highlighted. */
  selectedAction: string | null;
  loadPolicy(): Promise<void>;
  /**
   * Chooses an action (null clears it): its sites' layers are switched on and the map is asked to
   * fit their combined bbox.
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
      } catch (error) {
        set({ policyStatus: 'error', policyError: errorMessage(error) });
      }
    },
    selectAction(actionNumber) {
      set({ selectedAction: actionNumber });
      if (actionNumber === null) return;
      const siteIds = findAction(get().policy, actionNumber)?.site_ids ?? [];
      const { collections } = get();
      const index = indexSiteLayers(collections);
      const layerIds = siteIds.flatMap((id) => index.get(id) ?? []);
      if (layerIds.length > 0) get().setLayersVisible(layerIds, true);
      const bbox = bboxOfSites({ collections, siteIds });
      if (bbox) get().focusOn(bbox);
    },
  });
}
