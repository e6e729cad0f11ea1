import { describe, expect, it } from 'vitest';
import { DEFAULT_URL_STATE, formatUrlState, parseUrlState } from '../../../../client/src/app/urlState';
import { httpApi } from '../../../../client/src/api/httpApi';
import { createAppStore } from '../../../../client/src/store/createAppStore';

const ID = '4f0c5a2e-9b1d-4c3e-8a7f-0123456789ab';

// The store tests below only read the link: createAppStore fetches nothing (startApp would), so the real HTTP edge
// is passed and never called.
const api = httpApi;

describe('sketch= in the link', () => {
  it('reads a sketch uuid, lower-cased', () => {
    expect(parseUrlState(`?tab=sketch&sketch=${ID.toUpperCase()}`)).toMatchObject({ tab: 'sketch', sketch: ID });
  });

  it('ignores anything that is not a uuid', () => {
    expect(parseUrlState('?sketch=kn-1').sketch).toBeNull();
    expect(parseUrlState(`?sketch=${ID}x`).sketch).toBeNull();
    expect(parseUrlState("?sketch=1' OR 1=1").sketch).toBeNull();
  });

  it('writes the selected sketch and the tab, and parses them back', () => {
    const search = formatUrlState({ ...DEFAULT_URL_STATE, tab: 'sketch', sketch: ID });
    expect(search).toBe(`?tab=sketch&sketch=${ID}`);
    expect(parseUrlState(search)).toEqual({ ...DEFAULT_URL_STATE, tab: 'sketch', sketch: ID });
  });

  it('never writes an invalid sketch id it was given', () => {
    expect(formatUrlState({ ...DEFAULT_URL_STATE, sketch: 'not-a-uuid' })).toBe('');
  });

  it('opens the sketch tab with the sketch selected, waiting to frame it when the link has no map view', () => {
    const store = createAppStore({ api, initial: parseUrlState(`?sketch=${ID}`) });
    expect(store.getState()).toMatchObject({ sidebarTab: 'sketch', selectedSketchId: ID, sketchFocusPending: true });
  });

  it('keeps the link’s map view instead of framing the sketch', () => {
    const store = createAppStore({ api, initial: parseUrlState(`?map=12/55.5/12.2&sketch=${ID}`) });
    expect(store.getState()).toMatchObject({ selectedSketchId: ID, sketchFocusPending: false });
  });
});
