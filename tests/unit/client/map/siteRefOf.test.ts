import { describe, expect, it } from 'vitest';
import { siteRefOf } from '../../../../client/src/map/siteRefOf';

describe('siteRefOf', () => {
  it('takes the promoted id and the layer property of a rendered feature', () => {
    expect(siteRefOf({ id: 'kn-3', properties: { id: 'kn-3', layer: 'koege-nord-plots', name: 'Grund 3' } })).toEqual({
      id: 'kn-3',
      layer: 'koege-nord-plots',
    });
  });

  it('gives null for a feature without a string id or a layer', () => {
    expect(siteRefOf({ id: 3, properties: { layer: 'koege-nord-plots' } })).toBeNull();
    expect(siteRefOf({ properties: { layer: 'koege-nord-plots' } })).toBeNull();
    expect(siteRefOf({ id: 'kn-3', properties: {} })).toBeNull();
  });
});
