import type { SearchHit } from '@shared/schemas/search';
import type { AppState } from '../../store/AppState';

type Actions = Pick<
  AppState,
  'selectSite' | 'selectAction' | 'setSidebarTab' | 'focusOn' | 'setSearchQuery' | 'pickSearchHit'
>;

/**
 * Opens a search hit: a site, plot or place is selected (its panel opens), a policy action opens in the policy tab,
 * an initiative opens the policy tab, a parcel or address gets a pin (and `sel=` in the link); the map is fitted to
 * the hit's extent (a point at street level). `q` is kept for the link.
 */
export function openHit({ actions, hit, q }: { actions: Actions; hit: SearchHit; q: string }): void {
  actions.setSearchQuery(q);
  actions.pickSearchHit(hit);
  switch (hit.type) {
    case 'place':
    case 'site':
    case 'plot':
      actions.selectSite(hit.id, hit.layer ?? null);
      break;
    case 'action':
      actions.setSidebarTab('policy');
      actions.selectAction(hit.id);
      break;
    case 'initiative':
      actions.setSidebarTab('policy');
      break;
    case 'parcel':
    case 'address':
      actions.selectSite(null);
      break;
  }
  if (hit.bbox !== null) actions.focusOn(hit.bbox);
}
