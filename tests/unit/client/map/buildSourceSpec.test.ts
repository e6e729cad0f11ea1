import { describe, expect, it } from 'vitest';
import {
  buildSources,
  buildSourceSpec,
  buildTilesetSourceSpec,
  MAX_TILE_ZOOM,
  tileUrlTemplate,
} from '../../../../client/src/map/buildSourceSpec';
import { sourceId, tilesetSourceId } from '../../../../client/src/map/ids';
import { COLLECTIONS, makeLayer } from '../fixtures';

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

describe('tileset sources', () => {
  const tileset = { id: 'sites', version: 'a1b2c3d4e5f60718' };
  const members = [
    makeLayer({ id: 'municipality', min_zoom: 0, max_zoom: 22, tileset }),
    makeLayer({ id: 'koege-nord-plots', min_zoom: 9, max_zoom: 22, tileset }),
    makeLayer({ id: 'koege-dige', geometry_type: 'line', min_zoom: 8, max_zoom: 12, tileset }),
  ];

  it('ask one URL with the tileset’s version, from the first zoom any member is drawn at', () => {
    expect(buildTilesetSourceSpec({ members, origin: ORIGIN })).toEqual({
      type: 'vector',
      tiles: ['http://127.0.0.1:3100/tiles/sets/sites/{z}/{x}/{y}.mvt?v=a1b2c3d4e5f60718'],
      minzoom: 0,
      maxzoom: MAX_TILE_ZOOM,
      promoteId: 'id',
    });
    expect(buildTilesetSourceSpec({ members: members.slice(1), origin: ORIGIN })).toMatchObject({ minzoom: 8 });
    expect(buildTilesetSourceSpec({ members: [members[2]!], origin: ORIGIN })).toMatchObject({ maxzoom: 12 });
  });

  it('refuse a group without a tileset', () => {
    expect(() => buildTilesetSourceSpec({ members: [makeLayer({ id: 'sea' })], origin: ORIGIN })).toThrow();
    expect(() => buildTilesetSourceSpec({ members: [], origin: ORIGIN })).toThrow();
  });

  it('buildSources gives one source per tileset and one per other layer', () => {
    const parcels = makeLayer({ id: 'synth-parcels', min_zoom: 13, version: 4 });
    const stations = makeLayer({ id: 'stations', geometry_type: 'point' });
    const sources = buildSources({
      layers: [...members, parcels, stations],
      origin: ORIGIN,
      collections: { stations: COLLECTIONS.stations! },
    });
    expect([...sources.keys()].sort()).toEqual(
      [sourceId('stations'), sourceId('synth-parcels'), tilesetSourceId('sites')].sort(),
    );
    expect(sources.get(sourceId('synth-parcels'))).toEqual(buildSourceSpec({ layer: parcels, origin: ORIGIN }));
    expect(sources.get(tilesetSourceId('sites'))).toEqual(buildTilesetSourceSpec({ members, origin: ORIGIN }));
    expect(sources.get(sourceId('stations'))).toMatchObject({ type: 'geojson', data: COLLECTIONS.stations });
  });
});
