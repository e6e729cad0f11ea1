import { describe, expect, it } from 'vitest';
import { basemapOrigins, readBasemapConfig } from '../../../../../server/src/platform/basemap/readBasemapConfig';

const OSM = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

describe('readBasemapConfig (issue #16)', () => {
  it('is null, the offline map, when nothing is set', () => {
    expect(readBasemapConfig({})).toBeNull();
    expect(readBasemapConfig({ BASEMAP_URL: '  ', BASEMAP_STYLE_URL: '' })).toBeNull();
  });

  it('reads a raster template with its attribution, 256 px tiles and zoom 19 by default', () => {
    expect(readBasemapConfig({ BASEMAP_URL: OSM, BASEMAP_ATTRIBUTION: ' © OpenStreetMap contributors ' })).toEqual({
      kind: 'raster',
      tiles: OSM,
      tileSize: 256,
      maxZoom: 19,
      attribution: '© OpenStreetMap contributors',
    });
  });

  it('reads the tile size and the deepest zoom', () => {
    const basemap = readBasemapConfig({ BASEMAP_URL: OSM, BASEMAP_TILE_SIZE: '512', BASEMAP_MAX_ZOOM: '14' });
    expect(basemap).toMatchObject({ tileSize: 512, maxZoom: 14, attribution: null });
  });

  it('turns a WMTS REST template into MapLibre’s placeholders and keeps a token in the query', () => {
    const basemap = readBasemapConfig({
      BASEMAP_URL:
        'https://wmts.example.dk/1.0.0/kort/default/GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}.jpg?token=abc',
    });
    expect(basemap).toMatchObject({
      tiles: 'https://wmts.example.dk/1.0.0/kort/default/GoogleMapsCompatible/{z}/{y}/{x}.jpg?token=abc',
    });
  });

  it('accepts a WMTS KVP template and a WMS template in Web Mercator', () => {
    const kvp = 'https://w.example.dk/wmts?SERVICE=WMTS&REQUEST=GetTile&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}';
    expect(readBasemapConfig({ BASEMAP_URL: kvp })).toMatchObject({ tiles: kvp });
    const wms = 'https://w.example.dk/wms?REQUEST=GetMap&SRS=EPSG:3857&BBOX={bbox-epsg-3857}&WIDTH=256&HEIGHT=256';
    expect(readBasemapConfig({ BASEMAP_URL: wms })).toMatchObject({ tiles: wms });
  });

  it('reads a style URL', () => {
    expect(readBasemapConfig({ BASEMAP_STYLE_URL: 'https://maps.example.dk/styles/basis/style.json?key=k' })).toEqual({
      kind: 'style',
      url: 'https://maps.example.dk/styles/basis/style.json?key=k',
      attribution: null,
    });
  });

  it.each([
    [{ BASEMAP_URL: 'tile.example.dk/{z}/{x}/{y}.png' }, /BASEMAP_URL must be an absolute http\(s\) URL/],
    [{ BASEMAP_URL: 'file:///etc/{z}/{x}/{y}' }, /BASEMAP_URL must be an http\(s\) URL/],
    [{ BASEMAP_URL: 'https://tile.example.dk/static.png' }, /BASEMAP_URL must be a tile template/],
    [{ BASEMAP_URL: 'https://tile.example.dk/{z}/{x}.png' }, /BASEMAP_URL must be a tile template/],
    [{ BASEMAP_URL: 'https://{s}.tile.example.dk/{z}/{x}/{y}.png' }, /BASEMAP_URL has the placeholder \{s\}/],
    [{ BASEMAP_URL: 'https://user:pw@tile.example.dk/{z}/{x}/{y}.png' }, /BASEMAP_URL must not carry a user/],
    [{ BASEMAP_URL: OSM, BASEMAP_STYLE_URL: 'https://x.dk/style.json' }, /BASEMAP_URL or BASEMAP_STYLE_URL, not both/],
    [{ BASEMAP_URL: OSM, BASEMAP_TILE_SIZE: '300' }, /BASEMAP_TILE_SIZE must be 256 or 512/],
    [{ BASEMAP_URL: OSM, BASEMAP_MAX_ZOOM: '25' }, /BASEMAP_MAX_ZOOM must be an integer from 0 to 24/],
    [{ BASEMAP_URL: OSM, BASEMAP_MAX_ZOOM: '1.5' }, /BASEMAP_MAX_ZOOM/],
    [{ BASEMAP_URL: OSM, BASEMAP_ATTRIBUTION: 'a\nb' }, /BASEMAP_ATTRIBUTION must be one line/],
    [{ BASEMAP_URL: OSM, BASEMAP_ATTRIBUTION: 'x'.repeat(501) }, /BASEMAP_ATTRIBUTION must be at most 500/],
    [{ BASEMAP_ATTRIBUTION: '© Someone' }, /BASEMAP_ATTRIBUTION needs BASEMAP_URL or BASEMAP_STYLE_URL/],
    [{ BASEMAP_MAX_ZOOM: '12' }, /BASEMAP_MAX_ZOOM needs BASEMAP_URL/],
    [{ BASEMAP_STYLE_URL: 'javascript:alert(1)' }, /BASEMAP_STYLE_URL must be an http\(s\) URL/],
    [{ BASEMAP_STYLE_URL: 'https://x.dk/style.json', BASEMAP_TILE_SIZE: '512' }, /BASEMAP_TILE_SIZE applies to/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => readBasemapConfig(env)).toThrow(message);
  });

  it('never repeats a URL in its message: it may hold a token', () => {
    const secret = 'SECRET-TOKEN-123';
    for (const env of [
      { BASEMAP_URL: `nonsense ${secret}` },
      { BASEMAP_URL: `https://t.example.dk/static.png?token=${secret}` },
      { BASEMAP_URL: `https://{s}.t.example.dk/{z}/{x}/{y}.png?token=${secret}` },
      { BASEMAP_STYLE_URL: `ftp://t.example.dk/style.json?token=${secret}` },
    ]) {
      expect(() => readBasemapConfig(env)).toThrow(/BASEMAP_/);
      expect(() => readBasemapConfig(env)).not.toThrow(new RegExp(secret));
    }
  });
});

describe('basemapOrigins', () => {
  it('is the one origin the browser fetches the basemap from, none offline', () => {
    expect(basemapOrigins(null)).toEqual([]);
    expect(basemapOrigins(readBasemapConfig({ BASEMAP_URL: OSM }))).toEqual(['https://tile.openstreetmap.org']);
    const local = readBasemapConfig({ BASEMAP_URL: 'http://127.0.0.1:3201/{z}/{x}/{y}.png' });
    expect(basemapOrigins(local)).toEqual(['http://127.0.0.1:3201']);
    const style = readBasemapConfig({ BASEMAP_STYLE_URL: 'https://maps.example.dk:8443/s/style.json?key=k' });
    expect(basemapOrigins(style)).toEqual(['https://maps.example.dk:8443']);
  });
});
