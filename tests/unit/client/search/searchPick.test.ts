import { describe, expect, it } from 'vitest';
import type { SearchHit } from '@shared/schemas/search';
import { openHit } from '../../../../client/src/features/search/openHit';
import { createAppStore } from '../../../../client/src/store/createAppStore';
import { fakeApi } from '../app/appStoreFixtures';

// Issue #21: a searched parcel or address is pinned (sel= in the link); one selection at a time.
const hit = (over: Partial<SearchHit>): SearchHit => ({
  type: 'address',
  id: '0a3f5081-2b6e-32b8-e044-0003ba298018',
  name: 'Egedesvej 10, 4600 Køge',
  detail: 'Køge',
  match: 'prefix',
  bbox: [12.15, 55.49, 12.15, 55.49],
  distance_m: null,
  ...over,
});

describe('the search pick and the selected site', () => {
  it('an opened address pins it and closes the site; a site opened after it takes the pin’s place', () => {
    const store = createAppStore({ api: fakeApi(), initial: { site: 'kn-1' } });
    const address = hit({});
    openHit({ actions: store.getState(), hit: address, q: 'egedesvej 10' });
    expect(store.getState()).toMatchObject({
      selectedSiteId: null,
      searchQuery: 'egedesvej 10',
      searchPick: { type: 'address', id: address.id, hit: address },
    });

    // A click on a plot on the map.
    store.getState().selectSite('kn-2', 'koege-nord-plots');
    expect(store.getState().selectedSiteId).toBe('kn-2');
    expect(store.getState().searchPick).toBeNull();
  });

  it('a site opened from the search keeps the query for the link and leaves no pin', () => {
    const store = createAppStore({ api: fakeApi() });
    openHit({ actions: store.getState(), hit: hit({ type: 'address' }), q: 'egedesvej' });
    openHit({
      actions: store.getState(),
      hit: hit({ type: 'plot', id: 'kn-1', name: 'KN-01', layer: 'koege-nord-plots' }),
      q: 'kn-01',
    });
    expect(store.getState()).toMatchObject({ selectedSiteId: 'kn-1', searchQuery: 'kn-01', searchPick: null });
  });
});
