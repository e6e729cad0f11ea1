import { describe, expect, it } from 'vitest';
import { buildSourceSpec, MAX_TILE_ZOOM, tileUrlTemplate } from '../../../client/src/map/buildSourceSpec';
import { COLLECTIONS, makeLayer } from './fixtures';

const ORIGIN = 'http://127.0.0.1:3100';

describe('tileUrlTemplate', () => {
  it('is absolute and carries the layer’s version as v', () => {
    const layer = makeLayer({ id: 'koege-nord-plots', version: 7 });
    expect(tileUrlTemplate({ layer, origin: ORIGIN })).toBe(
      'http://127.0.0.1:3100/tiles/koege-nord-plots/{z}/{x}/{y}.mvt?v=7',
    );
  });

  it('changes with the version, so that browser caches miss', () => {
    const url = (version: number) => tileUrlTemplate({ layer: makeLayer({ id: 'sea', version }), origin: ORIGIN });
    expect(url(2)).not.toBe(url(3));
  });
});

describe('buildSourceSpec for a tile layer', () => {
  it('makes a vector source promoting the site id', () => {
    const layer = makeLayer({ id: 'koege-dige', geometry_type: 'line', version: 3 });
    expect(buildSourceSpec({ layer, origin: ORIGIN })).toEqual({
      type: 'vector',
      tiles: ['http://127.0.0.1:3100/tiles/koege-dige/{z}/{x}/{y}.mvt?v=3'],
      minzoom: 0,
      maxzoom: MAX_TILE_ZOOM,
      promoteId: 'id',
    });
  });

  it('asks for tiles from min_zoom and overzooms beyond z16', () => {
    const spec = buildSourceSpec({
      layer: makeLayer({ id: 'bellingeparken', min_zoom: 9, max_zoom: 22 }),
      origin: ORIGIN,
    });
    expect(spec).toMatchObject({ minzoom: 9, maxzoom: 16 });
  });

  it('stops at a max_zoom below z16', () => {
    const spec = buildSourceSpec({ layer: makeLayer({ id: 'sea', min_zoom: 0, max_zoom: 12 }), origin: ORIGIN });
    expect(spec).toMatchObject({ minzoom: 0, maxzoom: 12 });
  });

  it('never ends below where it starts, for a layer that begins above z16', () => {
    const spec = buildSourceSpec({ layer: makeLayer({ id: 'detail', min_zoom: 18, max_zoom: 22 }), origin: ORIGIN });
    expect(spec).toMatchObject({ minzoom: 18, maxzoom: 18 });
  });
});

describe('buildSourceSpec for a point layer', () => {
  const layer = makeLayer({ id: 'stations', geometry_type: 'point' });

  it('makes a GeoJSON source of the features, promoting the site id', () => {
    expect(buildSourceSpec({ layer, origin: ORIGIN, features: COLLECTIONS.stations })).toEqual({
      type: 'geojson',
      data: COLLECTIONS.stations,
      promoteId: 'id',
    });
  });

  it('starts empty when the features are missing', () => {
    expect(buildSourceSpec({ layer, origin: ORIGIN })).toMatchObject({
      type: 'geojson',
      data: { type: 'FeatureCollection', features: [] },
    });
  });
});
